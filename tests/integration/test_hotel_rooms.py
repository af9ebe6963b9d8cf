"""roles/hotel_rooms through playbooks/hotel_provision.yml against the emulator: the 120-room sample in one
yeastar_config task, a re-run with changed=0 and no write inside a request budget, a dry run on an empty PBX,
and bad room input refused before any request."""

import hashlib
import json

import pytest

from pbxlab import ROOT

PLAYBOOK = str(ROOT / "playbooks" / "hotel_provision.yml")
SEED = "test-hotel-seed"
APPLY = "telephony.pbx.hotel_rooms : Apply the hotel's declaration"
ROOMS = ["%d%02d" % (floor, room) for floor in range(1, 5) for room in range(1, 31)]
STAFF = ["1000", "1001", "1002", "1100", "1101"]


def derived(kind, number):
    return "Hr%sQ7" % hashlib.sha256(("%s-%s-%s" % (SEED, kind, number)).encode()).hexdigest()[:32]


def test_sample_hotel_is_one_task_and_a_rerun_changes_nothing(workspace, pbx):
    workspace.write_inventory(host_vars={"pbx_secrets": {"hotel_rooms_secret_seed": SEED}})
    first = workspace.playbook(PLAYBOOK, json_output=True)
    assert first.rc == 0, first.output
    created = first.results(APPLY)["sections"]["extensions"]["created"]
    assert sorted(created) == sorted("extension %s" % n for n in ROOMS + STAFF)
    first_requests = pbx.counters()["total"]
    for secret in (SEED, derived("reg", "101"), derived("user", "101")):
        assert secret not in first.output

    state = pbx.state()
    departments = dict((d["id"], d) for d in state["departments"])
    room = dict((e["number"], e) for e in state["extensions"])["101"]
    assert (room["first_name"], room["last_name"], room["email_addr"], room["title"]) == ("Room", "101", "", "standard")
    assert (room["reg_password"], room["user_password"]) == (derived("reg", "101"), derived("user", "101"))
    assert room["outbound_route_permission"] == []
    [floor] = [departments[i] for i in room["organization_list"]]
    assert (floor["name"], departments[floor["parent_id"]]["name"]) == ("Floor 1", "Rooms")
    assert {"Rooms", "Floor 1", "Floor 2", "Floor 3", "Floor 4", "Front Desk", "Housekeeping"} <= set(
        d["name"] for d in departments.values())
    [ring_group] = state["ring_groups"]
    assert ring_group["number"] == "6000"

    pbx.reset_counters()
    second = workspace.playbook(PLAYBOOK, json_output=True)
    assert second.rc == 0, second.output
    assert second.stats()["changed"] == 0
    counters = pbx.counters()
    print("hotel_provision.yml, 120 rooms: first run %d requests, re-run %d (%s)" % (
        first_requests, counters["total"], counters["by_endpoint"]))
    assert counters["writes"] == 0
    assert counters["total"] <= 12, "1 token, 1 tree, list + query per section, 1 revocation: %s" % counters["by_endpoint"]
    assert first_requests <= 150, "one write per object, reads in batches: %d" % first_requests


def test_check_mode_on_an_empty_pbx_writes_nothing(workspace, pbx):
    workspace.write_inventory(host_vars={"pbx_secrets": {"hotel_rooms_secret_seed": SEED}})
    run = workspace.playbook(PLAYBOOK, "--check", json_output=True)
    assert run.rc == 0, run.output
    assert run.stats()["changed"] == 1
    assert len(run.results(APPLY)["sections"]["extensions"]["created"]) == len(ROOMS + STAFF)
    assert pbx.counters()["writes"] == 0
    assert pbx.state()["extensions"] == []


@pytest.mark.parametrize("room, message", [
    ({"number": "12a", "floor": 1}, "12a"),
    ({"number": 101, "floor": 1}, "quoted string"),
    ({"number": "101"}, "one of the following is required: floor, wing"),
], ids=["letters", "unquoted-integer", "no-floor"])
def test_bad_room_input_is_refused_before_any_request(workspace, pbx, room, message):
    workspace.write_inventory(host_vars={"pbx_secrets": {"hotel_rooms_secret_seed": SEED}})
    hotel = workspace.dir / "hotel.json"
    hotel.write_text(json.dumps({"hotel_rooms_rooms": [{"number": "102", "floor": 1}, room]}))
    run = workspace.playbook(PLAYBOOK, "-e", "hotel_vars_file=%s" % hotel)
    assert run.rc != 0
    assert message in run.output, run.output
    assert SEED not in run.output
    assert pbx.counters()["total"] == 0
