from conftest import extension_body


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def ext(client, number, **overrides):
    reply = client.post("extension/create", extension_body(number, **overrides))
    assert reply["errcode"] == 0, reply
    return reply["id"]


def alarm(client, ext_id, **overrides):
    body = {"ext_id": ext_id, "alarm_time": "07:00"}
    body.update(overrides)
    return client.post("wakeupcall/create", body)


def test_create_get_list_update_delete(authed):
    room = ext(authed, "1000")
    authed.control("POST", "seed", {"custom_prompts": ["wake.wav"]})
    reply = alarm(authed, room, repeat_type="every_monday, every_friday", number_of_snoozes=3,
                  snooze_duration=5, alarm_prompt="wake.wav")
    assert reply["errcode"] == 0, reply
    first = reply["id"]
    second = alarm(authed, room, alarm_time="9:30")["id"]
    data = authed.get("wakeupcall/get", ext_id=room)["data"]
    assert data == {"ext_id": room, "wakeup_call": [
        {"id": first, "alarm_time": "07:00", "repeat_type": "every_monday,every_friday", "number_of_snoozes": 3,
         "snooze_duration": 5, "alarm_prompt": "wake.wav"},
        {"id": second, "alarm_time": "09:30", "repeat_type": "never", "number_of_snoozes": 0,
         "snooze_duration": 10, "alarm_prompt": ""}]}

    # partial update: only the sent fields change
    assert authed.post("wakeupcall/update", {"id": first, "alarm_time": "06:45"})["errcode"] == 0
    changed = authed.get("wakeupcall/get", ext_id=room)["data"]["wakeup_call"][0]
    assert changed["alarm_time"] == "06:45" and changed["number_of_snoozes"] == 3
    assert changed["repeat_type"] == "every_monday,every_friday" and changed["alarm_prompt"] == "wake.wav"

    other = ext(authed, "1001")
    third = alarm(authed, other)["id"]
    ext(authed, "1002")     # no alarms: not listed
    listed = authed.get("wakeupcall/list")["data"]
    assert [(i["ext_id"], [a["id"] for a in i["wakeup_call"]]) for i in listed] == [
        (room, [first, second]), (other, [third])]
    assert [i["ext_id"] for i in authed.get("wakeupcall/list", page=2, page_size=1)["data"]] == [other]
    queried = authed.get("wakeupcall/query", ext_id=f"{other},{room},999")["data"]
    assert [i["ext_id"] for i in queried] == [other, room]

    assert authed.get("wakeupcall/delete", ext_id=room, wakeup_call_id=str(first))["errcode"] == 0
    assert [a["id"] for a in authed.get("wakeupcall/get", ext_id=room)["data"]["wakeup_call"]] == [second]
    assert authed.get("wakeupcall/delete", ext_id=room)["errcode"] == 0       # all of the room
    assert authed.get("wakeupcall/get", ext_id=room)["data"]["wakeup_call"] == []
    assert [a["id"] for a in authed.get("wakeupcall/get", ext_id=other)["data"]["wakeup_call"]] == [third]


def test_validation_failures(authed):
    room = ext(authed, "1000")
    cases = [
        ({"alarm_time": None}, ("alarm_time", "required")),
        ({"ext_id": None}, ("ext_id", "required")),
        ({"alarm_time": "24:00"}, ("alarm_time", "format")),
        ({"alarm_time": "07:30:00"}, ("alarm_time", "format")),
        ({"repeat_type": "daily"}, ("repeat_type", "enum")),
        ({"repeat_type": "never,every_monday"}, ("repeat_type", "invalid")),
        ({"repeat_type": 1}, ("repeat_type", "type")),
        ({"number_of_snoozes": 4}, ("number_of_snoozes", "enum")),
        ({"snooze_duration": 0}, ("snooze_duration", "range")),
        ({"snooze_duration": 61}, ("snooze_duration", "range")),
        ({"alarm_prompt": "missing.wav"}, ("alarm_prompt", "not_exist")),
        ({"ext_id": 999}, ("ext_id", "not_exist")),
        ({"colour": "red"}, ("colour", "unknown")),
    ]
    for overrides, expected in cases:
        body = {"ext_id": room, "alarm_time": "07:00", **overrides}
        reply = authed.post("wakeupcall/create", {k: v for k, v in body.items() if v is not None})
        assert reply["errcode"] == 40002 and expected in fields(reply), (overrides, reply)
    assert authed.get("wakeupcall/get", ext_id=room)["data"]["wakeup_call"] == []
    assert fields(authed.get("wakeupcall/get", ext_id=999)) == {("ext_id", "not_exist")}
    assert fields(authed.get("wakeupcall/get")) == {("ext_id", "required")}

    wid = alarm(authed, room)["id"]
    reply = authed.post("wakeupcall/update", {"id": wid, "number_of_snoozes": 9})
    assert fields(reply) == {("number_of_snoozes", "enum")}
    assert fields(authed.post("wakeupcall/update", {"alarm_time": "07:00"})) == {("id", "required")}
    assert fields(authed.post("wakeupcall/update", {"id": wid, "ext_id": room + 1})) == {("ext_id", "invalid")}
    assert authed.post("wakeupcall/update", {"id": wid, "ext_id": room})["errcode"] == 0


