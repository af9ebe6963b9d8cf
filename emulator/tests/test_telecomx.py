"""The TelecomX personality: login and both token transports, machine-to-machine tokens, logout, access
levels, extensions and groups (paging, partial update, referential integrity, expandExtension)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

USER, PASSWORD = "emulator-client-id", "emulator-client-secret"


class TelecomX:
    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "pbx_emulator", "--vendor", "telecomx", "--port", "0"],
                                        stdout=subprocess.PIPE, text=True)
        self.base = self.process.stdout.readline().strip().rsplit(" ", 1)[1]

    def call(self, method: str, path: str, body=None, token=None, bearer=False, **query) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json"}
        if token and bearer:
            headers["Authorization"] = "Bearer " + token
        elif token:
            query["token"] = token
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw or b"null")
        except ValueError:
            return status, raw.decode()

    def ok(self, method: str, path: str, body=None, **kwargs) -> dict:
        status, answer = self.call(method, path, body, **kwargs)
        assert status == 200, (status, answer)
        return answer

    def control(self, path: str, body=None) -> dict:
        return self.ok("POST" if body is not None else "GET", "/_emulator/" + path, body)

    def login(self, username=USER, password=PASSWORD) -> str:
        return self.ok("POST", "/auth/login", {"username": username, "password": password})["token"]


@pytest.fixture(scope="module")
def server():
    emulator = TelecomX()
    yield emulator
    emulator.process.terminate()
    emulator.process.wait(timeout=10)


@pytest.fixture
def tx(server):
    server.control("reset", {})
    server.control("seed", {"extensions": [{"number": "101", "name": "Anna"}, {"number": "102", "name": "Ben"},
                                           {"number": "103", "name": "Cleo"}]})
    return server


def extension_ids(tx) -> dict:
    return {e["number"]: e["_id"] for e in tx.control("state")["extensions"]}


def test_login_answers_a_15_minute_token_that_travels_as_query_or_bearer(tx):
    answer = tx.ok("POST", "/auth/login", {"username": USER, "password": PASSWORD})
    assert answer["expiresInMinutes"] == 15 and answer["accessLevel"] == "MANAGER"
    assert len(answer["employee"]) == 24 and len(answer["customer"]) == 24
    token = answer["token"]
    assert tx.ok("GET", "/pbx/group", token=token)["total"] == 0
    assert tx.ok("GET", "/pbx/group", token=token, bearer=True)["total"] == 0


def test_requests_without_a_valid_token_are_refused(tx):
    assert tx.call("GET", "/pbx/group") == (401, {"error": "credentials_invalid",
                                                  "message": "An access token must be provided"})
    assert tx.call("GET", "/pbx/group", token="0" * 48)[0] == 401


def test_a_wrong_password_is_refused_and_counted(tx):
    status, answer = tx.call("POST", "/auth/login", {"username": USER, "password": "wrong"})
    assert (status, answer["error"]) == (401, "credentials_invalid")
    assert tx.control("counters")["failed_logins"] == 1


def test_expired_tokens_answer_expired_and_a_new_login_works(tx):
    token = tx.login()
    tx.control("expire_tokens", {})
    status, answer = tx.call("GET", "/pbx/group", token=token)
    assert (status, answer["error"]) == (401, "expired")
    assert tx.ok("GET", "/pbx/group", token=tx.login())["total"] == 0


def test_logout_ends_every_login_token_of_the_user_but_not_machine_tokens(tx):
    first, second = tx.login(), tx.login()
    employee = tx.ok("POST", "/auth/login", {"username": USER, "password": PASSWORD})["employee"]
    machine = tx.ok("POST", "/employee/%s/token" % employee, {}, token=first)["token"]
    tx.ok("GET", "/auth/logout", token=first)
    assert tx.call("GET", "/pbx/group", token=second)[0] == 401
    assert tx.ok("GET", "/pbx/group", token=machine)["total"] == 0
    tx.ok("DELETE", "/employee/%s/token/%s" % (employee, machine), token=machine)
    assert tx.call("GET", "/pbx/group", token=machine)[0] == 401
    counters = tx.control("counters")
    assert counters["by_method_endpoint"]["GET auth/logout"] == 1 and counters["tokens_revoked"] == 4


def test_a_viewer_reads_and_gets_403_on_writes(tx):
    tx.control("seed", {"employees": [{"username": "viewer@example.com", "password": "View-1", "accessLevel": "VIEWER"}]})
    token = tx.login("viewer@example.com", "View-1")
    assert tx.ok("GET", "/pbx/group", token=token)["total"] == 0
    assert tx.call("POST", "/pbx/group", {"name": "Support"}, token=token) == (
        403, {"error": "access_denied", "message": "Insufficient access level"})
    assert tx.control("state")["groups"] == []


def test_group_create_get_partial_update_and_expand(tx):
    token = tx.login()
    ids = extension_ids(tx)
    created = tx.ok("POST", "/pbx/group", {"name": "Support", "number": "800", "members": [ids["101"], ids["102"]],
                                           "strategy": "SEQUENTIAL", "pickup": True}, token=token)
    group_id = created["_id"]
    assert len(group_id) == 24 and created["type"] == "GROUP" and created["ringTime"] == 20
    tx.ok("POST", "/pbx/group/" + group_id, {"notes": "Primary support", "writePhoneBook": True}, token=token)
    group = tx.ok("GET", "/pbx/group/" + group_id, token=token, expandExtension="true")
    assert group["members"] == [{"_id": ids["101"], "number": "101", "name": "Anna"},
                                {"_id": ids["102"], "number": "102", "name": "Ben"}]
    assert (group["strategy"], group["pickup"], group["notes"], group["writePhonebook"]) == (
        "SEQUENTIAL", True, "Primary support", True)


@pytest.mark.parametrize("body, status, error", [
    ({"name": "X", "strategy": "ROUND_ROBIN"}, 422, "strategy"),
    ({"name": "X", "ringTime": -1}, 422, "ringTime"),
    ({"name": "X", "members": ["ABCDEF0123456789ABCDEF01"]}, 404, "members[0]"),
    ({"name": "X", "number": "101"}, 409, "number"),
    ({"name": "X", "colour": "red"}, 422, "colour"),
    ({"number": "900"}, 422, "name"),
])
def test_invalid_groups_are_refused_naming_the_field(tx, body, status, error):
    code, answer = tx.call("POST", "/pbx/group", body, token=tx.login())
    assert (code, answer["error"]) == (status, error)


def test_list_pages_with_offset_and_limit_up_to_1000(tx):
    token = tx.login()
    for index in range(5):
        tx.ok("POST", "/pbx/group", {"name": "G%d" % index, "number": "90%d" % index}, token=token)
    page = tx.ok("GET", "/pbx/group", token=token, offset=3, limit=2)
    assert (page["offset"], page["limit"], page["total"]) == (3, 2, 5)
    assert [g["number"] for g in page["groups"]] == ["903", "904"] and "members" not in page["groups"][0]
    assert "members" in tx.ok("GET", "/pbx/group", token=token, full="true")["groups"][0]
    assert tx.call("GET", "/pbx/group", token=token, limit=1001)[1]["error"] == "limit"


def test_a_group_another_item_points_at_cannot_be_deleted(tx):
    token = tx.login()
    tx.control("seed", {"groups": [{"name": "Support", "number": "800"}],
                        "other_items": [{"type": "MENU", "name": "Main menu", "number": "500", "gotos": ["800"]}]})
    group_id = tx.control("state")["groups"][0]["_id"]
    status, answer = tx.call("DELETE", "/pbx/group/" + group_id, token=token)
    assert (status, answer["error"]) == (409, "in_use")
    assert answer["references"][0]["name"] == "Main menu" and "MENU 'Main menu' (500)" in answer["message"]
    assert len(tx.control("state")["groups"]) == 1


def test_delete_and_bad_ids(tx):
    token = tx.login()
    group_id = tx.ok("POST", "/pbx/group", {"name": "Support"}, token=token)["_id"]
    assert tx.ok("DELETE", "/pbx/group/" + group_id, token=token) == {"success": True}
    assert tx.call("GET", "/pbx/group/" + group_id, token=token)[0] == 404
    assert tx.call("GET", "/pbx/group/123", token=token)[0] == 400


def test_config_sets_the_token_lifetime_and_the_access_level(tx):
    assert tx.control("config", {"token_minutes": 5, "access_level": "VIEWER"})["token_minutes"] == 5
    answer = tx.ok("POST", "/auth/login", {"username": USER, "password": PASSWORD})
    assert (answer["expiresInMinutes"], answer["accessLevel"]) == (5, "VIEWER")
    assert tx.call("POST", "/pbx/group", {"name": "Support"}, token=answer["token"])[0] == 403


def test_faults_of_the_core_apply_to_telecomx_endpoints(tx):
    tx.control("faults", {"endpoint": "pbx/group", "kind": "http_503"})
    token = tx.login()
    assert tx.call("GET", "/pbx/group", token=token)[0] == 503
    assert tx.ok("GET", "/pbx/group", token=token)["total"] == 0


def test_counters_name_endpoints_without_ids(tx):
    tx.control("counters/reset", {})
    token = tx.login()
    group_id = tx.ok("POST", "/pbx/group", {"name": "Support"}, token=token)["_id"]
    tx.ok("GET", "/pbx/group/" + group_id, token=token)
    counters = tx.control("counters")
    assert counters["by_method_endpoint"] == {"POST auth/login": 1, "POST pbx/group": 1, "GET pbx/group/{id}": 1}
    assert (counters["total"], counters["writes"], counters["tokens_issued"]) == (3, 1, 1)
