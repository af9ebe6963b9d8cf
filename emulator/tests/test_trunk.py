import pytest
from conftest import extension_body


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


REGISTER = {
    "name": "carrier", "country": "general", "type": "register", "transport": "udp",
    "hostname": "sip.carrier.example", "port": 5060, "domain": "sip.carrier.example",
    "username": "6701", "password": "aAc1653249", "auth_name": "6701", "codec_sel": "ulaw,alaw,g729",
}
PEER = {
    "name": "peer-to-41", "country": "general", "type": "peer", "transport": "tcp",
    "hostname": "112.48.19.183", "port": 18211, "domain": "112.48.19.183", "codec_sel": "ulaw",
    "def_outbound_cid": "13200000092",
}
ACCOUNT = {
    "name": "account-for-34", "country": "general", "type": "account", "transport": "udp",
    "number": "6708", "password": "HskQfXVg5V", "auth_name": "y7H9V8oFv1", "codec_sel": "ulaw,alaw",
}


def create(client, body, **overrides):
    return client.post("trunk/create", {**body, **overrides})


def test_register_create_get_defaults(authed):
    tid = create(authed, REGISTER, did_list=[{"did": "5503308", "did_name": "Yeastar"}])["id"]
    data = authed.get("trunk/get", id=tid)["data"]
    assert data == {
        "id": tid, "name": "carrier", "enable": 1, "country": "general", "type": "register", "transport": "udp",
        "hostname": "sip.carrier.example", "port": 5060, "domain": "sip.carrier.example", "username": "6701",
        "password": "aAc1653249", "auth_name": "6701", "enb_outbound_proxy": 0, "outbound_proxy_server": "",
        "outbound_proxy_port": 0, "codec_sel": "ulaw,alaw,g729", "def_outbound_cid": "",
        "def_outbound_cid_name": "", "outbound_cid_list": [],
        "did_list": [{"id": data["did_list"][0]["id"], "did": "5503308", "did_name": "Yeastar"}]}
    assert authed.get("trunk/query", ids=f"{tid},999")["data"] == [data]


def test_unknown_type_reports_only_the_type(authed):
    reply = create(authed, REGISTER, type="iax")
    assert fields(reply) == {("type", "enum")}


def test_account_number_is_username(authed):
    tid = create(authed, ACCOUNT)["id"]
    data = authed.get("trunk/get", id=tid)["data"]
    assert data["username"] == "6708" and "did_list" not in data and data["hostname"] == "" and data["port"] == 0
    # create takes `number` (Table 120), update `username` (Table 132): each refuses the other.
    assert ("username", "unknown") in fields(create(authed, {**ACCOUNT, "name": "b", "username": "1"}))
    assert ("number", "unknown") in fields(authed.post("trunk/update", {"id": tid, "number": "6709"}))
    assert authed.post("trunk/update", {"id": tid, "username": "6709"})["errcode"] == 0
    assert authed.get("trunk/get", id=tid)["data"]["username"] == "6709"
    assert ("did_list", "unknown") in fields(create(authed, {**ACCOUNT, "name": "c", "did_list": []}))


def test_list_search_summary_and_paging(authed):
    ids = [create(authed, body)["id"] for body in (PEER, ACCOUNT, REGISTER)]
    listing = authed.get("trunk/list", page=1, page_size=2)
    assert listing["total_number"] == 3
    assert listing["data"] == [
        {"id": ids[0], "status": 1, "name": "peer-to-41", "type": "peer", "host_port": "112.48.19.183:18211",
         "def_outbound_cid": "13200000092"},
        {"id": ids[1], "status": 1, "name": "account-for-34", "type": "account", "username": "6708"}]
    assert [t["id"] for t in authed.get("trunk/list", page=2, page_size=2)["data"]] == [ids[2]]
    assert [t["name"] for t in authed.get("trunk/list", sort_by="name", order_by="desc")["data"]] == [
        "peer-to-41", "carrier", "account-for-34"]
    found = authed.get("trunk/search", search_value="peer")
    assert found["total_number"] == 1 and found["data"][0]["id"] == ids[0]
    assert ("sort_by", "enum") in fields(authed.get("trunk/list", sort_by="password"))
    authed.post("trunk/update", {"id": ids[0], "enable": 0})
    assert authed.get("trunk/search", search_value="peer")["data"][0]["status"] == 44


