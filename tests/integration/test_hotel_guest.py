"""yeastar_wakeup_call, yeastar_hotel_guest, the wakeup_calls section of yeastar_config, and the hotel_rooms role's
check-in and check-out playbooks against the emulator: created, updated and removed idempotently, check mode
without writes, check-in then check-out back to the provisioned vacant room, re-provisioning that leaves guests in,
70524, and bad room input refused before any request."""

import json

import pytest

from helpers import REG_PASSWORD, USER_PASSWORD, play, task
from pbxlab import ROOT

ALARM = "telephony.pbx.yeastar_wakeup_call"
GUEST = "telephony.pbx.yeastar_hotel_guest"
CONFIG = "telephony.pbx.yeastar_config"
WEEKDAYS = ["every_monday", "every_tuesday", "every_wednesday", "every_thursday", "every_friday"]
SEED = "test-hotel-seed"
CHECKIN = str(ROOT / "playbooks" / "hotel_checkin.yml")
CHECKOUT = str(ROOT / "playbooks" / "hotel_checkout.yml")
PROVISION = str(ROOT / "playbooks" / "hotel_provision.yml")
HOTEL = {
    "hotel_rooms_rooms": [{"number": "101", "floor": 1}, {"number": "102", "floor": 1, "type": "suite"}],
    "hotel_rooms_outbound_routes_by_type": {"suite": ["Local"]},
    "hotel_rooms_front_desk_extensions": [{"number": "1000", "first_name": "Front", "last_name": "Desk"}],
    "hotel_rooms_wakeup_prompt": "wake-up.wav",
}


def seed_room(pbx, number="101"):
    pbx.seed(custom_prompts=["wake-up.wav"], extensions=[{
        "type": "SIP", "number": number, "first_name": "Room", "last_name": number, "user_password": USER_PASSWORD,
        "reg_name": number, "reg_password": REG_PASSWORD, "presence_status": "available",
        "concurrent_registrations": 1, "organization_list": [{"value": "1"}]}])


def alarms_of(pbx):
    return sorted((alarm["alarm_time"], alarm["repeat_type"], alarm["number_of_snoozes"], alarm["snooze_duration"],
                   alarm["alarm_prompt"]) for alarm in pbx.state()["wakeup_calls"])


def alarm(title, **args):
    return task(title, ALARM, **dict({"extension": "101"}, **args))


def test_one_wakeup_call_created_updated_and_removed_idempotently(workspace, pbx):
    seed_room(pbx)
    create = alarm("create", alarm_time="6:30", repeat=list(reversed(WEEKDAYS)), snoozes=2, snooze_interval=5)
    checked = workspace.playbook(play(create), "--check", "--diff", json_output=True)
    assert checked.results("create")["api_requests"]["planned"] == ["POST wakeupcall/create"]
    assert pbx.counters()["writes"] == 0 and alarms_of(pbx) == []

    first = workspace.playbook(play(create), json_output=True)
    assert first.results("create")["operation"] == "create", first.output
    assert alarms_of(pbx) == [("06:30", ",".join(WEEKDAYS), 2, 5, "")], "days sent as one string, Monday first"

    pbx.reset_counters()
    again = workspace.playbook(play(create, alarm("padded", alarm_time="06:30", repeat=WEEKDAYS)), json_output=True)
    assert again.results("create")["changed"] is False and again.results("padded")["changed"] is False
    assert pbx.counters()["writes"] == 0
    assert pbx.counters()["by_endpoint"].get("wakeupcall/get") == 2, "one read of the room per task"

    update = alarm("update", alarm_time="06:30", snoozes=3, prompt="wake-up.wav")
    updated = workspace.playbook(play(update), "--diff", json_output=True)
    result = updated.results("update")
    assert (result["operation"], result["diff"]["before"]["snoozes"], result["diff"]["after"]["snoozes"]) == (
        "update", 2, 3)
    assert alarms_of(pbx) == [("06:30", ",".join(WEEKDAYS), 3, 5, "wake-up.wav")]
    pbx.reset_counters()
    assert workspace.playbook(play(update), json_output=True).results("update")["changed"] is False
    assert pbx.counters()["writes"] == 0

    remove = alarm("remove", alarm_time="06:30", state="absent")
    removed = workspace.playbook(play(remove), json_output=True)
    assert removed.results("remove")["operation"] == "delete" and alarms_of(pbx) == []
    pbx.reset_counters()
    assert workspace.playbook(play(remove), json_output=True).results("remove")["changed"] is False
    assert pbx.counters()["writes"] == 0


