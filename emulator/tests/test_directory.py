import pytest
from test_trunk import REGISTER

JAY = {"first_name": "Jay", "last_name": "Prichett", "email": "jayprichett@icloud.com", "company": "Closet",
       "zip_code": "41007", "city": "Baltimore", "state": "Kentucky (KY)", "country": "United States",
       "number_list": [{"num_type": "business_number", "number": "001-5503308"},
                       {"num_type": "mobile_number", "number": "15735810000"}]}
PHIL = {"first_name": "Phill", "last_name": "Dunphy", "company": "Modern",
        "number_list": [{"num_type": "business_number", "number": "846321645"}]}


def fields(reply):
    return {(i["field"], i["validation_type"]) for i in reply["invalid_param_list"]}


def contact(client, body, **overrides):
    return client.post("company_contact/create", {**body, **overrides})


def book(client, name, **body):
    return client.post("phonebook/create", {"name": name, **body})


def test_contact_create_get_list(authed):
    vendor = book(authed, "Vendor")["id"]
    everyone = book(authed, "All Company Contacts_Phonebook", member_select="sel_all")["id"]
    cid = contact(authed, JAY, phonebook_id_list=[vendor])["id"]
    assert authed.get("company_contact/get", id=cid)["data"] == {
        "first_name": "Jay", "last_name": "Prichett", "email": "jayprichett@icloud.com", "company": "Closet",
        "zip_code": "41007", "street": "", "city": "Baltimore", "state": "Kentucky (KY)", "country": "United States",
        "number_list": JAY["number_list"], "id": cid,
        "phonebook_list": [{"id": vendor, "name": "Vendor"}, {"id": everyone, "name": "All Company Contacts_Phonebook"}],
        "remark": ""}
    listing = authed.get("company_contact/list")
    assert listing["total_number"] == 1 and listing["data"][0] == {
        "id": cid, "contact_name": "Jay Prichett", "company": "Closet", "email": "jayprichett@icloud.com",
        "business": "001-5503308", "mobile": "15735810000",
        "phonebook_list": [{"id": vendor, "name": "Vendor"}, {"id": everyone, "name": "All Company Contacts_Phonebook"}]}
    # query takes ids, and id as in the example (L6639)
    assert [c["id"] for c in authed.get("company_contact/query", id=f"{cid},99")["data"]] == [cid]
    assert authed.get("company_contact/get", id=99)["errcode"] == 70128


def test_contact_search_sort_paging(authed):
    ids = [contact(authed, body)["id"] for body in (JAY, PHIL)]
    assert [c["id"] for c in authed.get("company_contact/search", search_value="8463")["data"]] == [ids[1]]
    assert [c["id"] for c in authed.get("company_contact/search", search_value="closet")["data"]] == [ids[0]]
    assert [c["contact_name"] for c in authed.get("company_contact/list", sort_by="company")["data"]] == [
        "Jay Prichett", "Phill Dunphy"]
    assert [c["contact_name"] for c in authed.get("company_contact/list", sort_by="contact_name",
                                                  order_by="desc")["data"]] == ["Phill Dunphy", "Jay Prichett"]
    page = authed.get("company_contact/list", page=2, page_size=1)
    assert page["total_number"] == 2 and [c["id"] for c in page["data"]] == [ids[1]]
    assert ("page_size", "range") in fields(authed.get("company_contact/list", page_size=10001))


def test_contact_partial_update(authed):
    vendor = book(authed, "Vendor")["id"]
    cid = contact(authed, JAY, phonebook_id_list=[vendor])["id"]
    before = authed.get("company_contact/get", id=cid)["data"]
    assert authed.post("company_contact/update", {"id": cid, "remark": "met at fair"})["errcode"] == 0
    assert authed.get("company_contact/get", id=cid)["data"] == {**before, "remark": "met at fair"}
    numbers = [{"num_type": "business_number", "number": "5503301"}, {"num_type": "other_number", "number": "5503308"}]
    authed.post("company_contact/update", {"id": cid, "number_list": numbers, "phonebook_id_list": []})
    after = authed.get("company_contact/get", id=cid)["data"]
    assert after["number_list"] == numbers and after["phonebook_list"] == []
    assert authed.get("phonebook/get", id=vendor)["data"]["total"] == 0
    # the comma-separated text form of the note is accepted too
    authed.post("company_contact/update", {"id": cid, "phonebook_id_list": f"{vendor}"})
    assert authed.get("phonebook/get", id=vendor)["data"]["total"] == 1
    assert authed.post("company_contact/update", {"id": 99, "remark": "x"})["errcode"] == 70128


