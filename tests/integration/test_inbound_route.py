"""yeastar_inbound_route and the inbound_routes section of yeastar_config against the emulator: create, update,
no-op re-run, check mode, diff, delete, missing references, an extension a route sends calls to, and the
gathered -> overridden round trip."""

from helpers import extension, play, task

MODULE = "telephony.pbx.yeastar_inbound_route"
CONFIG = "telephony.pbx.yeastar_config"


def setup():
    return [task("trunk", "telephony.pbx.yeastar_trunk", name="Carrier", type="peer", hostname="192.0.2.10", port=5060),
            extension(),
            task("ring group", "telephony.pbx.yeastar_ring_group", number="6300", name="Front desk",
                 ring_strategy="ring_all", members=["1001"])]


def main_number(title="route", **args):
    options = {"name": "Main number", "trunks": ["Carrier"], "did_patterns": ["5503300", "5503301"],
               "default_destination": {"type": "extension", "number": "1001"}}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, name="Main number"):
    found = [item for item in pbx.state()["inbound_routes"] if item["name"] == name]
    return found[0] if found else None


def ids(pbx, kind, key):
    return dict((str(item[key]), str(item["id"])) for item in pbx.state()[kind])


def test_create_update_rerun_diff_and_delete(workspace, pbx):
    created = workspace.playbook(play(*setup(), main_number()), "--diff", json_output=True)
    assert created.rc == 0, created.output
    route = stored(pbx)
    assert (route["def_dest"], route["def_dest_value"]) == ("extension", ids(pbx, "extensions", "number")["1001"])
    assert sorted(p["did_pattern"] for p in route["did_pattern_list"]) == ["5503300", "5503301"]

    pbx.reset_counters()
    again = workspace.playbook(play(main_number(did_patterns=["5503301", "5503300"], position=1)), json_output=True)
    assert again.results("route")["changed"] is False, "patterns are a set"
    assert pbx.counters()["writes"] == 0

    to_group = main_number(default_destination={"type": "ring_group", "number": "6300"}, alert_info="main")
    updated = workspace.playbook(play(to_group), "--diff", json_output=True)
    result = updated.results("route")
    assert result["diff"]["before"]["default_destination"] == {"type": "extension", "number": "1001"}
    assert result["diff"]["after"]["default_destination"] == {"type": "ring_group", "number": "6300"}
    route = stored(pbx)
    assert (route["def_dest"], route["def_dest_value"], route["alert_info"]) == \
        ("ring_group", ids(pbx, "ring_groups", "number")["6300"], "main")

    deleted = workspace.playbook(play(task("route", MODULE, name="Main number", state="absent")), json_output=True)
    assert deleted.results("route")["operation"] == "delete" and stored(pbx) is None


def test_check_mode_and_diff_send_no_write(workspace, pbx):
    workspace.playbook(play(*setup()))
    pbx.reset_counters()
    checked = workspace.playbook(play(main_number()), "--check", "--diff", json_output=True)
    result = checked.results("route")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST inbound_route/create"])
    assert result["diff"]["after"]["default_destination"] == {"type": "extension", "number": "1001"}
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None

    workspace.playbook(play(main_number()))
    pbx.reset_counters()
    update = workspace.playbook(play(main_number(cid_patterns=["0044."])), "--check", "--diff", json_output=True)
    result = update.results("route")
    assert (result["diff"]["before"]["cid_patterns"], result["diff"]["after"]["cid_patterns"]) == ([], ["0044."])
    assert result["api_requests"]["planned"] == ["POST inbound_route/update"] and pbx.counters()["writes"] == 0


def test_missing_references_fail_and_write_nothing(workspace, pbx):
    workspace.playbook(play(*setup()))
    pbx.reset_counters()
    run = workspace.playbook(play(
        main_number("trunk", trunks=["Nowhere"], _ignore_errors=True),
        main_number("destination", default_destination={"type": "queue", "number": "6400"}, _ignore_errors=True),
        main_number("no trunks", trunks=None, _ignore_errors=True)), json_output=True)
    assert "trunks: no trunk named 'Nowhere' exists on this PBX (known: Carrier)" in run.results("trunk")["msg"]
    assert "no queue numbered '6400' exists" in run.results("destination")["msg"]
    assert "trunks is required to create inbound route Main number" in run.results("no trunks")["msg"]
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None


