import time

from conftest import CLIENT_ID, CLIENT_SECRET


def bad_login(client, password="wrong"):
    return client.api("POST", "get_token", {"username": CLIENT_ID, "password": password}, token=None)


def test_get_token_returns_both_tokens_and_lifetimes(client):
    reply = client.login()
    assert reply["access_token_expire_time"] == 1800
    assert reply["refresh_token_expire_time"] == 86400
    assert len(reply["access_token"]) == 32 and reply["refresh_token"] != reply["access_token"]
    assert client.get("system/information")["errcode"] == 0


def test_wrong_credentials_use_the_manual_failure_shape(client):
    reply = bad_login(client)
    assert reply == {"errcode": -1, "errmsg": "FAILURE",
                     "invalid_param_list": [{"field": "username or password", "value": "error"}]}


def test_missing_or_unknown_token_is_token_expired(client):
    assert client.get("extension/list", token=None)["errcode"] == 10004
    assert client.get("extension/list", token="nope")["errcode"] == 10004


def test_missing_user_agent_is_refused(client):
    status, reply = client.raw("POST", "/openapi/v1.0/get_token",
                               {"username": CLIENT_ID, "password": CLIENT_SECRET}, headers={})
    assert status == 200 and reply["errcode"] == 10005
    assert client.control("GET", "counters")["tokens_issued"] == 0


def test_token_cap_of_eight(client):
    tokens = [client.login()["access_token"] for _ in range(8)]
    ninth = client.api("POST", "get_token", {"username": CLIENT_ID, "password": CLIENT_SECRET},
                       token=None)
    assert ninth["errcode"] == 60002
    assert client.control("GET", "counters")["active_access_tokens"] == 8
    assert client.get("del_token", token=tokens[0])["errcode"] == 0
    assert client.login()["errcode"] == 0


def test_token_cap_is_configurable_and_expiry_frees_slots(client):
    client.control("POST", "config", {"max_tokens": 1})
    client.login()
    assert bad_login(client, CLIENT_SECRET)["errcode"] == 60002
    client.control("POST", "expire_tokens")
    assert client.login()["errcode"] == 0


def test_five_failures_block_the_address_until_unblock(client):
    for _ in range(5):
        assert bad_login(client)["errcode"] == -1
    assert bad_login(client, CLIENT_SECRET)["errcode"] == 70004
    assert client.get("system/information", token="x")["errcode"] == 70004
    counters = client.control("GET", "counters")
    assert counters["failed_logins"] == 5 and counters["total"] == 7
    client.control("POST", "unblock")
    assert client.login()["errcode"] == 0


def test_success_resets_the_failure_streak(client):
    for _ in range(4):
        bad_login(client)
    client.login()
    for _ in range(4):
        assert bad_login(client)["errcode"] == -1
    assert client.login()["errcode"] == 0


def test_expire_tokens_via_control(authed):
    authed.control("POST", "expire_tokens")
    assert authed.get("extension/list")["errcode"] == 10004
    assert authed.control("GET", "counters")["active_access_tokens"] == 0


def test_short_ttl_expires_by_itself(client):
    client.control("POST", "config", {"access_token_ttl": 1})
    reply = client.login()
    assert reply["access_token_expire_time"] == 1
    time.sleep(1.1)
    assert client.get("extension/list")["errcode"] == 10004


def test_refresh_rotates_both_tokens(client):
    first = client.login()
    second = client.api("POST", "refresh_token", {"refresh_token": first["refresh_token"]},
                        token=None)
    assert second["errcode"] == 0
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    assert client.get("extension/list", token=first["access_token"])["errcode"] == 10004
    assert client.get("extension/list", token=second["access_token"])["errcode"] == 0
    again = client.api("POST", "refresh_token", {"refresh_token": first["refresh_token"]},
                       token=None)
    assert again["errcode"] == 10004
    counters = client.control("GET", "counters")
    assert counters["tokens_refreshed"] == 1 and counters["failed_logins"] == 1


def test_refresh_after_access_expiry_and_refresh_expiry(client):
    first = client.login()
    client.control("POST", "expire_tokens")
    second = client.api("POST", "refresh_token", {"refresh_token": first["refresh_token"]}, token=None)
    assert second["errcode"] == 0
    client.control("POST", "expire_tokens", {"refresh_tokens": True})
    third = client.api("POST", "refresh_token", {"refresh_token": second["refresh_token"]}, token=None)
    assert third["errcode"] == 10004


def test_del_token_revokes_access_and_its_refresh_token(client):
    reply = client.login()
    assert client.get("del_token")["errcode"] == 0
    assert client.get("extension/list")["errcode"] == 10004
    refresh = client.api("POST", "refresh_token", {"refresh_token": reply["refresh_token"]},
                         token=None)
    assert refresh["errcode"] == 10004
    assert client.control("GET", "counters")["tokens_revoked"] == 1


def test_revoke_tokens_control_is_not_counted(authed):
    authed.control("POST", "revoke_tokens")
    assert authed.get("extension/list")["errcode"] == 10004
    assert authed.control("GET", "counters")["tokens_revoked"] == 0


def test_client_credentials_configurable(client):
    client.control("POST", "config", {"client_id": "abc", "client_secret": "def"})
    assert client.api("POST", "get_token", {"username": "abc", "password": "def"},
                      token=None)["errcode"] == 0
    assert bad_login(client, CLIENT_SECRET)["errcode"] == -1
