import pytest
from conftest import extension_body
from test_trunk import PEER, REGISTER


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


@pytest.fixture
def trunks(authed):
    return authed.control("POST", "seed", {"trunks": [REGISTER, PEER]})["trunks"]


def create(client, name, **fields_):
    return client.post("outbound_route/create", {"name": name, **fields_})


def positions(client):
    return [(r["name"], r["pos"]) for r in client.get("outbound_route/list")["data"]]


def test_create_get_list_search(authed, trunks):
    rid = create(authed, "shared-trunk", dial_pattern_list=[{"pattern": "55033X.", "strip": 5},
                                                             {"pattern": "9.", "strip": 1, "prepend": "0"}],
                 trunk_list=[{"id": trunks[1]}, {"id": trunks[0], "name": "ignored"}],
                 pin_protect="single_pin", pin="1234")["id"]
    local = create(authed, "local")["id"]
    listing = authed.get("outbound_route/list")
    assert listing["total_number"] == 2 and listing["last_pos"] == 2
    assert listing["data"][0] == {"id": rid, "name": "shared-trunk", "dial_pattern": ["55033X.", "9."],
                                  "trunk": [{"id": trunks[1], "name": "peer-to-41"},
                                            {"id": trunks[0], "name": "carrier"}], "pos": 1}
    detail = authed.get("outbound_route/get", id=rid)["data"]
    assert detail["trunk_list"] == [{"id": trunks[1], "name": "peer-to-41", "type": "peer"},
                                    {"id": trunks[0], "name": "carrier", "type": "register"}]
    assert [{k: v for k, v in p.items() if k != "id"} for p in detail["dial_pattern_list"]] == [
        {"pattern": "55033X.", "strip": 5}, {"pattern": "9.", "strip": 1, "prepend": "0"}]
    assert detail["pin"] == "1234" and "pin_list" not in detail and detail["outbound_cid"] == ""
    assert authed.get("outbound_route/search", search_value="SHARED")["total_number"] == 1
    assert authed.get("outbound_route/query", ids=f"{local},{rid}")["data"][0]["pin_protect"] == "disable"
    assert authed.get("outbound_route/get", id=99)["errcode"] == 60001
    # a renamed trunk shows under its new name
    authed.post("trunk/update", {"id": trunks[0], "name": "carrier-2"})
    assert authed.get("outbound_route/get", id=rid)["data"]["trunk_list"][1]["name"] == "carrier-2"


def test_partial_update_and_replacement(authed, trunks):
    rid = create(authed, "r", outbound_cid="5550100", dial_pattern_list=[{"pattern": "1X."}],
                 trunk_list=[{"id": trunks[0]}])["id"]
    before = authed.get("outbound_route/get", id=rid)["data"]
    assert authed.post("outbound_route/update", {"id": rid, "pin_protect": "single_pin", "pin": "1234"})[
        "errcode"] == 0
    after = authed.get("outbound_route/get", id=rid)["data"]
    assert after == {**before, "pin_protect": "single_pin", "pin": "1234"}
    authed.post("outbound_route/update", {"id": rid, "dial_pattern_list": [{"pattern": "2X."}],
                                          "trunk_list": [{"id": trunks[1]}, {"id": trunks[0]}]})
    after = authed.get("outbound_route/get", id=rid)["data"]
    assert [p["pattern"] for p in after["dial_pattern_list"]] == ["2X."]
    assert [t["id"] for t in after["trunk_list"]] == [trunks[1], trunks[0]]
    assert after["outbound_cid"] == "5550100"
    # leaving single_pin hides the PIN
    authed.post("outbound_route/update", {"id": rid, "pin_protect": "disable"})
    assert "pin" not in authed.get("outbound_route/get", id=rid)["data"]
    assert authed.post("outbound_route/update", {"id": 99, "name": "x"})["errcode"] == 60001


def test_members_extensions_and_departments(authed):
    ext = authed.post("extension/create", extension_body("1000"))["id"]
    dept = authed.post("organization/create", {"name": "Sales", "parent_id": 1})["id"]
    rid = create(authed, "r", ext_list=[{"id": ext, "type": "extension"},
                                        {"id": dept, "type": "organization"}])["id"]
    assert authed.get("outbound_route/get", id=rid)["data"]["ext_list"] == [
        {"ext_number": "1000", "ext_name": "Terrell Smith", "type": "extension", "id": ext},
        {"ext_number": "", "ext_name": "Sales", "type": "organization", "id": dept}]
    assert authed.get("extension/get", id=ext)["data"]["outbound_route_permission"] == [rid]
    assert authed.get("organization/delete", id=dept)["errcode"] == 70091
    authed.post("outbound_route/update", {"id": rid, "ext_list": []})
    assert authed.get("extension/get", id=ext)["data"]["outbound_route_permission"] == []
    assert authed.get("outbound_route/get", id=rid)["data"]["ext_list"] == []
    authed.post("outbound_route/update", {"id": rid, "ext_list": [{"id": ext, "type": "extension"}]})
    assert authed.get("outbound_route/delete", id=rid)["errcode"] == 0
    assert authed.get("extension/get", id=ext)["data"]["outbound_route_permission"] == []


