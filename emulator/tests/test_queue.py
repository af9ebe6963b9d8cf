import pytest

from conftest import extension_body


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def ext(client, number, **overrides):
    return client.post("extension/create", extension_body(number, **overrides))["id"]


def queue_body(number="6400", dynamic=(), static=(), managers=(), **overrides):
    body = {"number": number, "name": f"Queue {number}", "ring_strategy": "ring_all", "fail_dest": "end_call",
            "dynamic_agent_list": [{"value": str(m), "type": "extension"} for m in dynamic],
            "static_agent_list": [{"value": str(m), "type": "extension"} for m in static],
            "manager_list": [{"value": str(m), "type": "extension"} for m in managers]}
    body.update(overrides)
    return body


def create(client, number="6400", **kwargs):
    return client.post("queue/create", queue_body(number, **kwargs))


@pytest.fixture
def agents(authed):
    return [ext(authed, str(1000 + n), first_name=f"Agent{n}", last_name="") for n in range(4)]


def test_create_get_update_delete(authed, agents):
    a, b, c, d = agents
    authed.control("POST", "seed", {"custom_prompts": ["IVR.wav"]})
    reply = create(authed, dynamic=(a, b), static=(c,), managers=(d,), fail_dest="play_greeting",
                   fail_dest_prefix="3", fail_dest_value="IVR.wav", enb_auto_pause=1, max_pause_miss_call=3,
                   enb_leave_empty=1, empty_defined_for_leave_empty=["1", "2", "3"],
                   satisfaction_survey_point_list=[{"K": "1", "P": 5}, {"k": "*", "p": -10}],
                   satisfy_survey_prompt="default", enb_queue_skill_based_routing=1)
    assert reply["errcode"] == 0, reply
    qid = reply["id"]
    data = authed.get("queue/get", id=qid)["data"]
    assert data["fail_dest_value"] == "IVR.wav" and data["max_pause_miss_call"] == 3
    assert data["dynamic_agent_list"][0] == {"text": "Agent0", "text2": "1000", "value": str(a), "type": "extension",
                                             "number_value": 1}
    assert data["manager_list"] == [{"text": "Agent3", "text2": "1003", "value": str(d), "type": "extension"}]
    assert data["empty_defined_for_leave_empty"] == ["1", "2", "3"]
    assert "empty_defined_for_disallow_to_join_when_empty" not in data
    assert data["satisfaction_survey_point_list"] == [{"k": "1", "p": 5}, {"k": "*", "p": -10}]
    assert data["satisfa_survey_prompt"] == data["satisfy_survey_prompt"] == "default"
    assert "enb_queue_skill_based_routing" not in data
    assert data["moh"] == "default" and data["max_wait_time"] == 1800

    reply = authed.post("queue/update", {"id": qid, "name": "Pre-sales", "ring_strategy": "linear",
                                         "static_agent_list": [{"value": str(d), "type": "extension"}],
                                         "manager_list": []})
    assert reply["errcode"] == 0, reply
    data = authed.get("queue/get", id=qid)["data"]
    assert data["name"] == "Pre-sales" and data["fail_dest"] == "play_greeting"
    assert [m["value"] for m in data["static_agent_list"]] == [str(d)]
    assert data["manager_list"] is None

    listed = authed.get("queue/list")
    assert listed["total_number"] == 1 and "data" not in listed
    assert listed["queue_list"][0]["dynamic_agent_list"][1]["text2"] == "1001"
    assert "number_value" not in listed["queue_list"][0]["dynamic_agent_list"][0]

    assert authed.get("queue/delete", id=qid)["errcode"] == 0
    assert authed.get("queue/get", id=qid)["errcode"] == 60001
    assert authed.get("extension/delete", id=a)["errcode"] == 0