def test_unknown_alarm_is_70516(authed):
    room, other = ext(authed, "1000"), ext(authed, "1001")
    wid = alarm(authed, room)["id"]
    reply = authed.post("wakeupcall/update", {"id": wid + 100, "alarm_time": "08:00"})
    assert (reply["errcode"], reply["errmsg"]) == (70516, "WAKEUP CALL ALARM NOT EXISTED")
    assert authed.get("wakeupcall/delete", ext_id=room, wakeup_call_id=f"{wid},{wid + 100}")["errcode"] == 70516
    # an alarm of another room is unknown for this room; nothing was deleted
    assert authed.get("wakeupcall/delete", ext_id=other, wakeup_call_id=str(wid))["errcode"] == 70516
    assert len(authed.get("wakeupcall/get", ext_id=room)["data"]["wakeup_call"]) == 1


def test_at_most_23_per_room(authed):
    room = ext(authed, "1000")
    for _ in range(23):
        assert alarm(authed, room)["errcode"] == 0
    assert alarm(authed, room)["errcode"] == 60002


def test_checkout_clears_what_the_manual_lists(authed):
    ids = authed.control("POST", "seed", {
        "outbound_routes": [{"name": "Local"}],
        "extensions": [extension_body("1000", email_addr="guest@example.com", mobile_number="5550100",
                                      presence_status="away", title="Suite", outbound_route_permission=[1])],
        "wakeup_calls": [{"ext_id": 1, "alarm_time": "07:00"}],
        "voicemails": {"1000": 3},
        "call_records": {"1000": 12},
    })
    room = ids["extensions"][0]
    before = {e["id"]: e for e in authed.control("GET", "state")["extensions"]}[room]
    assert before["outbound_route_permission"] == [1] and before["user_password"] == "Userpwd1011"
    assert authed.post("hotel/checkout", {"ext_id": room}) == {"errcode": 0, "errmsg": "SUCCESS"}
    state = authed.control("GET", "state")
    after = {e["id"]: e for e in state["extensions"]}[room]
    cleared = {"first_name": "", "last_name": "", "email_addr": "", "mobile_number": "", "user_password": "",
               "presence_status": "available", "outbound_route_permission": []}
    assert after == {**before, **cleared}
    assert after["title"] == "Suite" and after["number"] == "1000" and after["reg_name"] == before["reg_name"]
    assert state["wakeup_calls"] == [] and state["voicemails"] == {} and state["call_records"] == {}

    # a vacant room checks out again without error and stays as it is
    assert authed.post("hotel/checkout", {"ext_id": room})["errcode"] == 0
    assert {e["id"]: e for e in authed.control("GET", "state")["extensions"]}[room] == after
    assert fields(authed.post("hotel/checkout", {"ext_id": 999})) == {("ext_id", "not_exist")}
    assert fields(authed.post("hotel/checkout", {})) == {("ext_id", "required")}


def test_checkout_leaves_other_rooms_alone(authed):
    room, other = ext(authed, "1000"), ext(authed, "1001")
    kept = alarm(authed, other)["id"]
    alarm(authed, room)
    authed.post("hotel/checkout", {"ext_id": room})
    assert [a["id"] for a in authed.control("GET", "state")["wakeup_calls"]] == [kept]
    assert authed.get("extension/get", id=other)["data"]["first_name"] == "Terrell"


def test_pms_integration_refuses_checkout(authed):
    room = ext(authed, "1000")
    assert authed.control("POST", "config", {"pms_integration": True})["pms_integration"] is True
    reply = authed.post("hotel/checkout", {"ext_id": room})
    assert (reply["errcode"], reply["errmsg"]) == (70524, "CAN'T CHECKOUT WHEN PMS CHECKIN")
    assert authed.get("extension/get", id=room)["data"]["first_name"] == "Terrell"
    assert alarm(authed, room)["errcode"] == 0          # wake-up calls are not affected
    authed.control("POST", "config", {"pms_integration": False})
    assert authed.post("hotel/checkout", {"ext_id": room})["errcode"] == 0


def test_seed_state_counters_and_extension_delete(authed):
    reply = authed.control("POST", "seed", {
        "custom_prompts": ["wake.wav"],
        "extensions": [extension_body("1000"), extension_body("1001")],
        "wakeup_calls": [{"ext_id": 1, "alarm_time": "07:00", "alarm_prompt": "wake.wav"},
                         {"ext_id": 2, "alarm_time": "08:00", "repeat_type": "every_sunday"}],
    })
    assert reply["wakeup_calls"] == [1, 2]
    state = authed.control("GET", "state")
    assert state["wakeup_calls"][1] == {"id": 2, "ext_id": 2, "alarm_time": "08:00", "repeat_type": "every_sunday",
                                        "number_of_snoozes": 0, "snooze_duration": 10, "alarm_prompt": ""}
    # all or nothing
    bad = authed.raw("POST", "/_emulator/seed", {"wakeup_calls": [{"ext_id": 99, "alarm_time": "07:00"}]},
                     headers={})
    assert bad[0] == 400 and bad[1]["error"] == "wakeup_calls[0] rejected"
    assert authed.raw("POST", "/_emulator/seed", {"voicemails": {"4242": 1}}, headers={})[0] == 400

    authed.control("POST", "counters/reset")
    authed.post("wakeupcall/update", {"id": 1, "alarm_time": "06:00"})
    authed.get("wakeupcall/list")
    authed.post("hotel/checkout", {"ext_id": 2})
    assert authed.control("GET", "counters")["writes"] == 2

    # deleting the room deletes its wake-up calls
    assert authed.get("extension/delete", id=1)["errcode"] == 0
    assert authed.control("GET", "state")["wakeup_calls"] == []