def test_an_extension_a_route_sends_calls_to_is_not_deleted(workspace, pbx):
    workspace.playbook(play(*setup(), main_number()))
    pbx.reset_counters()
    run = workspace.playbook(play(task("config", CONFIG, state="deleted", config={"extensions": [{"number": "1001"}]},
                                       _ignore_errors=True)), json_output=True)
    assert "Nothing was deleted: extension 1001 is still referenced by" in run.results("config")["msg"]
    assert "inbound route Main number" in run.results("config")["msg"]
    assert pbx.counters()["writes"] == 0


def test_inbound_routes_section_round_trip(workspace, pbx):
    workspace.playbook(play(*setup()))
    config = {"inbound_routes": [
        {"name": "Main number", "trunks": ["Carrier"], "did_patterns": ["5503300"],
         "default_destination": {"type": "ring_group", "number": "6300"}},
        {"name": "Everything else", "trunks": ["Carrier"], "alert_info": "other",
         "default_destination": {"type": "external_num", "number": "5551234", "prefix": "9"}},
    ]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    positions = [(r["name"], r["pos"]) for r in pbx.state()["inbound_routes"]]
    assert positions == [("Main number", 1), ("Everything else", 2)]
    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", config={"inbound_routes": []}, _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    assert round_trip.results("config")["gathered"]["inbound_routes"] == [
        {"name": "Main number", "position": 1, "trunks": ["Carrier"], "did_patterns": ["5503300"],
         "default_destination": {"type": "ring_group", "number": "6300"}},
        {"name": "Everything else", "position": 2, "trunks": ["Carrier"], "alert_info": "other",
         "default_destination": {"type": "external_num", "number": "5551234", "prefix": "9"}},
    ]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0


# ---------------------------------------------------------------- matching modes and every destination type

PEER = {"name": "Carrier", "country": "general", "type": "peer", "transport": "udp", "hostname": "192.0.2.10",
        "port": 5060, "domain": "192.0.2.10", "codec_sel": "ulaw"}


def office(pbx, **more):
    """Trunk Carrier, extensions 1001 and 1002, phonebooks Suppliers and Partners, outbound route International
    and the prompt Closed.wav, seeded without API requests."""
    return pbx.seed(custom_prompts=["Closed.wav"], trunks=[PEER], outbound_routes=[{"name": "International"}],
                    extensions=[{"type": "SIP", "number": n, "first_name": "Staff", "last_name": n,
                                 "user_password": "Userpwd1011", "reg_name": "r" + n, "reg_password": "Regpwd1011",
                                 "presence_status": "available", "organization_list": [{"value": "1"}]}
                                for n in ("1001", "1002")],
                    phonebooks=[{"name": "Suppliers"}, {"name": "Partners"}], **more)


def routes(**changes):
    """One route per way of matching and per new destination type, as yeastar_inbound_route tasks."""
    declared = {
        "Range": {"did_range_start": "5503301", "did_range_end": "5503310",
                  "default_destination": {"type": "range_to_ext", "range": "1001-1010"}},
        "Mapped": {"did_extensions": [{"did": "5503320", "extension": "1001"}], "cid_phonebooks": ["Suppliers"],
                   "default_destination": {"type": "pattern_to_ext_list"}},
        "Pattern": {"did_pattern_to_extension": "55034XX",
                    "default_destination": {"type": "pattern_to_ext", "extensions": ["1002", "1001"]}},
        "Abroad": {"did_patterns": ["5503330"], "default_destination": {"type": "outroute", "name": "International"}},
        "Closed": {"did_patterns": ["5503340"],
                   "default_destination": {"type": "play_greeting", "prompt": "Closed.wav", "repeat": 2}},
        "Fax": {"did_patterns": ["5503350"], "default_destination": {"type": "fax_to_email"}},
        "Off": {"did_patterns": ["5503360"], "default_destination": {"type": "disabled"}},
    }
    for name, options in changes.items():
        declared[name] = dict(declared[name], **options)
    return [task(name, MODULE, name=name, trunks=["Carrier"], **options) for name, options in declared.items()]