def test_partial_update_keeps_other_fields(authed):
    tid = create(authed, PEER, did_list=[{"did": "100"}, {"did": "101"}])["id"]
    before = authed.get("trunk/get", id=tid)["data"]
    assert authed.post("trunk/update", {"id": tid, "name": "renamed"})["errcode"] == 0
    after = authed.get("trunk/get", id=tid)["data"]
    assert after == {**before, "name": "renamed"}
    # Lists are replaced when sent.
    authed.post("trunk/update", {"id": tid, "did_list": [{"did": "200", "did_name": "main"}]})
    assert [(d["did"], d["did_name"]) for d in authed.get("trunk/get", id=tid)["data"]["did_list"]] == [
        ("200", "main")]
    assert authed.post("trunk/update", {"id": 999, "name": "x"})["errcode"] == 60001


def test_create_only_fields(authed):
    tid = create(authed, REGISTER)["id"]
    assert authed.post("trunk/update", {"id": tid, "type": "register", "country": "general"})["errcode"] == 0
    reply = authed.post("trunk/update", {"id": tid, "type": "peer", "country": "Canada"})
    assert fields(reply) == {("type", "invalid"), ("country", "invalid")}
    # the peer update table has no credentials
    peer = create(authed, PEER)["id"]
    assert ("password", "unknown") in fields(authed.post("trunk/update", {"id": peer, "password": "x"}))


@pytest.mark.parametrize("body, expected", [
    ({**REGISTER, "name": None}, ("name", "required")),
    ({**REGISTER, "type": "iax"}, ("type", "enum")),
    ({**ACCOUNT, "type": None}, ("type", "required")),
    ({**REGISTER, "transport": "dnstaptr"}, ("transport", "enum")),
    ({**ACCOUNT, "transport": "dnsnaptr"}, ("transport", "enum")),
    ({**REGISTER, "port": 0}, ("port", "range")),
    ({**REGISTER, "port": "5060"}, ("port", "type")),
    ({**REGISTER, "password": "alllower123"}, ("password", "format")),
    ({**REGISTER, "codec_sel": "ulaw,g711"}, ("codec_sel", "enum")),
    ({**REGISTER, "codec_sel": "ulaw,ulaw"}, ("codec_sel", "invalid")),
    ({**PEER, "hostname": ""}, ("hostname", "required")),
    ({**ACCOUNT, "number": None}, ("number", "required")),
    ({**REGISTER, "enable": 2}, ("enable", "enum")),
    ({**REGISTER, "itsp": "Nobody"}, ("itsp", "not_exist")),
    ({**REGISTER, "itsp": "VoIP.ms"}, ("itsp", "invalid")),
    ({**REGISTER, "did_list": [{"did_name": "x"}]}, ("did_list[0].did", "required")),
    ({**REGISTER, "did_list": [{"did": "1"}, {"did": "1"}]}, ("did_list", "invalid")),
    ({**REGISTER, "outbound_cid_list": [{"outbound_cid_option": "shared", "outbound_cid": "1"}]},
     ("outbound_cid_list[0].ext_list", "required")),
    ({**REGISTER, "outbound_cid_list": [{"outbound_cid_option": "range", "outbound_cid": "5503301-5503302",
                                         "outbound_cid_to_ext_range": "1001-1003"}]},
     ("outbound_cid_list[0].outbound_cid_to_ext_range", "invalid")),
    ({**REGISTER, "outbound_cid_list": [{"outbound_cid_option": "shared", "outbound_cid": "1",
                                         "ext_list": [{"id": 77}]}]},
     ("outbound_cid_list[0].ext_list[0].value", "not_exist")),
])
def test_create_validation(authed, body, expected):
    reply = authed.post("trunk/create", {k: v for k, v in body.items() if v is not None})
    assert reply["errcode"] == 40002 and expected in fields(reply), reply
    assert authed.control("GET", "state")["trunks"] == []


