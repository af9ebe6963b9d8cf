def test_tree_with_members(authed):
    sales = authed.post("organization/create", {"name": "Sales", "parent_id": 1})["id"]
    tech = authed.post("organization/create", {"name": "Tech", "parent_id": 1})["id"]
    team = authed.post("organization/create", {"name": "Team", "parent_id": tech})["id"]
    ext = authed.control("POST", "seed", {"extensions": [{
        "type": "SIP", "number": "1000", "user_password": "Userpwd1011", "reg_name": "r1000",
        "reg_password": "Regpwd1011", "presence_status": "available",
        "organization_list": [{"value": str(team)}, {"value": str(sales)}]}]})["extensions"][0]

    tree = authed.get("organization/list", is_all=1)["organization_list"]
    root = tree[0]
    assert (root["id"], root["parent_id"], root["ext_number"], root["ext_list"]) == (1, 0, 1, [ext])
    assert [c["name"] for c in root["children"]] == ["Sales", "Tech"]
    assert root["children"][1]["children"][0]["ext_list"] == [ext]
    plain = authed.get("organization/list", is_all=2)["organization_list"][0]
    assert "ext_number" not in plain and "ext_list" not in plain
    counted = authed.get("organization/list")["organization_list"][0]
    assert counted["ext_number"] == 1 and "ext_list" not in counted

    found = authed.get("organization/search", search_value="tea")["organization_list"][0]
    assert [c["name"] for c in found["children"]] == ["Tech"]

    assert authed.get("organization/get", id=tech)["organization_info"] == {
        "id": tech, "name": "Tech", "parent_id": 1, "order": 2}
    assert [d["id"] for d in authed.get("organization/query", id=f"{sales},{tech}")["data"]] == [sales, tech]
    assert len(authed.get("organization/query", ids=f"{sales}")["data"]) == 1

    menu = authed.get("system/get_menuoptions", menu="org_list")["data"]
    assert menu[0]["value"] == "1" and menu[0]["item"][1]["item"][0]["text"] == "Team"


def test_update_move_and_delete_rules(authed):
    a = authed.post("organization/create", {"name": "A", "parent_id": 1})["id"]
    b = authed.post("organization/create", {"name": "B", "parent_id": a})["id"]
    assert authed.post("organization/update", {"id": a, "parent_id": b})["errcode"] == 40002
    assert authed.post("organization/update", {"id": a, "parent_id": a})["errcode"] == 40002
    assert authed.post("organization/update", {"id": 1, "name": "X"})["errcode"] == 40002
    assert authed.get("organization/delete", id=1)["errcode"] == 40002
    assert authed.get("organization/delete", id=a)["errcode"] == 40002
    assert authed.post("organization/update", {"id": b, "parent_id": 1, "name": "B2"})["errcode"] == 0
    assert authed.get("organization/get", id=b)["organization_info"]["order"] == 2
    assert authed.get("organization/delete", id=a)["errcode"] == 0
    assert authed.get("organization/get", id=b)["organization_info"]["order"] == 1
    assert authed.get("organization/get", id=a)["errcode"] == 60001


def test_sibling_names_are_unique(authed):
    authed.post("organization/create", {"name": "Sales", "parent_id": 1})
    dup = authed.post("organization/create", {"name": "Sales", "parent_id": 1})
    assert dup["errcode"] == 40003 and dup["duplicate_field_list"][0]["field"] == "name"
    missing = authed.post("organization/create", {"parent_id": 1})
    assert missing["invalid_param_list"] == [{"field": "name", "validation_type": "required"}]
    assert authed.post("organization/create", {"name": "X", "parent_id": 77})["errcode"] == 40002


def test_delete_removes_membership(authed):
    dept = authed.post("organization/create", {"name": "D", "parent_id": 1})["id"]
    ext = authed.post("extension/create", {
        "type": "SIP", "number": "1000", "user_password": "Userpwd1011", "reg_name": "r1000",
        "reg_password": "Regpwd1011", "presence_status": "available",
        "organization_list": [{"value": "1"}, {"value": str(dept)}]})["id"]
    authed.get("organization/delete", id=dept)
    assert authed.get("extension/get", id=ext)["data"]["organization_list"] == [
        {"text": "Yeastar", "value": "1"}]