@pytest.mark.parametrize("body, expected", [
    ({**PHIL, "first_name": ""}, ("first_name", "required")),
    ({"first_name": "x"}, ("number_list", "required")),
    ({**PHIL, "number_list": []}, ("number_list", "required")),
    ({**PHIL, "number_list": [{"num_type": "pager", "number": "1"}]}, ("number_list[0].num_type", "enum")),
    ({**PHIL, "number_list": [{"num_type": "home_number"}]}, ("number_list[0].number", "required")),
    ({**PHIL, "number_list": [{"num_type": "home_number", "number": "abc"}]}, ("number_list[0].number", "format")),
    ({**PHIL, "number_list": [{"num_type": "home_number", "number": "1"}, {"num_type": "home_number", "number": "2"}]},
     ("number_list", "invalid")),
    ({**PHIL, "email": "not-an-email"}, ("email", "format")),
    ({**PHIL, "phonebook_id_list": [9]}, ("phonebook_id_list[0]", "not_exist")),
    ({**PHIL, "phonebook_id_list": "5;6"}, ("phonebook_id_list", "format")),
    ({**PHIL, "nickname": "P"}, ("nickname", "unknown")),
])
def test_contact_validation(authed, body, expected):
    reply = authed.post("company_contact/create", body)
    assert reply["errcode"] == 40002 and expected in fields(reply), reply
    assert authed.control("GET", "state")["company_contacts"] == []


def test_contact_in_phonebook_cannot_be_deleted(authed):
    jay, phil = contact(authed, JAY)["id"], contact(authed, PHIL)["id"]
    vendor = book(authed, "Vendor", add_contacts_id_list=[jay])["id"]
    book(authed, "Everyone", member_select="sel_all")
    reply = authed.get("company_contact/delete", id=jay)
    assert reply["errcode"] == 70091 and "Vendor" in reply["submsg"]
    assert authed.get("company_contact/get", id=jay)["errcode"] == 0
    # membership of a sel_all phonebook does not block
    assert authed.get("company_contact/delete", id=phil)["errcode"] == 0
    authed.post("phonebook/update", {"id": vendor, "del_contacts_id_list": [jay]})
    assert authed.get("company_contact/delete", id=jay)["errcode"] == 0
    assert authed.get("company_contact/delete", id=jay)["errcode"] == 70128


def test_phonebook_members_incremental(authed):
    ids = [contact(authed, body)["id"] for body in (JAY, PHIL, {**PHIL, "first_name": "Claire"})]
    pid = book(authed, "api-test", member_select="sel_specific", add_contacts_id_list=[ids[0], ids[1]])["id"]
    assert authed.post("phonebook/update", {"id": pid, "add_contacts_id_list": [ids[0], ids[2]],
                                            "del_contacts_id_list": [ids[1]]})["errcode"] == 0
    data = authed.get("phonebook/get", id=pid)["data"]
    assert data["total"] == 2 and [c["id"] for c in data["contacts_list"]] == [ids[0], ids[2]]
    assert data["contacts_list"][0] == {"id": ids[0], "contact_name": "Jay Prichett", "company": "Closet",
                                        "email": "jayprichett@icloud.com", "business": "001-5503308",
                                        "mobile": "15735810000"}
    # removing a non-member is accepted and changes nothing
    assert authed.post("phonebook/update", {"id": pid, "del_contacts_id_list": [ids[1]]})["errcode"] == 0
    assert authed.get("phonebook/get", id=pid)["data"]["total"] == 2
    assert [b["id"] for b in authed.get("company_contact/get", id=ids[2])["data"]["phonebook_list"]] == [pid]