def test_a_rooms_whole_set_of_wakeup_calls(workspace, pbx):
    seed_room(pbx)
    pbx.seed(wakeup_calls=[{"ext_id": 1, "alarm_time": "05:00"}, {"ext_id": 1, "alarm_time": "06:30", "number_of_snoozes": 1}])
    whole = alarm("room", alarms=[{"alarm_time": "06:30", "repeat": WEEKDAYS},
                                  {"alarm_time": "08:00", "repeat": ["every_saturday", "every_sunday"]}])
    pbx.reset_counters()
    checked = workspace.playbook(play(whole), "--check", "--diff", json_output=True)
    assert checked.results("room")["api_requests"]["planned"] == [
        "POST wakeupcall/update", "POST wakeupcall/create", "GET wakeupcall/delete"]
    assert pbx.counters()["writes"] == 0

    first = workspace.playbook(play(whole), "--diff", json_output=True)
    result = first.results("room")
    assert result["changed"] is True, first.output
    assert [a["alarm_time"] for a in result["diff"]["before"]["alarms"]] == ["05:00", "06:30"]
    assert alarms_of(pbx) == [("06:30", ",".join(WEEKDAYS), 0, 10, ""), ("08:00", "every_saturday,every_sunday", 0, 10, "")], \
        "listed exactly: the snooze not given goes back to 0; 05:00 not listed is deleted"

    pbx.reset_counters()
    again = workspace.playbook(play(whole), json_output=True)
    assert again.results("room")["changed"] is False and pbx.counters()["writes"] == 0

    emptied = workspace.playbook(play(alarm("room", alarms=[])), json_output=True)
    assert emptied.results("room")["changed"] is True and alarms_of(pbx) == []

    too_many = workspace.playbook(play(alarm("room", alarms=[{"alarm_time": "06:%02d" % m} for m in range(24)],
                                             _ignore_errors=True)), json_output=True)
    assert "at most 23 wake-up calls" in too_many.results("room")["msg"]


def test_wakeup_calls_section_of_yeastar_config(workspace, pbx):
    seed_room(pbx)
    config = {"extensions": [{"number": "102", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
                              "departments": ["Yeastar"]}],
              "wakeup_calls": [{"extension": "101", "alarm_time": "07:00", "snoozes": 1},
                               {"extension": "102", "alarm_time": "07:15"}]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["wakeup_calls"]["created"] == [
        "wake-up call 101 at 07:00", "wake-up call 102 at 07:15"], "an alarm on a room created by the same task"

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, config=config),
        task("gather", CONFIG, state="gathered", config={"wakeup_calls": []}, _register="live"),
        task("back", CONFIG, state="overridden", config={"wakeup_calls": "{{ live.gathered.wakeup_calls }}"})),
        json_output=True)
    assert round_trip.results("config")["changed"] is False
    assert round_trip.results("gather")["gathered"]["wakeup_calls"] == [
        {"extension": "101", "alarm_time": "07:00", "snoozes": 1}, {"extension": "102", "alarm_time": "07:15"}]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0

    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["wakeup_calls"])), json_output=True)
    assert [(room["number"], len(room["wakeup_call"])) for room in info.results("info")["wakeup_calls"]] == [
        ("101", 1), ("102", 1)]


def guest_room(pbx, number="102"):
    state = pbx.state()
    room = dict((e["number"], e) for e in state["extensions"])[number]
    return room, [a for a in state["wakeup_calls"] if a["ext_id"] == room["id"]]


def write_hotel(workspace, pbx):
    workspace.write_inventory(host_vars={"pbx_secrets": {"hotel_rooms_secret_seed": SEED}})
    pbx.seed(custom_prompts=["wake-up.wav"], outbound_routes=[{"name": "Local"}])
    hotel = workspace.dir / "hotel.json"
    hotel.write_text(json.dumps(HOTEL))
    return "hotel_vars_file=%s" % hotel


