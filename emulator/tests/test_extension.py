import pytest

from conftest import extension_body


def create(client, number="1000", **overrides):
    return client.post("extension/create", extension_body(number, **overrides))


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def test_create_get_update_delete(authed):
    ext_id = create(authed, email_addr="t@sample.com")["id"]
    data = authed.get("extension/get", id=ext_id)["data"]
    assert data["number"] == "1000" and data["caller_id"] == "1000"
    assert data["reg_password"] == "" and "user_password" not in data
    assert [p["status"] for p in data["presence_list"]] == [
        "available", "away", "business_trip", "do_not_disturb", "lunch", "off_work"]
    assert data["organization_list"] == [{"text": "Yeastar", "value": "1"}]

    reply = authed.post("extension/update", {"id": ext_id, "presence_status": "off_work",
                                             "presence_list": [{"status": "away", "ring_timeout": 60}]})
    assert reply["errcode"] == 0
    data = authed.get("extension/get", id=ext_id)["data"]
    assert data["presence_status"] == "off_work" and data["first_name"] == "Terrell"
    away = [p for p in data["presence_list"] if p["status"] == "away"][0]
    assert away["ring_timeout"] == 60 and away["enb_in_busy_forward"] == 1

    assert authed.get("extension/delete", id=ext_id)["errcode"] == 0
    assert authed.get("extension/get", id=ext_id)["errcode"] == 60001
    assert authed.get("extension/delete", id=ext_id)["errcode"] == 60001


def test_query_returns_masked_user_password(authed):
    a, b = create(authed, "1000")["id"], create(authed, "1001")["id"]
    data = authed.get("extension/query", ids=f"{b},{a},999")["data"]
    assert [d["id"] for d in data] == [b, a]
    assert data[0]["user_password"] == "" and data[0]["reg_password"] == ""
    state = authed.control("GET", "state")
    assert state["extensions"][0]["user_password"] == "Userpwd1011"


@pytest.mark.parametrize("override, expected", [
    ({"number": "12a4"}, ("number", "format")),
    ({"number": "12345678"}, ("number", "length")),
    ({"user_password": "short1A"}, ("user_password", "length")),
    ({"user_password": "alllowercase1"}, ("user_password", "format")),
    ({"reg_password": "1234567"}, ("reg_password", "length")),
    ({"reg_name": "x" * 64}, ("reg_name", "length")),
    ({"caller_id": "12 34"}, ("caller_id", "format")),
    ({"caller_id": "1" * 32}, ("caller_id", "length")),
    ({"concurrent_registrations": 4}, ("concurrent_registrations", "enum")),
    ({"presence_status": "busy"}, ("presence_status", "enum")),
    ({"type": "IAX"}, ("type", "enum")),
    ({"enb_vm": "1"}, ("enb_vm", "type")),
    ({"enb_ice": 1}, ("enb_ice", "type")),
    ({"transport": "sctp"}, ("transport", "enum")),
    ({"bogus": 1}, ("bogus", "unknown")),
    ({"enb_mobile_client": 1}, ("enb_mobile_client", "unknown")),
    ({"presence_list": [{"status": "away", "ring_timeout": 4}]}, ("presence_list[0].ring_timeout", "range")),
    ({"presence_list": [{"status": "away"}]}, ("presence_list[0].ring_timeout", "required")),
    ({"presence_list": [{"status": "away", "ring_timeout": 30, "in_busy_forward_dest": "ivr"}]},
     ("presence_list[0].in_busy_forward_value", "required")),
    ({"new_vm_notification": "no", "vm_after_notification": "delete"}, ("vm_after_notification", "invalid")),
    ({"organization_list": []}, ("organization_list", "required")),
    ({"organization_list": [{"value": "99"}]}, ("organization_list[0].value", "not_exist")),
    ({"outbound_route_permission": [5]}, ("outbound_route_permission[0]", "not_exist")),
])
def test_create_validation(authed, override, expected):
    reply = create(authed, **override)
    assert reply["errcode"] == 40002 and reply["errmsg"] == "PARAMETER ERROR"
    assert expected in fields(reply)