@pytest.mark.parametrize("override, expected", [
    ({"ring_strategy": "ring_all_at_once"}, ("ring_strategy", "enum")),
    ({"fail_dest": "conference"}, ("fail_dest", "enum")),
    ({"fail_dest": "queue", "fail_dest_value": "99"}, ("fail_dest_value", "not_exist")),
    ({"key_dest": "external_num"}, ("key_dest_value", "required")),
    ({"max_wait_time": -1}, ("max_wait_time", "range")),
    ({"max_wait_time": 100000000}, ("max_wait_time", "range")),
    ({"agent_timeout": 0}, ("agent_timeout", "range")),
    ({"wrap_up_time": 10000000}, ("wrap_up_time", "range")),
    ({"max_calls": 10000}, ("max_calls", "range")),
    ({"sla_alarm_threshold": 1000}, ("sla_alarm_threshold", "range")),
    ({"enb_auto_pause": 1}, ("max_pause_miss_call", "required")),
    ({"max_pause_miss_call": 6}, ("max_pause_miss_call", "range")),
    ({"press_key": "A"}, ("press_key", "enum")),
    ({"callback_method": "digit", "callback_press_key": ""}, ("callback_press_key", "required")),
    ({"callback_trigger_timeout": 1801}, ("callback_trigger_timeout", "range")),
    ({"callback_timeout": "forever"}, ("callback_timeout", "enum")),
    ({"empty_defined_for_leave_empty": ["4"]}, ("empty_defined_for_leave_empty[0]", "enum")),
    ({"satisfaction_survey_point_list": [{"k": "#", "p": 1}]}, ("satisfaction_survey_point_list[0].k", "enum")),
    ({"satisfaction_survey_point_list": [{"k": "1", "p": 100}]}, ("satisfaction_survey_point_list[0].p", "range")),
    ({"satisfaction_survey_point_list": [{"k": "1", "p": 1}, {"k": "1", "p": 2}]},
     ("satisfaction_survey_point_list[1].k", "invalid")),
    ({"dynamic_agent_list": [{"value": "99"}]}, ("dynamic_agent_list[0].value", "not_exist")),
    ({"dynamic_agent_list": [{"value": "1", "number_value": 100}]}, ("dynamic_agent_list[0].number_value", "range")),
    ({"static_agent_list": [{"value": "1", "type": "ext_group"}]}, ("static_agent_list[0].type", "enum")),
    ({"dynamic_agent_list": [{"value": "1"}], "static_agent_list": [{"value": "1"}]},
     ("static_agent_list[0].value", "invalid")),
    ({"agent_prompt": "nope.wav"}, ("agent_prompt", "not_exist")),
    ({"satisfa_survey_prompt": "nope.wav"}, ("satisfa_survey_prompt", "not_exist")),
    ({"moh": "jazz"}, ("moh", "not_exist")),
    ({"enb_callback": "1"}, ("enb_callback", "type")),
])
def test_create_validation(authed, agents, override, expected):
    reply = create(authed, **override)
    assert reply["errcode"] == 40002, reply
    assert expected in fields(reply)


def test_required_and_defaults(authed):
    reply = authed.post("queue/create", {})
    assert {f for f, kind in fields(reply) if kind == "required"} == {"number", "name", "ring_strategy", "fail_dest"}
    qid = authed.post("queue/create", {"number": "6400", "name": "Q", "ring_strategy": "random",
                                       "fail_dest": "end_call", "empty_defined_for_disallow_to_join_when_empty": "1,3",
                                       "enb_disallow_to_join_when_empty": 1})["id"]
    data = authed.get("queue/get", id=qid)["data"]
    assert data["empty_defined_for_disallow_to_join_when_empty"] == ["1", "3"]
    assert data["dynamic_agent_list"] is None and data["key_dest"] == "end_call"


def test_shared_number_space(authed):
    ext(authed, "1000")
    authed.post("ringgroup/create", {"number": "6300", "name": "RG", "ring_strategy": "ring_all", "ring_timeout": 30})
    for number, holder in (("1000", "extension"), ("6300", "ring_group")):
        reply = create(authed, number)
        assert reply["errcode"] == 40003 and reply["duplicate_field_list"][0]["external_source"] == holder
    qid = create(authed, "6400")["id"]
    other = create(authed, "6401")["id"]
    reply = authed.post("queue/update", {"id": other, "number": "6400"})
    assert reply["errcode"] == 40003 and reply["submsg"] == "Queue update fail for duplicate fields"
    assert reply["duplicate_field_list"][0]["external_source_name"] == "Queue 6400"
    assert authed.post("queue/update", {"id": other, "number": "6402"})["errcode"] == 0
    assert authed.post("extension/create", extension_body("6402"))["errcode"] == 40003
    assert authed.post("queue/update", {"id": qid, "number": "6400"})["errcode"] == 0