def test_phonebook_sel_all_list_search_query(authed):
    contact(authed, JAY)
    everyone = book(authed, "All Company Contacts_Phonebook", member_select="sel_all")["id"]
    vendor = book(authed, "Vendor")["id"]
    listing = authed.get("phonebook/list")
    assert listing == {"errcode": 0, "errmsg": "SUCCESS", "total_number": 2, "data": [
        {"id": everyone, "name": "All Company Contacts_Phonebook", "total": 1, "member_select": "sel_all"},
        {"id": vendor, "name": "Vendor", "total": 0, "member_select": "sel_specific"}]}
    contact(authed, PHIL)
    assert authed.get("phonebook/get", id=everyone)["data"]["total"] == 2
    assert [b["name"] for b in authed.get("phonebook/list", sort_by="total", order_by="desc")["data"]] == [
        "All Company Contacts_Phonebook", "Vendor"]
    found = authed.get("phonebook/search", search_value="vend")
    assert found["total_number"] == 1 and found["data"][0]["id"] == vendor
    assert [b["id"] for b in authed.get("phonebook/query", ids=f"{vendor},{everyone}")["data"]] == [vendor, everyone]
    assert authed.get("phonebook/get", id=99)["errcode"] == 70093


@pytest.mark.parametrize("body, expected", [
    ({}, ("name", "required")),
    ({"name": "x", "member_select": "all"}, ("member_select", "enum")),
    ({"name": "x", "add_contacts_id_list": [99]}, ("add_contacts_id_list[0]", "not_exist")),
    ({"name": "x", "add_contacts_id_list": ["1"]}, ("add_contacts_id_list[0]", "type")),
    ({"name": "x", "add_contacts_id_list": [1, 1]}, ("add_contacts_id_list", "invalid")),
    ({"name": "x", "del_contacts_id_list": [1]}, ("del_contacts_id_list", "unknown")),
    ({"name": "x", "share_list": []}, ("share_list", "unknown")),
])
def test_phonebook_validation(authed, body, expected):
    reply = authed.post("phonebook/create", body)
    assert reply["errcode"] == 40002 and expected in fields(reply), reply
    assert authed.control("GET", "state")["phonebooks"] == []


def test_phonebook_update_errors_and_names(authed):
    cid = contact(authed, JAY)["id"]
    pid = book(authed, "Vendor")["id"]
    reply = authed.post("phonebook/update", {"id": pid, "add_contacts_id_list": [cid], "del_contacts_id_list": [cid]})
    assert ("del_contacts_id_list", "invalid") in fields(reply)
    other = book(authed, "Partners")["id"]
    reply = authed.post("phonebook/update", {"id": other, "name": "Vendor"})
    assert reply["errcode"] == 40003 and reply["duplicate_field_list"][0]["external_source"] == "phonebook"
    assert authed.post("phonebook/update", {"id": 99, "name": "x"})["errcode"] == 70093


def test_phonebook_delete_and_inbound_route_reference(authed):
    cid = contact(authed, JAY)["id"]
    seeded = authed.control("POST", "seed", {"trunks": [REGISTER]})
    pid = book(authed, "VIP", add_contacts_id_list=[cid])["id"]
    authed.post("inbound_route/create", {"name": "vip", "trunk_list": [{"id": seeded["trunks"][0]}],
                                         "cid_option": "phonebook", "cid_to_phonebook": [pid], "def_dest": "end_call"})
    assert authed.get("inbound_route/list")["data"][0]["name"] == "vip"
    assert authed.get("inbound_route/get", id=1)["data"]["cid_to_phonebook"] == f"[{pid}]"
    reply = authed.get("phonebook/delete", id=pid)
    assert reply["errcode"] == 70091 and "inbound_route vip" in reply["submsg"]
    authed.get("inbound_route/delete", id=1)
    assert authed.get("phonebook/delete", id=pid)["errcode"] == 0
    # the contact is no longer in a phonebook and can go
    assert authed.get("company_contact/delete", id=cid)["errcode"] == 0
    assert authed.get("phonebook/delete", id=pid)["errcode"] == 70093


def test_seed_and_state(authed):
    seeded = authed.control("POST", "seed", {"company_contacts": [JAY, PHIL],
                                             "phonebooks": [{"name": "Vendor", "add_contacts_id_list": [2]}]})
    assert seeded["company_contacts"] == [1, 2] and seeded["phonebooks"] == [1]
    state = authed.control("GET", "state")
    assert state["company_contacts"][1]["phonebook_list"] == [{"id": 1, "name": "Vendor"}]
    assert state["phonebooks"][0]["total"] == 1 and state["phonebooks"][0]["contacts_list"][0]["id"] == 2