def test_menu_options(authed):
    seeded = authed.control("POST", "seed", {"trunks": [REGISTER, PEER], "phonebooks": [{"name": "VIP"}]})
    assert authed.get("system/get_menuoptions", menu="trunk")["data"] == [
        {"text": "carrier", "value": str(seeded["trunks"][0]), "type": "register"},
        {"text": "peer-to-41", "value": str(seeded["trunks"][1]), "type": "peer"}]
    assert authed.get("system/get_menuoptions", menu="phonebook")["data"] == [
        {"text": "VIP", "value": str(seeded["phonebooks"][0])}]


def test_itsp_list_and_itsp(authed):
    reply = authed.get("trunk/itsp_list")
    assert reply["total_number"] == 10 and reply["data"][0] == {"id": 64, "country": "United States", "name": "Test"}
    tid = create(authed, REGISTER, country="Canada", itsp="VoIP.ms")["id"]
    assert authed.get("trunk/get", id=tid)["data"]["itsp"] == "VoIP.ms"


def test_outbound_cid_list_views(authed):
    ext = authed.post("extension/create", extension_body("1001"))["id"]
    tid = create(authed, REGISTER, outbound_cid_list=[
        {"outbound_cid_option": "shared", "outbound_cid": "5503301", "outbound_cid_name": "Sales",
         "ext_list": [{"id": ext, "type": "extension"}]},
        {"outbound_cid_option": "range", "outbound_cid": "5503301-5503302",
         "outbound_cid_to_ext_range": "1001-1002"}])["id"]
    shared, ranged = authed.get("trunk/get", id=tid)["data"]["outbound_cid_list"]
    assert shared["ext_list"] == [{"ext_number": "1001", "ext_name": "Terrell Smith", "type": "extension",
                                   "id": ext}]
    assert "ext_list" not in ranged and ranged["outbound_cid_to_ext_range"] == "1001-1002"
    reply = authed.get("extension/delete", id=ext)
    assert reply["errcode"] == 70091 and "trunk carrier" in reply["submsg"]


def test_unique_name(authed):
    create(authed, REGISTER)
    reply = create(authed, PEER, name="carrier")
    assert reply["errcode"] == 40003 and reply["duplicate_field_list"] == [
        {"field": "name", "value": "carrier", "external_source": "trunk", "external_source_name": "carrier"}]


def test_delete_and_route_reference(authed):
    tid = create(authed, REGISTER)["id"]
    route = authed.control("POST", "seed", {"outbound_routes": [
        {"name": "out", "trunk_list": [{"id": tid}]}]})["outbound_routes"][0]
    reply = authed.get("trunk/delete", id=tid)
    assert reply["errcode"] == 70091 and "outbound_route out" in reply["submsg"]
    assert authed.get("trunk/get", id=tid)["errcode"] == 0
    authed.control("POST", "reset")
    authed.login()
    tid = create(authed, REGISTER)["id"]
    assert authed.get("trunk/delete", id=tid)["errcode"] == 0
    assert authed.get("trunk/get", id=tid)["errcode"] == 60001
    assert authed.get("trunk/delete", id=tid)["errcode"] == 60001
    assert route


def test_seed_and_state(authed):
    seeded = authed.control("POST", "seed", {"trunks": [REGISTER, ACCOUNT]})
    assert seeded["trunks"] == [1, 2]
    state = authed.control("GET", "state")["trunks"]
    assert [t["name"] for t in state] == ["carrier", "account-for-34"] and state[0]["password"] == "aAc1653249"
    status, reply = authed.raw("POST", "/_emulator/seed", {"trunks": [{**PEER, "port": 0}]}, headers={})
    assert status == 400 and reply["response"]["errcode"] == 40002