def test_referential_integrity(authed, agents):
    a = agents[0]
    qid = create(authed, static=(a,))["id"]
    reply = authed.get("extension/delete", id=a)
    assert reply["errcode"] == 70091 and "queue 6400" in reply["submsg"]
    rg = authed.post("ringgroup/create", {"number": "6300", "name": "RG", "ring_strategy": "ring_all",
                                          "ring_timeout": 30, "fail_dest": "queue", "fail_dest_value": str(qid)})
    assert rg["errcode"] == 0, rg
    assert authed.get("queue/delete", id=qid)["errcode"] == 70091
    assert authed.get("ringgroup/delete", id=rg["id"])["errcode"] == 0
    assert authed.get("queue/delete", id=qid)["errcode"] == 0


def status(client, qid):
    return {row["number"]: row for row in client.get("queue/agent_status", id=qid)["data"]}


def test_agent_login_and_pause(authed, agents):
    a, b, c, _ = agents
    qid = create(authed, dynamic=(a, b), static=(c,))["id"]
    rows = status(authed, qid)
    assert authed.get("queue/agent_status", id=qid)["total_number"] == 3
    assert rows["1000"] == {"name": "Agent0", "number": "1000", "is_login": 0, "is_pause": 0, "call_status": 0,
                            "pause_reason": "", "agent_type": "dynamic"}
    assert rows["1002"]["is_login"] == 1 and rows["1002"]["agent_type"] == "static"

    # The examples' is_pause spelling; the reason is a feature code, the status shows its text.
    assert authed.get("queue/agent_login", ext_ids=f"{a},{b}", queue_id=qid, operation="login",
                      is_pause=1, reason="*02")["errcode"] == 0
    rows = status(authed, qid)
    assert (rows["1000"]["is_login"], rows["1000"]["is_pause"], rows["1000"]["pause_reason"]) == (1, 1, "Break")
    assert authed.get("queue/agent_pause", ext_ids=f"{a},{c}", queue_id=qid, operation="unpause")["errcode"] == 0
    assert authed.get("queue/agent_pause", ext_ids=str(c), queue_id=qid, operation="pause",
                      reason="*01")["errcode"] == 0
    rows = status(authed, qid)
    assert rows["1000"]["is_pause"] == 0 and rows["1001"]["is_pause"] == 1
    assert (rows["1002"]["is_pause"], rows["1002"]["pause_reason"]) == (1, "Lunch")
    assert authed.get("queue/agent_login", ext_ids=str(b), queue_id=qid, operation="logout")["errcode"] == 0
    assert status(authed, qid)["1001"]["is_login"] == 0 and status(authed, qid)["1001"]["is_pause"] == 0

    # Static agents do not log in; unknown extensions, queues and reasons are refused.
    reply = authed.get("queue/agent_login", ext_ids=str(c), queue_id=qid, operation="login")
    assert ("ext_ids", "invalid") in fields(reply)
    assert ("ext_ids", "not_exist") in fields(authed.get("queue/agent_login", ext_ids="99", queue_id=qid,
                                                         operation="login"))
    assert authed.get("queue/agent_login", ext_ids=str(a), queue_id=99, operation="login")["errcode"] == 60001
    assert ("reason", "not_exist") in fields(authed.get("queue/agent_pause", ext_ids=str(a), queue_id=qid,
                                                        operation="pause", reason="*99"))
    assert ("operation", "enum") in fields(authed.get("queue/agent_pause", ext_ids=str(a), queue_id=qid,
                                                      operation="stop"))
    assert ("operation", "required") in fields(authed.get("queue/agent_login", ext_ids=str(a), queue_id=qid))


