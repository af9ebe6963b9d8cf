"""yeastar_outbound_route and the outbound_routes section of yeastar_config against the emulator: create,
update, no-op re-run, check mode, diff, delete, ordered lists, positions, missing references, a route an IVR
uses, and the gathered -> overridden round trip."""

from helpers import play, task

MODULE = "telephony.pbx.yeastar_outbound_route"
CONFIG = "telephony.pbx.yeastar_config"
PIN = "4711"
PATTERNS = [{"pattern": "9NXXNXXXXXX", "strip": 1}, {"pattern": "91NXXNXXXXXX", "strip": 1, "prepend": "00"}]


def trunk(name, host):
    return task("trunk " + name, "telephony.pbx.yeastar_trunk", name=name, type="peer", hostname=host, port=5060)


def trunks():
    return [trunk("Carrier", "192.0.2.10"), trunk("Backup", "192.0.2.11"),
            task("pins", "telephony.pbx.yeastar_pin_list", name="International", pins=["908172"])]


def national(title="route", **args):
    options = {"name": "National", "dial_patterns": PATTERNS, "trunks": ["Carrier", "Backup"],
               "departments": ["Yeastar"]}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, name="National"):
    found = [item for item in pbx.state()["outbound_routes"] if item["name"] == name]
    return found[0] if found else None


def trunk_ids(pbx, *names):
    ids = dict((t["name"], t["id"]) for t in pbx.state()["trunks"])
    return [ids[name] for name in names]


def test_create_update_rerun_diff_and_delete(workspace, pbx):
    created = workspace.playbook(play(*trunks(), national()), "--diff", json_output=True)
    assert created.rc == 0, created.output
    route = stored(pbx)
    assert [t["id"] for t in route["trunk_list"]] == trunk_ids(pbx, "Carrier", "Backup")
    assert [(p["pattern"], p["strip"], p.get("prepend", "")) for p in route["dial_pattern_list"]] == \
        [("9NXXNXXXXXX", 1, ""), ("91NXXNXXXXXX", 1, "00")]
    assert route["pin_protect"] == "disable" and [m["type"] for m in route["ext_list"]] == ["organization"]

    pbx.reset_counters()
    again = workspace.playbook(play(national(position=1)), json_output=True)
    result = again.results("route")
    assert result["changed"] is False and pbx.counters()["writes"] == 0
    assert result["api_requests"]["sent"] == ["GET outbound_route/search", "GET outbound_route/get",
                                              "GET trunk/list", "GET organization/list"], result["api_requests"]

    swapped = workspace.playbook(play(national(trunks=["Backup", "Carrier"], pin_protect="single_pin", pin=PIN)),
                                 "--diff", json_output=True)
    result = swapped.results("route")
    assert "diff" in result, result.get("msg")
    assert result["diff"]["before"]["trunks"] == ["Carrier", "Backup"]
    assert result["diff"]["after"]["trunks"] == ["Backup", "Carrier"], "trunks are a failover order"
    assert PIN not in swapped.output
    route = stored(pbx)
    assert [t["id"] for t in route["trunk_list"]] == trunk_ids(pbx, "Backup", "Carrier")
    assert (route["pin_protect"], route["pin"]) == ("single_pin", PIN)

    pinned = workspace.playbook(play(national(pin_protect="pin_list", pin_list="International")), json_output=True)
    assert pinned.rc == 0, pinned.output
    assert stored(pbx)["pin_list"] == [p["id"] for p in pbx.state()["pin_lists"]][0]

    deleted = workspace.playbook(play(task("route", MODULE, name="National", state="absent")), json_output=True)
    assert deleted.results("route")["operation"] == "delete" and stored(pbx) is None


def test_check_mode_and_diff_send_no_write(workspace, pbx):
    workspace.playbook(play(*trunks()))
    pbx.reset_counters()
    checked = workspace.playbook(play(national()), "--check", "--diff", json_output=True)
    result = checked.results("route")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST outbound_route/create"])
    assert result["diff"]["after"]["dial_patterns"] == PATTERNS
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None

    workspace.playbook(play(national()))
    pbx.reset_counters()
    update = workspace.playbook(play(national(dial_patterns=list(reversed(PATTERNS)))), "--check", "--diff",
                                json_output=True)
    result = update.results("route")
    assert result["diff"]["after"]["dial_patterns"] == list(reversed(PATTERNS)), "dial patterns are ordered"
    assert result["api_requests"]["planned"] == ["POST outbound_route/update"] and pbx.counters()["writes"] == 0


