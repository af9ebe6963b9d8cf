import pytest

from conftest import extension_body

SLOTS = [f"press{x}" for x in range(10)] + ["press_hash", "press_star", "timeout", "invalid"]


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def ivr_body(number="6200", **overrides):
    body = {"number": number, "name": f"IVR {number}", "prompt": "default", "prompt_repeat": 3, "resp_timeout": 3,
            "digit_timeout": 3, "dial_ext_option": "disable"}
    body.update(overrides)
    return body


def create(client, number="6200", **overrides):
    return client.post("ivr/create", ivr_body(number, **overrides))


@pytest.fixture
def world(authed):
    """Two extensions, a department, an outbound route, a ring group, a queue and prompts."""
    authed.control("POST", "seed", {
        "custom_prompts": ["IVR.wav", "welcome.wav"],
        "departments": [{"name": "Sales", "parent_id": 1}],
        "extensions": [extension_body("1000"), extension_body("1001")],
        "outbound_routes": [{"name": "Local"}],
        "ring_groups": [{"number": "6300", "name": "RG", "ring_strategy": "ring_all", "ring_timeout": 30}],
        "queues": [{"number": "6400", "name": "Q", "ring_strategy": "ring_all", "fail_dest": "end_call"}],
    })
    return authed


def test_manual_create_example(world):
    # The manual's create example (L10875-10938), with its allow_out_record_invaile typo
    # and the prompt_manger_* spelling, against objects of this emulator.
    body = ivr_body("6210", name="语音客服", alert_info="", dial_ext_option="allow",
                    dial_ext_list=[{"value": "1", "type": "extension"}, {"value": "2", "type": "organization"}],
                    enb_dial_outb_routes=1, dial_outb_route_list=[{"text": "", "value": "1"}], enb_dial_check_vm=0,
                    prompt_manger_enb=0, prompt_manger_password="",
                    press2_dest="extension", press2_dest_prefix="", press2_dest_value="1", allow_out_record2=1,
                    press3_dest="play_greeting", press3_dest_prefix="2", press3_dest_value="IVR.wav",
                    allow_out_record3=1, press4_dest="external_num", press4_dest_prefix="155",
                    press4_dest_value="18691000000", allow_out_record4=1, timeout_dest="play_greeting",
                    timeout_dest_prefix="1", timeout_dest_value="IVR.wav", allow_out_record_timeout=1,
                    invalid_dest="play_prompt", invalid_dest_prefix="1", invalid_dest_value="IVR.wav",
                    allow_out_record_invaile=1)
    reply = world.post("ivr/create", body)
    assert reply["errcode"] == 0, reply
    data = world.get("ivr/get", id=reply["id"])["data"]
    assert data["allow_out_record_invalid"] == 1 and data["press3_dest_value"] == "IVR.wav"
    assert data["press0_dest"] == "" and data["allow_out_record0"] == 0
    assert data["dial_ext_list"] == [
        {"text": "Terrell Smith", "text2": "1000", "value": "1", "type": "extension"},
        {"text": "Sales", "text2": "Sales", "value": "2", "type": "organization"}]
    assert data["dial_outb_route_list"] == [{"text": "Local", "value": "1"}]
    assert "restrict_dial_ext_list" not in data
    for slot in SLOTS:
        assert {f"{slot}_dest", f"{slot}_dest_prefix", f"{slot}_dest_value"} <= set(data)


def test_update_is_partial_and_lists_apply_only_when_enabled(world):
    ivr_id = create(world, prompt_manger_enb=1, prompt_manger_password="1234", press1_dest="queue",
                    press1_dest_value="1")["id"]
    data = world.get("ivr/get", id=ivr_id)["data"]
    assert data["prompt_manger_password"] == "*****"
    assert "dial_ext_list" not in data and "dial_outb_route_list" not in data
    assert world.control("GET", "state")["ivrs"][0]["prompt_manger_password"] == "1234"
    reply = world.post("ivr/update", {"id": ivr_id, "name": "自助语音导航", "dial_ext_option": "allow",
                                      "dial_ext_list": [{"value": "1", "type": "extension"}],
                                      "press_hash_dest": "play_greeting", "press_hash_dest_prefix": "2",
                                      "press_hash_dest_value": "IVR.wav"})
    assert reply["errcode"] == 0, reply
    data = world.get("ivr/get", id=ivr_id)["data"]
    assert data["name"] == "自助语音导航" and data["press1_dest"] == "queue" and data["prompt_repeat"] == 3
    assert [i["value"] for i in data["dial_ext_list"]] == ["1"]
    assert world.get("extension/delete", id=1)["errcode"] == 70091
    # Switching the option off drops the list and its reference.
    assert world.post("ivr/update", {"id": ivr_id, "dial_ext_option": "all"})["errcode"] == 0
    assert "dial_ext_list" not in world.get("ivr/get", id=ivr_id)["data"]
    assert world.get("extension/delete", id=1)["errcode"] == 0
    listed = world.get("ivr/list")["data"]
    assert listed == [{"id": ivr_id, "number": "6200", "name": "自助语音导航", "dial_ext_option": "all",
                       "enb_dial_outb_routes": 0}]