@pytest.mark.parametrize("body, expected", [
    ({}, ("name", "required")),
    ({"name": ""}, ("name", "required")),
    ({"name": "r", "trunk_list": [{"id": 99}]}, ("trunk_list[0].id", "not_exist")),
    ({"name": "r", "trunk_list": [{"name": "carrier"}]}, ("trunk_list[0].id", "required")),
    ({"name": "r", "ext_list": [{"id": 99, "type": "extension"}]}, ("ext_list[0].value", "not_exist")),
    ({"name": "r", "ext_list": [{"id": 99, "type": "organization"}]}, ("ext_list[0].value", "not_exist")),
    ({"name": "r", "ext_list": [{"id": 1, "type": "ext_group"}]}, ("ext_list[0].value", "not_exist")),
    ({"name": "r", "ext_list": [{"id": 1, "type": "user"}]}, ("ext_list[0].type", "enum")),
    ({"name": "r", "pin_protect": "disabled"}, ("pin_protect", "enum")),
    ({"name": "r", "pin_protect": "single_pin"}, ("pin", "required")),
    ({"name": "r", "pin_protect": "single_pin", "pin": "12a"}, ("pin", "format")),
    ({"name": "r", "pin_protect": "pin_list"}, ("pin_list", "required")),
    ({"name": "r", "pin_protect": "pin_list", "pin_list": 5}, ("pin_list", "not_exist")),
    ({"name": "r", "dial_pattern_list": [{"strip": 1}]}, ("dial_pattern_list[0].pattern", "required")),
    ({"name": "r", "dial_pattern_list": [{"pattern": "9 1"}]}, ("dial_pattern_list[0].pattern", "format")),
    ({"name": "r", "dial_pattern_list": [{"pattern": "9.", "strip": -1}]}, ("dial_pattern_list[0].strip", "range")),
    ({"name": "r", "pos": 2}, ("pos", "range")),
    ({"name": "r", "pos": 0}, ("pos", "range")),
])
def test_create_validation(authed, body, expected):
    reply = authed.post("outbound_route/create", body)
    assert reply["errcode"] == 40002 and expected in fields(reply), reply
    assert authed.control("GET", "state")["outbound_routes"] == []


def test_trunk_twice_and_duplicate_name(authed, trunks):
    reply = create(authed, "r", trunk_list=[{"id": trunks[0]}, {"id": trunks[0]}])
    assert ("trunk_list", "invalid") in fields(reply)
    create(authed, "r")
    reply = create(authed, "r")
    assert reply["errcode"] == 40003 and reply["duplicate_field_list"][0]["external_source"] == "outbound_route"
    other = create(authed, "s")["id"]
    assert authed.post("outbound_route/update", {"id": other, "name": "r"})["errcode"] == 40003


def test_positions(authed):
    ids = [create(authed, name)["id"] for name in ("a", "b", "c")]
    assert positions(authed) == [("a", 1), ("b", 2), ("c", 3)]
    assert authed.post("outbound_route/update", {"id": ids[2], "pos": 1})["errcode"] == 0
    assert positions(authed) == [("c", 1), ("a", 2), ("b", 3)]
    assert ("pos", "range") in fields(authed.post("outbound_route/update", {"id": ids[0], "pos": 4}))
    create(authed, "d", pos=2)
    assert positions(authed) == [("c", 1), ("d", 2), ("a", 3), ("b", 4)]
    authed.get("outbound_route/delete", id=ids[0])
    listing = authed.get("outbound_route/list")
    assert [(r["name"], r["pos"]) for r in listing["data"]] == [("c", 1), ("d", 2), ("b", 3)]
    assert listing["last_pos"] == 3
    # an update without pos keeps the place
    authed.post("outbound_route/update", {"id": ids[1], "name": "b2"})
    assert positions(authed)[2] == ("b2", 3)
    assert [r["name"] for r in authed.get("outbound_route/list", sort_by="name", order_by="desc")["data"]] == [
        "d", "c", "b2"]
    page = authed.get("outbound_route/list", page=2, page_size=2)
    assert page["total_number"] == 3 and [r["name"] for r in page["data"]] == ["b2"]


def test_delete_referenced_and_missing(authed):
    rid = create(authed, "r")["id"]
    assert authed.get("outbound_route/delete", id=99)["errcode"] == 60001
    assert authed.get("outbound_route/delete", id=rid)["errcode"] == 0
    assert authed.get("outbound_route/get", id=rid)["errcode"] == 60001


def test_pin_list_in_use(authed):
    seeded = authed.control("POST", "seed", {"pin_lists": [{"name": "p", "pin_list": "1234"}],
                                             "outbound_routes": [{"name": "r", "pin_protect": "pin_list",
                                                                  "pin_list": 1}]})
    assert authed.get("pin_list/delete", id=seeded["pin_lists"][0])["errcode"] == 70091
    authed.post("outbound_route/update", {"id": seeded["outbound_routes"][0], "pin_protect": "disable"})
    assert authed.get("pin_list/delete", id=seeded["pin_lists"][0])["errcode"] == 0


def test_a_route_member_does_not_leak_into_extensions_created_later(authed):
    """Extensions created without a permission must not share one default list that a route then fills."""
    first = authed.post("extension/create", extension_body("1000"))["id"]
    rid = create(authed, "r", ext_list=[{"id": first, "type": "extension"}])["id"]
    later = authed.post("extension/create", extension_body("1001"))["id"]
    assert authed.get("extension/get", id=first)["data"]["outbound_route_permission"] == [rid]
    assert authed.get("extension/get", id=later)["data"]["outbound_route_permission"] == []
