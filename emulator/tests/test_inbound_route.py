import pytest
from conftest import extension_body
from test_trunk import ACCOUNT, REGISTER


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


@pytest.fixture
def world(authed):
    """Two trunks, extension 2005, ring group 6300, an outbound route and a custom prompt."""
    seeded = authed.control("POST", "seed", {
        "custom_prompts": ["Closed.wav"],
        "trunks": [REGISTER, ACCOUNT],
        "outbound_routes": [{"name": "to-mobile"}],
        "extensions": [extension_body("2005", first_name="Kristin", last_name="Hale")],
        "ring_groups": [{"number": "6300", "name": "Support", "ring_strategy": "ring_all", "ring_timeout": 30,
                         "member_list": [{"value": "1", "type": "extension"}]}],
    })
    return {key: ids[0] if len(ids) == 1 else ids for key, ids in seeded.items()}


def create(client, name, trunk, **fields_):
    return client.post("inbound_route/create", {"name": name, "trunk_list": [{"id": trunk}],
                                                "def_dest": "end_call", **fields_})


def test_create_get_list_defaults(authed, world):
    ext = world["extensions"]
    rid = create(authed, "from-110", world["trunks"][0], def_dest="extension", def_dest_value=str(ext))["id"]
    assert authed.get("inbound_route/get", id=rid)["data"] == {
        "id": rid, "name": "from-110", "did_option": "patterns", "did_pattern_list": [], "cid_option": "patterns",
        "trunk_list": [{"id": world["trunks"][0], "name": "carrier", "type": "register"}],
        "def_dest": "extension", "def_dest_value": str(ext), "time_condition": "disabled"}
    listing = authed.get("inbound_route/list")
    assert listing["total_number"] == 1 and listing["last_pos"] == 1
    assert listing["data"] == [{"id": rid, "pos": 1, "name": "from-110", "default_destination": "extension",
                                "current_destination": "extension", "time_condition": "disabled",
                                "default_desination_value": "2005-Kristin Hale",
                                "current_desination_value": "2005-Kristin Hale"}]
    assert authed.get("inbound_route/query", ids=f"{rid},99")["data"][0]["id"] == rid
    assert authed.get("inbound_route/get", id=99)["errcode"] == 60001


def test_did_and_cid_options(authed, world):
    trunk = world["trunks"][1]
    rid = create(authed, "test5", trunk, did_option="range_to_ext", did_to_ext_start="5503301",
                 did_to_ext_end="5503310", def_dest="range_to_ext", def_dest_value="2001-2010")["id"]
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert data["did_to_ext_start"] == "5503301" and data["did_to_ext_end"] == "5503310"
    assert "did_pattern_list" not in data and data["def_dest_value"] == "2001-2010"
    authed.post("inbound_route/update", {"id": rid, "did_option": "patterns",
                                         "did_pattern_list": [{"did_pattern": "999999"}, {"did_pattern": "88X"}],
                                         "cid_option": "patterns", "cid_pattern_list": [{"cid_pattern": "777"}]})
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert [p["did_pattern"] for p in data["did_pattern_list"]] == ["999999", "88X"]
    assert [p["cid_pattern"] for p in data["cid_pattern_list"]] == ["777"]
    # the lists alone (update example L8575): they replace the stored ones
    authed.post("inbound_route/update", {"id": rid, "did_pattern_list": [{"did_pattern": "1"}]})
    assert [p["did_pattern"] for p in authed.get("inbound_route/get", id=rid)["data"]["did_pattern_list"]] == ["1"]
    authed.post("inbound_route/update", {"id": rid, "did_option": "pattern_to_ext_list", "did_pattern_to_ext_list": [
        {"did_pattern": "5503301", "did_pattern_to_ext": str(world["extensions"])}], "def_dest": "pattern_to_ext_list"})
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert [(d["did_pattern"], d["did_pattern_to_ext"]) for d in data["did_pattern_to_ext_list"]] == [
        ("5503301", str(world["extensions"]))]


