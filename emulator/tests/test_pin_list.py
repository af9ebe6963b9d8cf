import pytest


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def create(client, name="local_calls", pins="2283,3301", **overrides):
    return client.post("pin_list/create", {"name": name, "pin_list": pins, **overrides})


def test_create_get_update_delete(authed):
    pid = create(authed, enb_record_cdr=1)["id"]
    # PINs are shown in clear, as in every example of the manual.
    assert authed.get("pin_list/get", id=pid)["data"] == {"id": pid, "name": "local_calls", "pin_list": "2283,3301",
                                                         "enb_record_cdr": 1}
    assert authed.post("pin_list/update", {"id": pid, "enb_record_cdr": 0})["errcode"] == 0
    data = authed.get("pin_list/get", id=pid)["data"]
    assert data["enb_record_cdr"] == 0 and data["pin_list"] == "2283,3301"
    assert authed.post("pin_list/update", {"id": pid, "pin_list": "4865, 7203"})["errcode"] == 0
    assert authed.get("pin_list/get", id=pid)["data"]["pin_list"] == "4865,7203"
    assert authed.control("GET", "state")["pin_lists"][0]["pin_list"] == "4865,7203"
    assert authed.get("pin_list/delete", id=pid)["errcode"] == 0
    assert authed.get("pin_list/get", id=pid)["errcode"] == 60001
    assert authed.post("pin_list/update", {"id": pid, "name": "x"})["errcode"] == 60001


def test_default_record_cdr(authed):
    pid = create(authed)["id"]
    assert authed.get("pin_list/get", id=pid)["data"]["enb_record_cdr"] == 0


@pytest.mark.parametrize("body, expected", [
    ({"pin_list": "1234"}, ("name", "required")),
    ({"name": "x"}, ("pin_list", "required")),
    ({"name": "x", "pin_list": ""}, ("pin_list", "required")),
    ({"name": "x", "pin_list": "12a4"}, ("pin_list", "format")),
    ({"name": "x", "pin_list": "1234,,5678"}, ("pin_list", "format")),
    ({"name": "x", "pin_list": "1234,1234"}, ("pin_list", "invalid")),
    ({"name": "x", "pin_list": 1234}, ("pin_list", "type")),
    ({"name": "x", "pin_list": "1234", "enb_record_cdr": 2}, ("enb_record_cdr", "enum")),
    ({"name": "x", "pin_list": "1234", "pins": "1"}, ("pins", "unknown")),
])
def test_create_validation(authed, body, expected):
    reply = authed.post("pin_list/create", body)
    assert reply["errcode"] == 40002 and expected in fields(reply)


def test_unique_name(authed):
    create(authed)
    reply = create(authed, pins="1111")
    assert reply["errcode"] == 40003
    assert reply["duplicate_field_list"] == [{"field": "name", "value": "local_calls", "external_source": "pin_list",
                                              "external_source_name": "local_calls"}]
    other = create(authed, "intl")["id"]
    assert authed.post("pin_list/update", {"id": other, "name": "local_calls"})["errcode"] == 40003


def test_outbound_route_reference(authed):
    pid = create(authed)["id"]
    status, body = authed.raw("POST", "/_emulator/seed", {"outbound_routes": [
        {"name": "Intl", "pin_protect": "pin_list", "pin_list": 99}]}, headers={})
    assert status == 400 and body["response"]["invalid_param_list"] == [{"field": "pin_list",
                                                                         "validation_type": "not_exist"}]
    authed.control("POST", "seed", {"outbound_routes": [{"name": "Intl", "pin_protect": "pin_list", "pin_list": pid}]})
    reply = authed.get("pin_list/delete", id=pid)
    assert reply["errcode"] == 70091 and "outbound_route Intl" in reply["submsg"]


def test_seed_pin_list_before_routes(authed):
    reply = authed.control("POST", "seed", {
        "pin_lists": [{"name": "p", "pin_list": "1234"}],
        "outbound_routes": [{"name": "r", "pin_protect": "pin_list", "pin_list": 1}]})
    assert reply["pin_lists"] == [1] and reply["outbound_routes"] == [1]


def test_paging_search_query(authed):
    ids = [create(authed, f"list{n:02d}", pins=str(1000 + n))["id"] for n in range(12)]
    page = authed.get("pin_list/list", page=2, page_size=10)
    assert page["total_number"] == 12 and [d["id"] for d in page["data"]] == ids[10:]
    # list has no sorting parameters (L9614-9618), search has id|name.
    assert ("sort_by", "unknown") in fields(authed.get("pin_list/list", sort_by="name"))
    found = authed.get("pin_list/search", search_value="LIST1", sort_by="name", order_by="desc")
    assert [d["name"] for d in found["data"]] == ["list11", "list10"]
    # query takes ids, or id as in the example (L9864).
    assert [d["id"] for d in authed.get("pin_list/query", ids=f"{ids[1]},{ids[0]}")["data"]] == [ids[1], ids[0]]
    assert [d["id"] for d in authed.get("pin_list/query", id=f"{ids[2]},{ids[3]}")["data"]] == [ids[2], ids[3]]
    assert ("ids", "required") in fields(authed.get("pin_list/query"))