def test_positions_are_checked_never_moved(workspace, pbx):
    workspace.playbook(play(*trunks(), national(), national("local", name="Local", dial_patterns=[{"pattern": "X."}])))
    assert [(r["name"], r["pos"]) for r in pbx.state()["outbound_routes"]] == [("National", 1), ("Local", 2)]
    pbx.reset_counters()
    run = workspace.playbook(play(
        national("move", name="Local", position=1, _ignore_errors=True),
        national("new", name="Premium", position=1, _ignore_errors=True),
        national("last", name="Premium", position=3)), json_output=True)
    assert "Local is at position 2, the task asks for 1: the OpenAPI cannot move a route" in run.results("move")["msg"]
    assert "Premium would be created at position 3 (a new route goes last)" in run.results("new")["msg"]
    assert run.results("last")["changed"] is True
    assert pbx.counters()["writes"] == 1 and stored(pbx, "Premium")["pos"] == 3


def test_missing_references_fail_and_write_nothing(workspace, pbx):
    workspace.playbook(play(*trunks()))
    pbx.reset_counters()
    run = workspace.playbook(play(
        national("trunk", trunks=["Carrier", "Nowhere"], _ignore_errors=True),
        national("pin list", pin_protect="pin_list", pin_list="Domestic", _ignore_errors=True)), json_output=True)
    assert "trunks: no trunk named 'Nowhere' exists on this PBX (known: Backup, Carrier)" in run.results("trunk")["msg"]
    assert "pin_list: no PIN list named 'Domestic' exists" in run.results("pin list")["msg"]
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None


def test_deleting_a_route_an_ivr_dials_out_through_fails_and_keeps_it(workspace, pbx):
    ivr = task("ivr", "telephony.pbx.yeastar_ivr", number="6200", name="Main menu", enb_dial_outb_routes=True,
               outbound_routes=["National"])
    workspace.playbook(play(*trunks(), national(), ivr))
    pbx.reset_counters()
    run = workspace.playbook(play(task("route", MODULE, name="National", state="absent", _ignore_errors=True)),
                             json_output=True)
    assert run.results("route")["error"]["errcode"] == 70091
    config = workspace.playbook(play(task("config", CONFIG, state="overridden", config={"outbound_routes": []},
                                          _ignore_errors=True)), json_output=True)
    assert "Nothing was deleted: outbound route National is still referenced by 1 (IVR 6200)" in \
        config.results("config")["msg"]
    assert stored(pbx) is not None and pbx.counters()["writes"] == 1, "only the refused delete of the module"


def test_outbound_routes_section_round_trip(workspace, pbx):
    workspace.playbook(play(*trunks()))
    config = {"outbound_routes": [
        {"name": "Emergency", "dial_patterns": [{"pattern": "911"}], "trunks": ["Carrier"]},
        {"name": "National", "dial_patterns": PATTERNS, "trunks": ["Carrier", "Backup"], "departments": ["Yeastar"],
         "outbound_cid": "5503300"},
        {"name": "International", "dial_patterns": [{"pattern": "9011.", "strip": 1}], "trunks": ["Backup"],
         "pin_protect": "pin_list", "pin_list": "International"},
    ]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert [(r["name"], r["pos"]) for r in pbx.state()["outbound_routes"]] == \
        [("Emergency", 1), ("National", 2), ("International", 3)], "created in the order declared"

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", config={"outbound_routes": []}, _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]["outbound_routes"]
    assert [(r["name"], r["position"]) for r in gathered] == [("Emergency", 1), ("National", 2), ("International", 3)]
    assert gathered[1]["dial_patterns"] == [{"pattern": "9NXXNXXXXXX", "strip": 1},
                                            {"pattern": "91NXXNXXXXXX", "strip": 1, "prepend": "00"}]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0

    overridden = workspace.playbook(play(task("config", CONFIG, state="overridden", config={
        "outbound_routes": [r for r in gathered if r["name"] != "National"]})), json_output=True)
    assert overridden.results("config")["sections"]["outbound_routes"]["deleted"] == ["outbound route National"]
    assert [r["name"] for r in pbx.state()["outbound_routes"]] == ["Emergency", "International"]
