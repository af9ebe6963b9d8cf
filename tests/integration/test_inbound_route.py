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