def test_checkin_then_checkout_gives_back_the_provisioned_vacant_room(workspace, pbx):
    hotel = write_hotel(workspace, pbx)
    assert workspace.playbook(PROVISION, "-e", hotel).rc == 0
    provisioned, _none = guest_room(pbx)
    assert (provisioned["first_name"], provisioned["last_name"], len(provisioned["outbound_route_permission"])) == (
        "Room", "102", 1)

    guest = ["-e", hotel, "-e", "room=102", "-e", "first_name=Ada", "-e", "last_name=Lovelace", "-e",
             "email=ada@example.com", "-e", "mobile=+441234567890", "-e", "wakeup_time=7:00", "-e",
             "voicemail_notification=with_attach"]
    pbx.reset_counters()
    dry = workspace.playbook(CHECKIN, "--check", "--diff", *guest)
    assert dry.rc == 0, dry.output
    assert "Lovelace" in dry.output and "07:00" in dry.output
    assert pbx.counters()["writes"] == 0

    checked_in = workspace.playbook(CHECKIN, *guest, json_output=True)
    assert checked_in.rc == 0, checked_in.output
    room, alarms = guest_room(pbx)
    assert (room["first_name"], room["last_name"], room["email_addr"], room["mobile_number"],
            room["new_vm_notification"]) == ("Ada", "Lovelace", "ada@example.com", "+441234567890", "with_attach")
    assert [(a["alarm_time"], a["repeat_type"], a["alarm_prompt"]) for a in alarms] == [("07:00", "never", "wake-up.wav")]

    pbx.reset_counters()
    again = workspace.playbook(CHECKIN, *guest, json_output=True)
    assert again.stats()["changed"] == 0 and pbx.counters()["writes"] == 0

    reprovisioned = workspace.playbook(PROVISION, "-e", hotel, json_output=True)
    assert reprovisioned.stats()["changed"] == 0, "provisioning leaves the guest in"
    assert guest_room(pbx)[0]["last_name"] == "Lovelace"
    assert pbx.counters()["writes"] == 0

    pbx.reset_counters()
    dry_out = workspace.playbook(CHECKOUT, "-e", hotel, "-e", "room=102", "--check", "--diff")
    assert dry_out.rc == 0 and "Lovelace" in dry_out.output, dry_out.output
    assert pbx.counters()["writes"] == 0

    out = workspace.playbook(CHECKOUT, "-e", hotel, "-e", "room=102", json_output=True)
    assert out.rc == 0, out.output
    assert out.results("telephony.pbx.hotel_rooms : Check the guest out")["api_requests"]["sent"][-2:] == [
        "POST hotel/checkout", "POST extension/update"]
    vacant, alarms = guest_room(pbx)
    assert alarms == []
    assert vacant["user_password"] == "", "hotel/checkout clears it; the guest can no longer log in"
    assert dict(vacant, user_password=None) == dict(provisioned, user_password=None)

    pbx.reset_counters()
    vacant_again = workspace.playbook(CHECKOUT, "-e", hotel, "-e", "room=102", json_output=True)
    assert vacant_again.stats()["changed"] == 0
    assert pbx.counters()["writes"] == 0


def test_checkout_under_a_pms_integration_fails_plainly(workspace, pbx):
    seed_room(pbx)
    pbx.seed(wakeup_calls=[{"ext_id": 1, "alarm_time": "07:00"}])
    pbx.configure(pms_integration=True)
    run = workspace.playbook(play(task("out", GUEST, room="101", state="checked_out", _ignore_errors=True)),
                             json_output=True)
    result = run.results("out")
    assert result["error"]["errcode"] == 70524
    assert "integrated with a hotel PMS" in result["msg"] and "check the guest out in the PMS" in result["msg"]
    assert len(pbx.state()["wakeup_calls"]) == 1


def test_checkout_of_a_vacant_room_sends_no_write(workspace, pbx):
    seed_room(pbx)
    pbx.reset_counters()
    run = workspace.playbook(play(task("out", GUEST, room="101", state="checked_out", first_name="Room",
                                       last_name="101")), json_output=True)
    assert run.results("out")["changed"] is False, run.output
    assert pbx.counters()["writes"] == 0


@pytest.mark.parametrize("playbook, room, message", [
    (CHECKIN, "12a", "must be the quoted number of one of the hotel's rooms"),
    (CHECKIN, "999", "must be the quoted number of one of the hotel's rooms"),
    (CHECKOUT, "104", "must be the quoted number of one of the hotel's rooms"),
], ids=["checkin-letters", "checkin-not-a-room", "checkout-not-a-room"])
def test_bad_room_refused_before_any_request(workspace, pbx, playbook, room, message):
    hotel = write_hotel(workspace, pbx)
    pbx.reset_counters()
    run = workspace.playbook(playbook, "-e", hotel, "-e", "room=%s" % room, "-e", "first_name=Ada", "-e",
                             "last_name=Lovelace")
    assert run.rc != 0
    assert message in run.output, run.output
    assert pbx.counters()["total"] == 0
