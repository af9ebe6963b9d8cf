"""yeastar_trunk and the trunks section of yeastar_config against the emulator: create, update, no-op re-run,
check mode, diff, delete, a change of kind (a replacement), missing references, a trunk a route uses, the
password never shown, and the gathered -> overridden round trip."""

from helpers import extension, play, task

MODULE = "telephony.pbx.yeastar_trunk"
CONFIG = "telephony.pbx.yeastar_config"
PASSWORD = "Carrier-Passw0rd"
NEW_PASSWORD = "Carrier-Passw0rd-2"


def carrier(title="trunk", **args):
    options = {"name": "Carrier", "type": "register", "hostname": "sip.carrier.example.com", "port": 5060,
               "username": "5503300", "password": PASSWORD, "auth_name": "5503300", "codecs": ["g722", "ulaw"],
               "def_outbound_cid": "5503300",
               "dids": [{"did": "5503300", "name": "Main"}, {"did": "5503301", "name": "Support"}]}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, name="Carrier"):
    found = [item for item in pbx.state()["trunks"] if item["name"] == name]
    return found[0] if found else None


def test_create_update_rerun_diff_and_delete_without_showing_the_password(workspace, pbx, tmp_path):
    log = tmp_path / "ansible.log"
    env = {"ANSIBLE_LOG_PATH": str(log), "ANSIBLE_PERSISTENT_LOG_MESSAGES": "True"}
    created = workspace.playbook(play(carrier()), "--diff", "-vvvv", env=env)
    assert created.rc == 0, created.output
    trunk = stored(pbx)
    assert (trunk["type"], trunk["codec_sel"], trunk["domain"], trunk["country"], trunk["password"]) == \
        ("register", "g722,ulaw", "sip.carrier.example.com", "general", PASSWORD)
    assert sorted(d["did"] for d in trunk["did_list"]) == ["5503300", "5503301"]

    pbx.reset_counters()
    dids_reversed = [{"did": "5503301", "name": "Support"}, {"did": "5503300", "name": "Main"}]
    again = workspace.playbook(play(carrier(dids=dids_reversed, password=NEW_PASSWORD)), json_output=True)
    result = again.results("trunk")
    assert result["changed"] is False, "DIDs are a set; the password is left alone under on_create"
    assert pbx.counters()["writes"] == 0
    assert result["api_requests"]["sent"] == ["GET trunk/search", "GET trunk/get"]

    updated = workspace.playbook(play(carrier(codecs=["ulaw", "g722"], password=NEW_PASSWORD, update_password="always",
                                              def_outbound_cid_name="Example Ltd")), "--diff", "-vvvv", env=env)
    assert updated.rc == 0, updated.output
    trunk = stored(pbx)
    assert (trunk["codec_sel"], trunk["password"], trunk["def_outbound_cid_name"]) == \
        ("ulaw,g722", NEW_PASSWORD, "Example Ltd"), "codecs are a preference order"
    assert "Example Ltd" in updated.output, "the diff shows the change"

    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["trunks"])), "-vvvv", env=env)
    assert "sip.carrier.example.com" in info.output
    text = created.output + updated.output + info.output + log.read_text()
    assert PASSWORD not in text and NEW_PASSWORD not in text

    deleted = workspace.playbook(play(task("trunk", MODULE, name="Carrier", state="absent")), "--diff", json_output=True)
    assert deleted.results("trunk")["operation"] == "delete" and stored(pbx) is None


def test_check_mode_and_diff_send_no_write(workspace, pbx):
    checked = workspace.playbook(play(carrier()), "--check", "--diff", json_output=True)
    result = checked.results("trunk")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST trunk/create"])
    assert result["diff"]["after"]["codecs"] == ["g722", "ulaw"] and PASSWORD not in checked.output
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None

    workspace.playbook(play(carrier()))
    pbx.reset_counters()
    update = workspace.playbook(play(carrier(port=5080)), "--check", "--diff", json_output=True)
    result = update.results("trunk")
    assert (result["diff"]["before"]["port"], result["diff"]["after"]["port"]) == (5060, 5080)
    assert result["api_requests"]["planned"] == ["POST trunk/update"] and pbx.counters()["writes"] == 0
    assert stored(pbx)["port"] == 5060


def test_a_change_of_kind_replaces_the_trunk_and_the_diff_says_so(workspace, pbx):
    workspace.playbook(play(carrier()))
    peer = task("trunk", MODULE, name="Carrier", type="peer", hostname="192.0.2.20", port=5060)
    checked = workspace.playbook(play(peer), "--check", "--diff", json_output=True)
    result = checked.results("trunk")
    assert result.get("operation") == "replace", result.get("msg")
    assert "type cannot change in place" in result["diff"]["after"]["replaced"]
    assert result["api_requests"]["planned"] == ["POST trunk/create", "GET trunk/delete", "POST trunk/update"]
    assert stored(pbx)["type"] == "register"

    replaced = workspace.playbook(play(peer), json_output=True)
    assert replaced.rc == 0, replaced.output
    trunk = stored(pbx)
    assert (trunk["type"], trunk["hostname"], trunk["codec_sel"]) == ("peer", "192.0.2.20", "g722,ulaw"), \
        "the replacement keeps the codecs and DIDs its kind has"
    assert sorted(d["did"] for d in trunk["did_list"]) == ["5503300", "5503301"]
    assert [t["name"] for t in pbx.state()["trunks"]] == ["Carrier"]
    assert workspace.playbook(play(peer), json_output=True).results("trunk")["changed"] is False