def test_pattern_to_ext_members(authed, world):
    ext = world["extensions"]
    rid = create(authed, "test", world["trunks"][1], did_option="pattern_to_ext", did_pattern_to_ext="550330{{.Ext}}",
                 def_dest="pattern_to_ext", def_dest_ext_list=[{"value": str(ext)}])["id"]
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert data["did_pattern_to_ext"] == "550330{{.Ext}}"
    assert data["def_dest_ext_list"] == [{"value": str(ext), "name": "Kristin Hale", "number": "2005",
                                          "type": "extension"}]
    assert authed.get("extension/delete", id=ext)["errcode"] == 70091


@pytest.mark.parametrize("body, expected", [
    ({"trunk_list": None}, ("trunk_list", "required")),
    ({"trunk_list": []}, ("trunk_list", "required")),
    ({"trunk_list": [{"id": 99}]}, ("trunk_list[0].id", "not_exist")),
    ({"def_dest": None}, ("def_dest", "required")),
    ({"def_dest": "hangup"}, ("def_dest", "enum")),
    ({"def_dest": "extension"}, ("def_dest_value", "required")),
    ({"def_dest": "extension", "def_dest_value": "99"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "ring_group", "def_dest_value": "99"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "queue", "def_dest_value": "1"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "group_vm", "def_dest_value": "1"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "outroute", "def_dest_value": "99"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "external_num", "def_dest_value": "55a"}, ("def_dest_value", "format")),
    ({"def_dest": "play_greeting", "def_dest_value": "Missing.wav"}, ("def_dest_value", "not_exist")),
    ({"def_dest": "play_greeting", "def_dest_value": "Closed.wav", "def_dest_prefix": "9"},
     ("def_dest_prefix", "range")),
    ({"def_dest": "range_to_ext", "def_dest_value": "2010-2001"}, ("def_dest_value", "format")),
    ({"def_dest": "pattern_to_ext"}, ("def_dest_ext_list", "required")),
    ({"def_dest": "pattern_to_ext", "def_dest_ext_list": [{"value": "5", "type": "ext_group"}]},
     ("def_dest_ext_list[0].value", "not_exist")),
    ({"def_dest": "pattern_to_ext_list"}, ("def_dest", "invalid")),
    ({"did_option": "patterns"}, ("did_pattern_list", "required")),
    ({"did_option": "pattern_to_ext"}, ("did_pattern_to_ext", "required")),
    ({"did_option": "range_to_ext", "did_to_ext_start": "10"}, ("did_to_ext_end", "required")),
    ({"did_option": "range_to_ext", "did_to_ext_start": "10", "did_to_ext_end": "9"}, ("did_to_ext_end", "invalid")),
    ({"did_option": "pattern_to_ext_list", "did_pattern_to_ext_list": [
        {"did_pattern": "1", "did_pattern_to_ext": "99"}]},
     ("did_pattern_to_ext_list[0].did_pattern_to_ext", "not_exist")),
    ({"did_option": "any"}, ("did_option", "enum")),
    ({"did_pattern_list": [{"did_pattern": "5 5"}]}, ("did_pattern_list[0].did_pattern", "format")),
    ({"cid_option": "phonebook"}, ("cid_to_phonebook", "required")),
    ({"cid_option": "phonebook", "cid_to_phonebook": [8]}, ("cid_to_phonebook[0]", "not_exist")),
    ({"cid_option": "phonebook", "cid_to_phonebook": "[8"}, ("cid_to_phonebook[0]", "not_exist")),
    ({"cid_option": "phonebook", "cid_to_phonebook": "x"}, ("cid_to_phonebook", "format")),
    ({"time_condition": "custom"}, ("time_condition_value", "required")),
    ({"time_condition": "custom", "time_condition_value": [{"days_of_week": "mon funday", "times": ["09:00-12:00"]}]},
     ("time_condition_value[0].days_of_week", "format")),
    ({"time_condition": "custom", "time_condition_value": [{"days_of_week": "mon", "times": ["12:00-09:00"]}]},
     ("time_condition_value[0].times[0]", "invalid")),
    ({"time_condition": "global", "holidays_hours_destination": "ivr", "holidays_hours_destination_value": "9"},
     ("holidays_hours_destination_value", "not_exist")),
    ({"time_condition": "global", "business_hours_destination": "pattern_to_ext"},
     ("business_hours_destination", "invalid")),
    ({"pos": 2}, ("pos", "range")),
    ({"priority": 1}, ("priority", "unknown")),
])
def test_create_validation(authed, world, body, expected):
    request = {"name": "r", "trunk_list": [{"id": world["trunks"][0]}], "def_dest": "end_call", **body}
    reply = authed.post("inbound_route/create", {k: v for k, v in request.items() if v is not None})
    assert reply["errcode"] == 40002 and expected in fields(reply), reply
    assert authed.control("GET", "state")["inbound_routes"] == []


