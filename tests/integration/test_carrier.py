"""playbooks/connect_carrier.yml against the emulator: a PBX connected to a SIP carrier end to end (register trunk,
outbound routes, inbound routes to an extension and to a ring group, a phonebook of contacts) in one task; the
re-run changes nothing, and the yeastar_config round trip of every connectivity and directory section (gathered,
then overridden with what was gathered) sends no write."""

import pathlib

from helpers import play, task

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAYBOOK = str(ROOT / "playbooks" / "connect_carrier.yml")


def test_a_carrier_connection_converges_and_round_trips_without_writes(workspace, pbx):
    first = workspace.playbook(PLAYBOOK, json_output=True)
    assert first.rc == 0, first.output
    state = pbx.state()
    assert [t["name"] for t in state["trunks"]] == ["Carrier"]
    routes = dict((r["name"], r) for r in state["inbound_routes"])
    assert set(routes) == {"Main number", "Sales line"}
    assert sorted(r["name"] for r in state["outbound_routes"]) == ["International", "National"]
    assert [p["name"] for p in state["phonebooks"]] == ["Suppliers"]
    first_counts = pbx.counters()

    pbx.reset_counters()
    again = workspace.playbook(PLAYBOOK, json_output=True)
    assert again.rc == 0, again.output
    result = again.results("Trunk, routes, extensions, ring group and phonebook in one task")
    assert result["changed"] is False
    assert pbx.counters()["writes"] == 0
    print("connect_carrier.yml requests: first run %d (%d writes), second run %d (0 writes)"
          % (first_counts["total"], first_counts["writes"], pbx.counters()["total"]))

    pbx.reset_counters()
    config = "telephony.pbx.yeastar_config"
    round_trip = workspace.playbook(play(task("export", config, state="gathered", _register="live"),
                                         task("back", config, state="overridden", config="{{ live.gathered }}")),
                                    json_output=True)
    assert round_trip.rc == 0, round_trip.output
    live = round_trip.results("export")["gathered"]
    assert len(live["trunks"]) == 1 and len(live["inbound_routes"]) == 2 and len(live["outbound_routes"]) == 2
    assert len(live["company_contacts"]) == 2 and live["phonebooks"][0]["contacts"] == [
        "Jay Prichett (Closet)", "Joseph Goffin (Ticketsales)"]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0