def test_matching_modes_and_destination_types(workspace, pbx):
    seeded = office(pbx)
    created = workspace.playbook(play(*routes()), "--diff", json_output=True)
    assert created.rc == 0, created.output
    assert pbx.counters()["by_method_endpoint"]["POST inbound_route/create"] == 7
    ext = ids(pbx, "extensions", "number")
    books = dict(zip(("Suppliers", "Partners"), seeded["phonebooks"]))
    mapped = stored(pbx, "Mapped")
    assert (mapped["did_option"], mapped["cid_option"], mapped["cid_to_phonebook"]) == \
        ("pattern_to_ext_list", "phonebook", "[%d]" % books["Suppliers"])
    assert [(d["did_pattern"], d["did_pattern_to_ext"]) for d in mapped["did_pattern_to_ext_list"]] == \
        [("5503320", ext["1001"])]
    assert (stored(pbx, "Range")["did_to_ext_start"], stored(pbx, "Range")["def_dest_value"]) == ("5503301", "1001-1010")
    assert sorted(m["value"] for m in stored(pbx, "Pattern")["def_dest_ext_list"]) == sorted([ext["1001"], ext["1002"]])
    assert stored(pbx, "Abroad")["def_dest_value"] == str(seeded["outbound_routes"][0])
    assert (stored(pbx, "Closed")["def_dest_prefix"], stored(pbx, "Closed")["def_dest_value"]) == ("2", "Closed.wav")
    assert created.results("Pattern")["diff"]["after"]["default_destination"] == {
        "type": "pattern_to_ext", "extensions": ["1001", "1002"]}

    pbx.reset_counters()
    again = workspace.playbook(play(*routes()), json_output=True)
    assert [again.results(name)["changed"] for name in ("Range", "Mapped", "Pattern", "Abroad", "Closed", "Fax",
                                                        "Off")] == [False] * 7
    assert pbx.counters()["writes"] == 0

    changes = {"Range": {"did_range_end": "5503320", "default_destination": {"type": "range_to_ext", "range": "1001-1020"}},
               "Mapped": {"did_extensions": [{"did": "5503320", "extension": "1002"}], "cid_phonebooks": None,
                          "cid_patterns": ["0044."]},
               "Abroad": {"did_patterns": None, "did_range_start": "5503330", "did_range_end": "5503331",
                          "default_destination": {"type": "extension", "number": "1001"}}}
    pbx.reset_counters()
    checked = workspace.playbook(play(*routes(**changes)), "--check", "--diff", json_output=True)
    assert checked.rc == 0, checked.output
    assert pbx.counters()["writes"] == 0 and stored(pbx, "Mapped")["cid_option"] == "phonebook"
    result = checked.results("Mapped")
    assert result["api_requests"]["planned"] == ["POST inbound_route/update"]
    assert (result["diff"]["before"]["did_extensions"], result["diff"]["after"]["did_extensions"]) == \
        ([{"did": "5503320", "extension": "1001"}], [{"did": "5503320", "extension": "1002"}])
    assert (result["diff"]["before"]["cid_patterns"], result["diff"]["after"]["cid_patterns"]) == ([], ["0044."])

    updated = workspace.playbook(play(*routes(**changes)), "--diff", json_output=True)
    assert updated.rc == 0, updated.output
    assert [updated.results(name)["changed"] for name in ("Range", "Mapped", "Abroad", "Closed")] == \
        [True, True, True, False]
    assert pbx.counters()["by_method_endpoint"]["POST inbound_route/update"] == 3
    mapped, abroad = stored(pbx, "Mapped"), stored(pbx, "Abroad")
    assert (mapped["cid_option"], [p["cid_pattern"] for p in mapped["cid_pattern_list"]]) == ("patterns", ["0044."])
    assert (abroad["did_option"], abroad["did_to_ext_start"], abroad["did_to_ext_end"]) == \
        ("range_to_ext", "5503330", "5503331")
    assert stored(pbx, "Range")["did_to_ext_end"] == "5503320"
    # the International route and the Suppliers phonebook are no longer used: the PBX lets them go
    pbx.reset_counters()
    rerun = workspace.playbook(play(*routes(**changes)), json_output=True)
    assert rerun.rc == 0 and pbx.counters()["writes"] == 0


