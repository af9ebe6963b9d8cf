import pytest

from conftest import extension_body


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def ext(client, number):
    return client.post("extension/create", extension_body(number))["id"]


def group_body(number="6300", members=(), **overrides):
    body = {"number": number, "name": f"Group {number}", "ring_strategy": "ring_all", "ring_timeout": 30,
            "member_list": [{"value": str(m), "type": "extension"} for m in members]}
    body.update(overrides)
    return body


def create(client, number="6300", members=(), **overrides):
    return client.post("ringgroup/create", group_body(number, members, **overrides))


def test_create_get_update_delete(authed):
    a, b = ext(authed, "1000"), ext(authed, "1001")
    authed.control("POST", "seed", {"custom_prompts": ["DID.wav"]})
    reply = create(authed, members=(a, b), join_prompt="DID.wav", alert_info="rg")
    assert reply["errcode"] == 0, reply
    gid = reply["id"]
    data = authed.get("ringgroup/get", id=gid)["data"]
    assert data["number"] == "6300" and data["ring_timeout"] == 30
    assert data["member_list"][0] == {"value": str(a), "type": "extension", "text": "Terrell Smith",
                                      "text2": "1000", "delay_time": 0, "timeout": 0, "sub_option": None}
    assert data["fail_dest"] == "end_call" and data["moh"] == "default" and data["enb_miss_call"] == 0

    assert authed.post("ringgroup/update", {"id": gid, "name": "Support", "member_list": [
        {"value": str(b), "type": "extension"}]})["errcode"] == 0
    data = authed.get("ringgroup/get", id=gid)["data"]
    assert data["name"] == "Support" and data["alert_info"] == "rg" and data["join_prompt"] == "DID.wav"
    assert [m["value"] for m in data["member_list"]] == [str(b)]

    listed = authed.get("ringgroup/list")
    assert listed["total_number"] == 1
    assert listed["data"] == [{"id": gid, "number": "6300", "name": "Support", "ring_strategy": "ring_all",
                               "member_count": 1}]
    assert authed.get("ringgroup/delete", id=gid)["errcode"] == 0
    assert authed.get("ringgroup/get", id=gid)["errcode"] == 60001
    assert authed.get("ringgroup/delete", id=gid)["errcode"] == 60001


def test_custom_strategy_groups_members(authed):
    a, b = ext(authed, "1000"), ext(authed, "1001")
    gid = create(authed, ring_strategy="custom", ring_timeout=None, member_list=[
        {"delay_time": 20, "timeout": 20, "sub_option": [{"value": str(a), "type": "extension"},
                                                         {"value": str(b), "type": "extension"}]}])["id"]
    data = authed.get("ringgroup/get", id=gid)["data"]
    assert data["ring_timeout"] == 0
    item = data["member_list"][0]
    assert (item["value"], item["type"], item["delay_time"], item["timeout"]) == ("", "", 20, 20)
    assert [m["text2"] for m in item["sub_option"]] == ["1000", "1001"]
    assert authed.get("ringgroup/list")["data"][0]["member_count"] == 2
    # Leaving custom without restating the members (grouped vs flat) or a ring timeout fails.
    reply = authed.post("ringgroup/update", {"id": gid, "ring_strategy": "sequentially"})
    assert {("member_list", "required"), ("ring_timeout", "required")} <= fields(reply)


@pytest.mark.parametrize("override, expected", [
    ({"number": "63a0"}, ("number", "format")),
    ({"number": "12345678"}, ("number", "length")),
    ({"name": "x" * 128}, ("name", "length")),
    ({"name": ""}, ("name", "required")),
    ({"ring_strategy": "random"}, ("ring_strategy", "enum")),
    ({"ring_timeout": 4}, ("ring_timeout", "range")),
    ({"ring_timeout": None}, ("ring_timeout", "required")),
    ({"fail_dest": "voicemail"}, ("fail_dest", "enum")),
    ({"fail_dest": "extension", "fail_dest_value": ""}, ("fail_dest_value", "required")),
    ({"fail_dest": "ivr", "fail_dest_value": "99"}, ("fail_dest_value", "not_exist")),
    ({"fail_dest": "group_vm", "fail_dest_value": "1"}, ("fail_dest_value", "not_exist")),
    ({"no_agent_online_dest": "play_greeting", "no_agent_online_value": "nope.wav"},
     ("no_agent_online_value", "not_exist")),
    ({"join_prompt": "nope.wav"}, ("join_prompt", "not_exist")),
    ({"moh": "jazz"}, ("moh", "not_exist")),
    ({"play_full_join_prompt": 2}, ("play_full_join_prompt", "enum")),
    ({"member_list": [{"value": "99", "type": "extension"}]}, ("member_list[0].value", "not_exist")),
    ({"member_list": [{"value": "3", "type": "ext_group"}]}, ("member_list[0].value", "not_exist")),
    ({"member_list": [{"value": "3", "type": "queue"}]}, ("member_list[0].type", "enum")),
    ({"bogus": 1}, ("bogus", "unknown")),
])
def test_create_validation(authed, override, expected):
    body = group_body()
    body.update(override)
    body = {k: v for k, v in body.items() if v is not None}
    reply = authed.post("ringgroup/create", body)
    assert reply["errcode"] == 40002, reply
    assert expected in fields(reply)


def test_required_fields(authed):
    reply = authed.post("ringgroup/create", {})
    assert {f for f, kind in fields(reply) if kind == "required"} == {"number", "name", "ring_strategy"}