@pytest.mark.parametrize("override, expected", [
    ({"prompt_repeat": 6}, ("prompt_repeat", "range")),
    ({"resp_timeout": 0}, ("resp_timeout", "range")),
    ({"digit_timeout": 11}, ("digit_timeout", "range")),
    ({"prompt": "nope.wav"}, ("prompt", "not_exist")),
    ({"prompt": "default,IVR.wav,IVR.wav,IVR.wav,IVR.wav,IVR.wav"}, ("prompt", "length")),
    ({"dial_ext_option": "some"}, ("dial_ext_option", "enum")),
    ({"dial_ext_option": "allow"}, ("dial_ext_list", "required")),
    ({"dial_ext_option": "restrict"}, ("restrict_dial_ext_list", "required")),
    ({"enb_dial_outb_routes": 1}, ("dial_outb_route_list", "required")),
    ({"enb_dial_outb_routes": 1, "dial_outb_route_list": [{"value": "9"}]}, ("dial_outb_route_list[0].value", "not_exist")),
    ({"prompt_manger_enb": 1}, ("prompt_manger_password", "required")),
    ({"prompt_manager_enb": 1}, ("prompt_manger_password", "required")),
    ({"prompt_manger_password": "abc"}, ("prompt_manger_password", "format")),
    ({"dial_ext_option": "allow", "dial_ext_list": [{"value": "9", "type": "extension"}]},
     ("dial_ext_list[0].value", "not_exist")),
    ({"dial_ext_option": "allow", "dial_ext_list": [{"value": "1", "type": "ext_group"}]},
     ("dial_ext_list[0].value", "not_exist")),
    ({"dial_ext_option": "allow", "dial_ext_list": [{"value": "1", "type": "queue"}]}, ("dial_ext_list[0].type", "enum")),
    ({"press0_dest": "voicemail"}, ("press0_dest", "enum")),
    ({"press5_dest": "extension"}, ("press5_dest_value", "required")),
    ({"press5_dest": "extension", "press5_dest_value": "9"}, ("press5_dest_value", "not_exist")),
    ({"press_star_dest": "ring_group", "press_star_dest_value": "9"}, ("press_star_dest_value", "not_exist")),
    ({"timeout_dest": "ivr", "timeout_dest_value": "9"}, ("timeout_dest_value", "not_exist")),
    ({"invalid_dest": "conference", "invalid_dest_value": "1"}, ("invalid_dest_value", "not_exist")),
    ({"press_hash_dest": "play_prompt", "press_hash_dest_prefix": "0", "press_hash_dest_value": "IVR.wav"},
     ("press_hash_dest_prefix", "range")),
    ({"press1_dest": "play_greeting", "press1_dest_value": "nope.wav"}, ("press1_dest_value", "not_exist")),
    ({"allow_out_record9": 2}, ("allow_out_record9", "enum")),
    ({"press10_dest": "end_call"}, ("press10_dest", "unknown")),
])
def test_create_validation(world, override, expected):
    reply = create(world, **override)
    assert reply["errcode"] == 40002, reply
    assert expected in fields(reply)


def test_required_fields(authed):
    reply = authed.post("ivr/create", {})
    assert {f for f, kind in fields(reply) if kind == "required"} == {
        "number", "name", "prompt", "prompt_repeat", "resp_timeout", "digit_timeout", "dial_ext_option"}


def test_destinations_to_every_kind(world):
    ivr_id = create(world, "6201")["id"]
    reply = create(world, press1_dest="extension", press1_dest_value="1", press2_dest="ext_vm", press2_dest_value="2",
                   press3_dest="ring_group", press3_dest_value="1", press4_dest="queue", press4_dest_value="1",
                   press5_dest="ivr", press5_dest_value=str(ivr_id), press6_dest="dial_by_name", press7_dest="end_call",
                   timeout_dest="play_prompt", timeout_dest_prefix="5", timeout_dest_value="welcome.wav")
    assert reply["errcode"] == 0, reply
    for endpoint, obj_id in (("extension/delete", 1), ("extension/delete", 2), ("ringgroup/delete", 1),
                             ("queue/delete", 1), ("ivr/delete", ivr_id)):
        refused = world.get(endpoint, id=obj_id)
        assert refused["errcode"] == 70091 and "ivr 6200" in refused["submsg"], (endpoint, refused)
    assert world.get("ivr/delete", id=reply["id"])["errcode"] == 0
    assert world.get("queue/delete", id=1)["errcode"] == 0
    assert world.get("ivr/delete", id=ivr_id)["errcode"] == 0