def test_time_based_destinations(authed, world):
    rid = create(authed, "from-35", world["trunks"][0], def_dest="disabled", time_condition="custom",
                 time_condition_value=[{"days_of_week": "mon  tue", "times": ["09:15-12:00"]}],
                 business_hours_destination="ring_group", business_hours_destination_value=str(world["ring_groups"]),
                 outside_business_hours_destination="outroute",
                 outside_business_hours_destination_value=str(world["outbound_routes"]))["id"]
    item = authed.get("inbound_route/list")["data"][0]
    assert item == {
        "id": rid, "pos": 1, "name": "from-35", "default_destination": "disabled",
        "current_destination": "ring_group", "time_condition": "custom",
        "current_desination_value": "6300-Support",
        "time_condition_value": [{"days_of_week": "mon tue", "times": ["09:15-12:00"]}],
        "business_hours_destination": "ring_group", "business_hours_destination_value": "6300-Support",
        "outside_business_hours_destination": "outroute",
        "outside_business_hours_destination_value": "to-mobile",
        "holidays_hours_destination": "end_call"}
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert data["business_hours_destination_value"] == str(world["ring_groups"])
    assert authed.get("ringgroup/delete", id=world["ring_groups"])["errcode"] == 70091
    assert authed.get("outbound_route/delete", id=world["outbound_routes"])["errcode"] == 70091
    authed.post("inbound_route/update", {"id": rid, "time_condition": "disabled"})
    assert "business_hours_destination" not in authed.get("inbound_route/get", id=rid)["data"]
    assert authed.get("inbound_route/list")["data"][0]["current_destination"] == "end_call"


def test_partial_update(authed, world):
    rid = create(authed, "r", world["trunks"][0], alert_info="ring1", def_dest="external_num",
                 def_dest_prefix="9", def_dest_value="5550100")["id"]
    before = authed.get("inbound_route/get", id=rid)["data"]
    assert authed.post("inbound_route/update", {"id": rid, "name": "r2"})["errcode"] == 0
    assert authed.get("inbound_route/get", id=rid)["data"] == {**before, "name": "r2"}
    authed.post("inbound_route/update", {"id": rid, "trunk_list": [{"id": world["trunks"][1]},
                                                                   {"id": world["trunks"][0]}]})
    assert [t["id"] for t in authed.get("inbound_route/get", id=rid)["data"]["trunk_list"]] == [
        world["trunks"][1], world["trunks"][0]]
    assert authed.post("inbound_route/update", {"id": 99, "name": "x"})["errcode"] == 60001
    assert ("trunk_list", "required") in fields(authed.post("inbound_route/update", {"id": rid, "trunk_list": []}))


def test_referential_integrity(authed, world):
    create(authed, "r", world["trunks"][0], def_dest="ring_group", def_dest_value=str(world["ring_groups"]))
    reply = authed.get("ringgroup/delete", id=world["ring_groups"])
    assert reply["errcode"] == 70091 and "inbound_route r" in reply["submsg"]
    reply = authed.get("trunk/delete", id=world["trunks"][0])
    assert reply["errcode"] == 70091 and "inbound_route r" in reply["submsg"]
    assert authed.get("trunk/delete", id=world["trunks"][1])["errcode"] == 0
    assert len(authed.control("GET", "state")["ring_groups"]) == 1


