def test_unknown_endpoint(authed):
    assert authed.get("extension/nothing")["errcode"] == 10001


def test_wrong_method_is_interface_not_existed(authed):
    assert authed.post("extension/list", {})["errcode"] == 10001
    assert authed.get("extension/create")["errcode"] == 10001


def test_other_api_version(authed):
    status, reply = authed.raw("GET", "/openapi/v2.0/extension/list",
                               query={"access_token": authed.token})
    assert reply["errcode"] == 10003


def test_malformed_json_is_syntax_error(authed):
    status, reply = authed.raw("POST", "/openapi/v1.0/extension/create",
                               query={"access_token": authed.token}, data=b"{not json")
    assert status == 200 and reply["errcode"] == 40001


def test_envelope_of_success(authed):
    reply = authed.get("system/capacity")
    assert reply["errcode"] == 0 and reply["errmsg"] == "SUCCESS"
    assert reply["data"]["extension_used"] == 0


def test_menuoptions_roles(authed):
    data = authed.get("system/get_menuoptions", menu="role")["data"]
    assert [d["value"] for d in data] == [str(i) for i in range(7)]
    assert data[1] == {"text": "Administrator", "value": "1"}
    assert authed.get("system/get_menuoptions")["errcode"] == 40002
    assert authed.get("system/get_menuoptions", menu="queue")["data"] == []


def test_refresh_token_of_wrong_type_is_a_failed_login(client):
    reply = client.api("POST", "refresh_token", {"refresh_token": ["x"]}, token=None)
    assert reply["errcode"] == 10004
    assert client.control("GET", "counters")["failed_logins"] == 1


def test_unknown_query_parameter(authed):
    reply = authed.get("extension/list", foo="1")
    assert reply["invalid_param_list"] == [{"field": "foo", "validation_type": "unknown"}]


def test_double_slash_path(authed):
    status, reply = authed.raw("GET", "//openapi/v1.0/system/get_menuoptions",
                               query={"access_token": authed.token, "menu": "org_list"})
    assert reply["data"] == [{"text": "Yeastar", "value": "1"}]