def test_agent_operations_across_queues(authed, agents):
    a, b, _, _ = agents
    q1 = create(authed, "6400", dynamic=(a,))["id"]
    q2 = create(authed, "6401", dynamic=(a,), static=(b,))["id"]
    q3 = create(authed, "6402", static=(b,))["id"]
    assert authed.get("agent/login", ext_id=a, operation="login")["errcode"] == 0
    assert status(authed, q1)["1000"]["is_login"] == 1 and status(authed, q2)["1000"]["is_login"] == 1
    assert authed.get("agent/pause", ext_id=a, queue_ids=str(q2), operation="pause", reason="*03")["errcode"] == 0
    assert status(authed, q1)["1000"]["is_pause"] == 0
    assert status(authed, q2)["1000"]["pause_reason"] == "Wrap up"
    assert authed.get("agent/pause", ext_id=b, operation="pause")["errcode"] == 0
    assert status(authed, q3)["1001"]["is_pause"] == 1 and status(authed, q2)["1001"]["is_pause"] == 1
    assert ("ext_id", "invalid") in fields(authed.get("agent/login", ext_id=b, operation="login"))
    assert ("ext_id", "invalid") in fields(authed.get("agent/login", ext_id=a, queue_ids=str(q3), operation="login"))
    assert authed.get("agent/logout", ext_id=a)["errcode"] == 10001
    # Updating the queue keeps the state of remaining agents.
    authed.post("queue/update", {"id": q2, "name": "Renamed"})
    assert status(authed, q2)["1000"]["is_pause"] == 1


def test_pause_reasons(authed):
    assert authed.get("queue_pause_reason/list") == {"errcode": 0, "errmsg": "SUCCESS", "data": [
        {"code": "*01", "reason": "Lunch"}, {"code": "*02", "reason": "Break"}, {"code": "*03", "reason": "Wrap up"}]}
    assert authed.get("queue_pause_reason/list", page=2, page_size=2)["data"] == [{"code": "*03", "reason": "Wrap up"}]
    assert ("sort_by", "unknown") in fields(authed.get("queue_pause_reason/list", sort_by="code"))
    reply = authed.post("queue_pause_reason/update", {"pause_reason_list": [
        {"code": "*01", "reason": "Lunch break"}, {"code": "#02", "reason": "Break"}]})
    assert reply["errcode"] == 0
    assert [r["code"] for r in authed.get("queue_pause_reason/list")["data"]] == ["*01", "#02"]
    reply = authed.post("queue_pause_reason/update", {"pause_reason_list": [
        {"code": "*01", "reason": "A"}, {"code": "*01", "reason": "B"}]})
    assert reply["errcode"] == 40003
    assert ("pause_reason_list", "required") in fields(authed.post("queue_pause_reason/update", {}))
    assert ("pause_reason_list[0].reason", "required") in fields(
        authed.post("queue_pause_reason/update", {"pause_reason_list": [{"code": "*05"}]}))


def test_call_status_and_paging(authed):
    ids = [create(authed, str(6400 + n), name=f"Desk {n:02d}")["id"] for n in range(12)]
    assert authed.get("queue/call_status", id=ids[0])["waiting_calls"] == 0
    page = authed.get("queue/list", page=3, page_size=5, sort_by="name", order_by="asc")
    assert page["total_number"] == 12 and [q["name"] for q in page["queue_list"]] == ["Desk 10", "Desk 11"]
    assert authed.get("queue/search", search_value="desk 0")["total_number"] == 10
    data = authed.get("queue/query", ids=f"{ids[1]},{ids[0]}")["data"]
    assert [d["number"] for d in data] == ["6401", "6400"]


def test_agent_operations_are_counted_as_writes(authed, agents):
    qid = create(authed, dynamic=(agents[0],))["id"]
    authed.control("POST", "counters/reset")
    authed.get("queue/agent_login", ext_ids=str(agents[0]), queue_id=qid, operation="login")
    authed.get("agent/pause", ext_id=agents[0], operation="pause")
    authed.get("queue/agent_status", id=qid)
    assert authed.control("GET", "counters")["writes"] == 2


def test_menu_options(authed, agents):
    qid = create(authed, dynamic=(agents[0],), static=(agents[2],))["id"]
    authed.post("pin_list/create", {"name": "pins", "pin_list": "1234"})
    assert authed.get("system/get_menuoptions", menu="queue")["data"] == [{"text": "6400 Queue 6400", "value": str(qid)}]
    assert authed.get("system/get_menuoptions", menu="pinset")["data"] == [{"text": "pins", "value": "1"}]
    options = authed.get("system/get_menuoptions", menu="queue_agent", id=qid)["data"]
    assert [o["value"] for o in options] == [str(agents[0]), str(agents[2])]
    assert authed.get("system/get_menuoptions", menu="queue_agent", id=99)["errcode"] == 60001