def test_destinations_and_moh(authed):
    a = ext(authed, "1000")
    authed.control("POST", "seed", {"custom_prompts": ["bye.wav"], "moh_playlists": ["SoftBreeze"]})
    other = create(authed, "6301")["id"]
    reply = create(authed, fail_dest="ring_group", fail_dest_value=str(other),
                   no_agent_online_dest="play_greeting", no_agent_online_prefix="2", no_agent_online_value="bye.wav",
                   moh="SoftBreeze", welcome_prompt="SoftBreeze", member_list=[{"value": str(a), "type": "extension"}])
    assert reply["errcode"] == 0, reply
    reply = create(authed, "6302", no_agent_online_dest="play_greeting", no_agent_online_prefix="6",
                   no_agent_online_value="bye.wav")
    assert ("no_agent_online_prefix", "range") in fields(reply)


def test_shared_number_space(authed):
    ext(authed, "1000")
    reply = create(authed, "1000")
    assert reply["errcode"] == 40003 and reply["errmsg"] == "DUPLICATE KEY VALUE"
    assert reply["duplicate_field_list"] == [{"field": "number", "value": "1000", "external_source": "extension",
                                              "external_source_name": "1000"}]
    create(authed, "6300")
    reply = create(authed, "6300")
    assert reply["duplicate_field_list"][0]["external_source"] == "ring_group"
    assert reply["duplicate_field_list"][0]["external_source_name"] == "Group 6300"
    reply = authed.post("extension/create", extension_body("6300"))
    assert reply["errcode"] == 40003
    assert reply["duplicate_field_list"][0]["external_source"] == "ring_group"


def test_number_is_fixed_on_update(authed):
    gid = create(authed)["id"]
    assert authed.post("ringgroup/update", {"id": gid, "number": "6300"})["errcode"] == 0
    assert ("number", "invalid") in fields(authed.post("ringgroup/update", {"id": gid, "number": "6399"}))
    assert authed.post("ringgroup/update", {"id": 999})["errcode"] == 60001


def test_referential_integrity(authed):
    a = ext(authed, "1000")
    gid = create(authed, members=(a,))["id"]
    reply = authed.get("extension/delete", id=a)
    assert reply["errcode"] == 70091 and reply["errmsg"] == "CONNECTION_RELATION_EXISTS"
    assert "ring_group 6300" in reply["submsg"]
    other = create(authed, "6301", fail_dest="ring_group", fail_dest_value=str(gid))["id"]
    assert authed.get("ringgroup/delete", id=gid)["errcode"] == 70091
    assert authed.post("ringgroup/delete", {})["errcode"] == 10001   # delete is a GET
    assert authed.get("ringgroup/delete", id=other)["errcode"] == 0
    assert authed.get("ringgroup/delete", id=gid)["errcode"] == 0
    assert authed.get("extension/delete", id=a)["errcode"] == 0


def test_extension_forward_to_ring_group(authed):
    gid = create(authed)["id"]
    forward = {"status": "available", "ring_timeout": 30, "in_busy_forward_dest": "ring_group"}
    reply = authed.post("extension/create", extension_body("1000", presence_list=[
        {**forward, "in_busy_forward_value": "999"}]))
    assert ("presence_list[0].in_busy_forward_value", "not_exist") in fields(reply)
    assert authed.post("extension/create", extension_body("1000", presence_list=[
        {**forward, "in_busy_forward_value": str(gid)}]))["errcode"] == 0
    assert authed.get("ringgroup/delete", id=gid)["errcode"] == 70091


def test_paging_search_query(authed):
    ids = [create(authed, str(6300 + n), name=f"Team {n:02d}")["id"] for n in range(12)]
    page = authed.get("ringgroup/list", page=2, page_size=5, sort_by="number", order_by="desc")
    assert page["total_number"] == 12
    assert [d["number"] for d in page["data"]] == ["6306", "6305", "6304", "6303", "6302"]
    assert ("sort_by", "enum") in fields(authed.get("ringgroup/list", sort_by="member_count"))
    assert ("page_size", "range") in fields(authed.get("ringgroup/list", page_size=10001))
    assert authed.get("ringgroup/search", search_value="team 1")["total_number"] == 2
    assert authed.get("ringgroup/search", search_value="6311")["total_number"] == 1
    data = authed.get("ringgroup/query", ids=f"{ids[3]},{ids[0]},999")["data"]
    assert [d["id"] for d in data] == [ids[3], ids[0]]
    assert ("ids", "format") in fields(authed.get("ringgroup/query", ids="a,b"))


def test_seed_and_state(authed):
    reply = authed.control("POST", "seed", {"extensions": [extension_body("1000")],
                                            "ring_groups": [group_body("6300", members=(1,))]})
    assert reply["ring_groups"] == [1]
    state = authed.control("GET", "state")
    assert state["ring_groups"][0]["member_list"] == [{"value": "1", "type": "extension"}]
    status, body = authed.raw("POST", "/_emulator/seed", {"ring_groups": [group_body("6301", members=(7,))]},
                              headers={})
    assert status == 400 and body["error"] == "ring_groups[0] rejected"
    assert len(authed.control("GET", "state")["ring_groups"]) == 1


def test_writes_are_counted(authed):
    authed.control("POST", "counters/reset")
    create(authed)
    authed.get("ringgroup/list")
    counters = authed.control("GET", "counters")
    assert counters["writes"] == 1 and counters["by_endpoint"]["ringgroup/create"] == 1