def test_missing_required_fields(authed):
    reply = authed.post("extension/create", {"type": "SIP"})
    assert {f for f, kind in fields(reply) if kind == "required"} == {
        "number", "user_password", "reg_name", "reg_password", "presence_status",
        "organization_list"}


def test_vm_delete_allowed_with_attach(authed):
    assert create(authed, new_vm_notification="with_attach",
                  vm_after_notification="delete")["errcode"] == 0


def test_unknown_role(authed):
    assert create(authed, role_id=42)["errcode"] == 60101


def test_duplicates(authed):
    create(authed, "1011", email_addr="example@126.com")
    reply = create(authed, "1011", email_addr="example@126.com", reg_name="reg1011")
    assert reply["errcode"] == 40003 and reply["errmsg"] == "DUPLICATE KEY VALUE"
    assert reply["submsg"] == "Extension create fail for duplicate fields"
    assert {d["field"] for d in reply["duplicate_field_list"]} == {"number", "email_addr", "reg_name"}
    assert reply["duplicate_field_list"][0]["external_source"] == "extension"
    assert reply["duplicate_field_list"][0]["external_source_name"] == "1011"


def test_update_rules(authed):
    a = create(authed, "1000", email_addr="a@x.io")["id"]
    create(authed, "1001", email_addr="b@x.io")
    assert authed.post("extension/update", {"id": a, "email_addr": "b@x.io"})["errcode"] == 40003
    assert authed.post("extension/update", {"id": a, "number": "1000"})["errcode"] == 0
    reply = authed.post("extension/update", {"id": a, "number": "2000"})
    assert ("number", "invalid") in fields(reply)
    assert authed.post("extension/update", {"id": 999})["errcode"] == 60001
    assert ("id", "required") in fields(authed.post("extension/update", {}))
    reply = authed.post("extension/update", {"id": a, "presence_list": [
        {"status": "lunch", "in_always_forward_destination": "end_call"}]})
    assert reply["errcode"] == 0
    lunch = authed.get("extension/get", id=a)["data"]["presence_list"][4]
    assert lunch["in_always_forward_dest"] == "end_call"


def test_department_management_disabled(authed):
    authed.control("POST", "config", {"department_management": False})
    body = extension_body()
    del body["organization_list"]
    assert authed.post("extension/create", body)["errcode"] == 0
    assert create(authed, "1001")["errcode"] == 70120
    assert authed.get("organization/list")["errcode"] == 70120


def test_pagination_and_sorting(authed):
    for n in range(12):
        create(authed, str(2000 + n), first_name=f"User{n:02d}")
    page = authed.get("extension/list", page=2, page_size=5, sort_by="number", order_by="desc")
    assert page["total_number"] == 12
    assert [d["number"] for d in page["data"]] == ["2006", "2005", "2004", "2003", "2002"]
    last = authed.get("extension/list", page=3, page_size=5)
    assert len(last["data"]) == 2
    assert authed.get("extension/list", page=9, page_size=5)["data"] == []
    assert len(authed.get("extension/list")["data"]) == 12
    assert ("page_size", "range") in fields(authed.get("extension/list", page_size=10001))
    assert ("page", "range") in fields(authed.get("extension/list", page=0))
    assert ("sort_by", "enum") in fields(authed.get("extension/list", sort_by="title"))
    found = authed.get("extension/search", search_value="user1")
    assert found["total_number"] == 2


def test_capacity_and_menu(authed):
    ext_id = create(authed)["id"]
    assert authed.get("system/capacity")["data"]["extension_used"] == 1
    menu = authed.get("system/get_menuoptions", menu="extension")["data"]
    assert menu[0]["value"] == str(ext_id)


def test_send_welcome_email(authed):
    ext_id = create(authed, email_addr="t@sample.com")["id"]
    assert authed.post("extension/send_welcome_email", {"id_list": [ext_id]})["errcode"] == 0
    assert authed.post("extension/send_welcome_email", {"id_list": [999]})["errcode"] == 60001
    assert authed.control("GET", "state")["welcome_emails"] == [{"id": ext_id, "email_addr": "t@sample.com"}]