def test_invalid_input_fails_before_any_request(workspace, pbx):
    run = workspace.playbook(play(
        task("peer with a user name", MODULE, name="Office", type="peer", hostname="192.0.2.20", port=5060,
             username="x", _ignore_errors=True),
        task("weak password", MODULE, name="Office", type="register", hostname="h.example.com", port=5060,
             username="u", auth_name="u", password="weakpassword", _ignore_errors=True),
        task("unknown provider", MODULE, name="Office", type="peer", hostname="192.0.2.20", port=5060,
             itsp="No Such Carrier", _ignore_errors=True),
    ), json_output=True)
    assert "Office: a peer trunk has no username" in run.results("peer with a user name")["msg"]
    assert "at least 10 characters" in run.results("weak password")["msg"]
    assert "no provider 'No Such Carrier'" in run.results("unknown provider")["msg"]
    assert pbx.counters()["writes"] == 0


def test_a_provider_template_sets_the_country(workspace, pbx):
    run = workspace.playbook(play(task("trunk", MODULE, name="VoIP", type="peer", hostname="192.0.2.30", port=5060,
                                       itsp="VoIP.ms")), json_output=True)
    assert run.rc == 0, run.output
    assert (stored(pbx, "VoIP")["itsp"], stored(pbx, "VoIP")["country"]) == ("VoIP.ms", "Canada")


def test_missing_extension_in_caller_ids_fails_and_writes_nothing(workspace, pbx):
    caller_ids = [{"option": "shared", "caller_id": "5503302", "extensions": ["1001"]}]
    missing = workspace.playbook(play(carrier(outbound_caller_ids=caller_ids, _ignore_errors=True)), json_output=True)
    assert "no extension numbered '1001' exists" in missing.results("trunk")["msg"]
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None

    made = workspace.playbook(play(extension(), carrier(outbound_caller_ids=caller_ids)), json_output=True)
    assert made.rc == 0, made.output
    assert [e["id"] for e in stored(pbx)["outbound_cid_list"][0]["ext_list"]] == \
        [e["id"] for e in pbx.state()["extensions"] if e["number"] == "1001"]
    pbx.reset_counters()
    again = workspace.playbook(play(carrier(outbound_caller_ids=caller_ids)), json_output=True)
    assert again.results("trunk")["changed"] is False and pbx.counters()["writes"] == 0


def test_deleting_a_trunk_a_route_uses_fails_and_keeps_it(workspace, pbx):
    workspace.playbook(play(carrier(), task("route", "telephony.pbx.yeastar_outbound_route", name="National",
                                            trunks=["Carrier"], dial_patterns=[{"pattern": "9X."}])))
    pbx.reset_counters()
    run = workspace.playbook(play(task("trunk", MODULE, name="Carrier", state="absent", _ignore_errors=True)),
                             json_output=True)
    result = run.results("trunk")
    assert result["failed"] and result["error"]["errcode"] == 70091, result
    assert stored(pbx) is not None

    config = workspace.playbook(play(task("config", CONFIG, state="overridden", config={"trunks": []},
                                          _ignore_errors=True)), json_output=True)
    assert "Nothing was deleted: trunk Carrier is still referenced by 1 (outbound route National)" in \
        config.results("config")["msg"]
    assert stored(pbx) is not None
    assert pbx.counters()["writes"] == 1, "only the refused delete of the module"


def test_trunks_section_round_trip(workspace, pbx):
    config = {"trunks": [
        {"name": "Carrier", "type": "register", "hostname": "sip.carrier.example.com", "port": 5060,
         "username": "5503300", "password": PASSWORD, "auth_name": "5503300", "dids": [{"did": "5503300"}]},
        {"name": "Office", "type": "peer", "hostname": "192.0.2.20", "port": 5062, "transport": "tcp"},
        {"name": "Fax", "type": "account", "username": "6700", "password": "fax-secret", "auth_name": "6700",
         "enable": False},
    ]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["trunks"]["created"] == ["trunk Carrier", "trunk Office", "trunk Fax"]
    assert PASSWORD not in first.output

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", config={"trunks": []}, _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]["trunks"]
    assert gathered == [
        {"name": "Carrier", "type": "register", "country": "general", "hostname": "sip.carrier.example.com",
         "port": 5060, "domain": "sip.carrier.example.com", "username": "5503300", "auth_name": "5503300",
         "dids": [{"did": "5503300"}]},
        {"name": "Fax", "type": "account", "enable": False, "country": "general", "username": "6700",
         "auth_name": "6700"},
        {"name": "Office", "type": "peer", "country": "general", "transport": "tcp", "hostname": "192.0.2.20",
         "port": 5062, "domain": "192.0.2.20"},
    ], "the password is left out, like every secret, and so are the fields of other kinds"
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0