def test_unique_name_positions_paging_delete(authed, world):
    trunk = world["trunks"][0]
    ids = [create(authed, name, trunk)["id"] for name in ("a", "b", "c")]
    assert create(authed, "a", trunk)["errcode"] == 40003
    authed.post("inbound_route/update", {"id": ids[2], "pos": 1})
    assert [(r["name"], r["pos"]) for r in authed.get("inbound_route/list")["data"]] == [("c", 1), ("a", 2), ("b", 3)]
    page = authed.get("inbound_route/list", page=2, page_size=2)
    assert page["total_number"] == 3 and [r["name"] for r in page["data"]] == ["b"]
    assert [r["name"] for r in authed.get("inbound_route/search", search_value="B")["data"]] == ["b"]
    assert authed.get("inbound_route/delete", id=ids[0])["errcode"] == 0
    listing = authed.get("inbound_route/list", sort_by="id")
    assert [(r["name"], r["pos"]) for r in listing["data"]] == [("b", 2), ("c", 1)] and listing["last_pos"] == 2
    assert authed.get("inbound_route/delete", id=ids[0])["errcode"] == 60001


def test_unused_options_do_not_hold_references(authed, world):
    ext, rg = world["extensions"], world["ring_groups"]
    rid = create(authed, "r", world["trunks"][0], def_dest="pattern_to_ext", def_dest_ext_list=[{"value": str(ext)}],
                 time_condition="global", business_hours_destination="ring_group",
                 business_hours_destination_value=str(rg))["id"]
    assert authed.get("ringgroup/delete", id=rg)["errcode"] == 70091
    authed.post("inbound_route/update", {"id": rid, "def_dest": "end_call", "time_condition": "disabled"})
    assert authed.get("ringgroup/delete", id=rg)["errcode"] == 0
    assert authed.get("extension/delete", id=ext)["errcode"] == 0


def test_valueless_destination_clears_the_value(authed, world):
    rid = create(authed, "r", world["trunks"][0], def_dest="extension", def_dest_value=str(world["extensions"]))["id"]
    authed.post("inbound_route/update", {"id": rid, "def_dest": "end_call"})
    data = authed.get("inbound_route/get", id=rid)["data"]
    assert data["def_dest"] == "end_call" and "def_dest_value" not in data
    # a new destination needs its own value
    reply = authed.post("inbound_route/update", {"id": rid, "def_dest": "ivr"})
    assert ("def_dest_value", "required") in fields(reply)


def test_seeded_time_condition_and_references_of_the_matching_modes(authed, world):
    """What the collection reads but never writes (time conditions, seeded) and the references of each way of
    matching: the outbound route of an outroute destination, the extensions of a DID-to-extension list, the
    phonebooks of caller matching."""
    book = authed.post("phonebook/create", {"name": "Suppliers"})["id"]
    seeded = authed.control("POST", "seed", {"inbound_routes": [{
        "name": "timed", "trunk_list": [{"id": world["trunks"][0]}], "def_dest": "outroute",
        "def_dest_value": str(world["outbound_routes"]), "did_option": "pattern_to_ext_list",
        "did_pattern_to_ext_list": [{"did_pattern": "5503320", "did_pattern_to_ext": str(world["extensions"])}],
        "cid_option": "phonebook", "cid_to_phonebook": [book], "time_condition": "global",
        "holidays_hours_destination": "play_greeting", "holidays_hours_destination_value": "Closed.wav"}]})
    item = authed.get("inbound_route/search", search_value="timed")["data"][0]
    assert (item["time_condition"], item["holidays_hours_destination_value"], item["default_desination_value"]) == \
        ("global", "Closed.wav", "to-mobile")
    for endpoint, ident in (("outbound_route/delete", world["outbound_routes"]), ("phonebook/delete", book),
                            ("extension/delete", world["extensions"])):
        reply = authed.get(endpoint, id=ident)
        assert reply["errcode"] == 70091 and "inbound_route timed" in reply["submsg"], (endpoint, reply)
    authed.get("inbound_route/delete", id=seeded["inbound_routes"][0])
    assert authed.get("phonebook/delete", id=book)["errcode"] == 0