def test_invalid_matching_and_missing_references_write_nothing(workspace, pbx):
    office(pbx)
    pbx.reset_counters()

    def route(title, **options):
        return task(title, MODULE, name=title, trunks=["Carrier"], _ignore_errors=True, **dict({
            "default_destination": {"type": "end_call"}}, **options))
    run = workspace.playbook(play(
        route("two ways", did_patterns=["1"], did_range_start="1", did_range_end="2"),
        route("half range", did_range_start="5503301"),
        route("reversed", did_range_start="5503310", did_range_end="5503301"),
        route("no list", default_destination={"type": "pattern_to_ext_list"}),
        route("no members", default_destination={"type": "pattern_to_ext"}),
        route("book", cid_phonebooks=["Nowhere"]),
        route("mapped", did_extensions=[{"did": "5503320", "extension": "1999"}]),
        route("route", default_destination={"type": "outroute", "name": "Nowhere"}),
        route("member", default_destination={"type": "pattern_to_ext", "extensions": ["1999"]}),
        route("timed", time_based_routing={"time_condition": "global"})), json_output=True)
    messages = dict((title, run.results(title)["msg"]) for title in (
        "two ways", "half range", "reversed", "no list", "no members", "book", "mapped", "route", "member", "timed"))
    assert "did_patterns, did_range_start and did_range_end are different ways to match" in messages["two ways"]
    assert "did_range_end is required to match by range_to_ext" in messages["half range"]
    assert "did_range_end 5503301 is below did_range_start 5503310" in messages["reversed"]
    assert "pattern_to_ext_list rings the extensions of did_extensions" in messages["no list"]
    assert "of type pattern_to_ext needs extensions or extension_groups" in messages["no members"]
    assert "no phonebook named 'Nowhere'" in messages["book"]
    assert "no extension numbered '1999'" in messages["mapped"] and "no extension numbered '1999'" in messages["member"]
    assert "no outbound route named 'Nowhere'" in messages["route"]
    assert "time_based_routing is set in the web interface; the OpenAPI cannot set it" in messages["timed"]
    assert pbx.counters()["writes"] == 0 and pbx.state()["inbound_routes"] == []


def test_a_phonebook_or_outbound_route_a_route_uses_is_not_deleted(workspace, pbx):
    office(pbx)
    workspace.playbook(play(*routes()[1:4]))
    pbx.reset_counters()
    run = workspace.playbook(play(
        task("book", CONFIG, state="deleted", config={"phonebooks": [{"name": "Suppliers"}]}, _ignore_errors=True),
        task("route", CONFIG, state="deleted", config={"outbound_routes": [{"name": "International"}]},
             _ignore_errors=True),
        task("module", "telephony.pbx.yeastar_phonebook", name="Suppliers", state="absent", _ignore_errors=True)),
        json_output=True)
    assert "phonebook Suppliers is still referenced by 1 (inbound route Mapped)" in run.results("book")["msg"]
    assert "outbound route International is still referenced by 1 (inbound route Abroad)" in run.results("route")["msg"]
    assert run.results("module")["error"]["errcode"] == 70091, "the PBX refuses the module's delete"
    assert pbx.counters()["by_method_endpoint"].get("GET phonebook/delete") == 1
    assert len(pbx.state()["phonebooks"]) == 2
    assert [r["name"] for r in pbx.state()["outbound_routes"]] == ["International"]


TIMED = {"name": "After hours", "trunk_list": [{"id": 1}], "def_dest": "disabled", "time_condition": "custom",
         "time_condition_value": [{"days_of_week": "mon tue", "times": ["09:15-12:00"]}],
         "business_hours_destination": "extension", "business_hours_destination_value": "1",
         "outside_business_hours_destination": "play_greeting",
         "outside_business_hours_destination_value": "Closed.wav"}


def test_time_based_routing_is_read_only(workspace, pbx):
    office(pbx, inbound_routes=[TIMED])
    pbx.reset_counters()
    run = workspace.playbook(play(
        task("info", "telephony.pbx.yeastar_info", gather=["inbound_routes"], _register="info"),
        task("config", CONFIG, state="gathered", config={"inbound_routes": []}, _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}"),
        task("route", MODULE, name="After hours", time_based_routing={"time_condition": "global"},
             _ignore_errors=True)), json_output=True)
    assert run.rc == 0, run.output
    expected = {"time_condition": "custom",
                "time_condition_value": [{"days_of_week": "mon tue", "times": ["09:15-12:00"]}],
                "business_hours_destination": "extension", "business_hours_destination_value": "1001-Staff 1001",
                "outside_business_hours_destination": "play_greeting",
                "outside_business_hours_destination_value": "Closed.wav",
                "holidays_hours_destination": "end_call"}
    listed = run.results("info")["inbound_routes"][0]
    assert dict((key, listed[key]) for key in expected if key in listed) == expected
    gathered = run.results("config")["gathered"]["inbound_routes"][0]
    assert gathered["time_based_routing"] == expected
    assert gathered["default_destination"] == {"type": "disabled"}
    assert run.results("back")["changed"] is False
    message = run.results("route")["msg"]
    assert "time_based_routing is set in the web interface; the OpenAPI cannot set it" in message
    assert "'time_condition': 'custom'" in message
    assert pbx.counters()["writes"] == 0