def test_departments_in_dial_lists_cannot_be_deleted(world):
    create(world, dial_ext_option="restrict", restrict_dial_ext_list=[{"value": "2", "type": "organization"}])
    assert world.get("organization/delete", id=2)["errcode"] == 70091


def test_shared_number_space(world):
    for number, holder in (("1000", "extension"), ("6300", "ring_group"), ("6400", "queue")):
        reply = create(world, number)
        assert reply["errcode"] == 40003 and reply["duplicate_field_list"][0]["external_source"] == holder
    ivr_id = create(world, "6200")["id"]
    assert create(world, "6200")["duplicate_field_list"][0]["external_source"] == "ivr"
    for endpoint, body in (("ringgroup/create", {"number": "6200", "name": "x", "ring_strategy": "custom"}),
                           ("queue/create", {"number": "6200", "name": "x", "ring_strategy": "random",
                                             "fail_dest": "end_call"}),
                           ("extension/create", extension_body("6200"))):
        reply = world.post(endpoint, body)
        assert reply["errcode"] == 40003 and reply["duplicate_field_list"][0]["external_source_name"] == "IVR 6200"
    # The IVR number is editable (L10967), within the shared space.
    assert world.post("ivr/update", {"id": ivr_id, "number": "6400"})["errcode"] == 40003
    assert world.post("ivr/update", {"id": ivr_id, "number": "6250"})["errcode"] == 0


def test_paging_search_query(authed):
    ids = [create(authed, str(6200 + n), name=f"Menu {n:02d}")["id"] for n in range(12)]
    page = authed.get("ivr/list", page=1, page_size=3, sort_by="name", order_by="desc")
    assert page["total_number"] == 12 and [i["name"] for i in page["data"]] == ["Menu 11", "Menu 10", "Menu 09"]
    assert authed.get("ivr/search", search_value="6205")["data"][0]["id"] == ids[5]
    assert [d["id"] for d in authed.get("ivr/query", ids=f"{ids[2]},{ids[1]}")["data"]] == [ids[2], ids[1]]
    assert authed.get("ivr/get", id=999)["errcode"] == 60001
    assert authed.get("ivr/delete", id=999)["errcode"] == 60001


def test_seed_all_kinds_and_state(authed):
    reply = authed.control("POST", "seed", {
        "custom_prompts": ["IVR.wav"], "moh_playlists": ["Jazz"],
        "departments": [{"name": "Sales", "parent_id": 1}],
        "pin_lists": [{"name": "p", "pin_list": "1234"}],
        "outbound_routes": [{"name": "r", "pin_protect": "pin_list", "pin_list": 1}],
        "extensions": [extension_body("1000")],
        "ring_groups": [{"number": "6300", "name": "RG", "ring_strategy": "ring_all", "ring_timeout": 30,
                         "member_list": [{"value": "1", "type": "extension"}], "moh": "Jazz"}],
        "queues": [{"number": "6400", "name": "Q", "ring_strategy": "ring_all", "fail_dest": "ring_group",
                    "fail_dest_value": "1", "dynamic_agent_list": [{"value": "1"}]}],
        "ivrs": [ivr_body(press1_dest="queue", press1_dest_value="1", press2_dest="play_greeting",
                          press2_dest_value="IVR.wav")],
    })
    assert {k: len(v) for k, v in reply.items()} == {
        "departments": 1, "pin_lists": 1, "outbound_routes": 1, "extensions": 1, "ring_groups": 1, "queues": 1,
        "ivrs": 1, "wakeup_calls": 0, "trunks": 0, "inbound_routes": 0,
        "company_contacts": 0, "phonebooks": 0}
    state = authed.control("GET", "state")
    assert state["queues"][0]["agent_state"] == {"1": {"agent_type": "dynamic", "is_login": 0, "is_pause": 0,
                                                       "pause_reason": ""}}
    assert state["custom_prompts"] == ["IVR.wav"] and state["moh_playlists"] == ["Jazz"]
    assert [r["code"] for r in state["pause_reasons"]] == ["*01", "*02", "*03"]
    assert state["ivrs"][0]["press1_dest"] == "queue" and state["pin_lists"][0]["pin_list"] == "1234"
    status, body = authed.raw("POST", "/_emulator/seed", {"custom_prompts": "x.wav"}, headers={})
    assert status == 400 and "custom_prompts" in body["error"]
    authed.control("POST", "reset")
    assert authed.control("GET", "state")["ivrs"] == []
