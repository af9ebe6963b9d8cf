"""The PortSIP personality: sign-in, Bearer tokens, users, ring groups, agents, errors, control API."""

from __future__ import annotations

import base64
import http.client
import json
import urllib.parse
from typing import Any

import pytest

from pbx_emulator import run_in_thread
from pbx_emulator.personality import personality

from conftest import CLIENT_ID, CLIENT_SECRET


class PortsipClient:
    def __init__(self, base_url: str) -> None:
        self.base = urllib.parse.urlsplit(base_url)
        self.token: str | None = None
        self.refresh: str | None = None

    def raw(self, method: str, path: str, body: Any = None, query: dict | None = None,
            token: str | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        target = path + ("?" + urllib.parse.urlencode(query) if query else "")
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=5)
        try:
            connection.request(method, target, body=None if body is None else json.dumps(body), headers=headers)
            response = connection.getresponse()
            status, text = response.status, response.read()
        finally:
            connection.close()
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, text.decode()

    def api(self, method: str, path: str, body: Any = None, **query: Any) -> tuple[int, Any]:
        return self.raw(method, "/api/" + path, body, query or None, self.token)

    def sign_in(self, username: str = CLIENT_ID, password: str = CLIENT_SECRET, **extra: Any) -> tuple[int, Any]:
        status, answer = self.raw("POST", "/api/auth/sign_in", {"username": username, "password": password, **extra})
        if status == 200 and "access_token" in answer:
            self.token, self.refresh = answer["access_token"], answer["refresh_token"]
        return status, answer

    def control(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = self.raw(method, "/_emulator/" + path, body)
        assert status == 200, answer
        return answer


@pytest.fixture(scope="module")
def portsip_server():
    handle = run_in_thread(port=0, vendor="portsip")
    yield handle
    handle.stop()


@pytest.fixture
def ps(portsip_server) -> PortsipClient:
    client = PortsipClient(portsip_server.base_url)
    client.control("POST", "reset")
    client.control("POST", "seed", {"users": [{"extension_number": n, "display_name": f"Agent {n}"}
                                              for n in ("101", "102", "103")]})
    assert client.sign_in()[0] == 200
    return client


def group_body(**overrides: Any) -> dict:
    return {"name": "Sales", "extension_number": "600", **overrides}


def error_of(answer: dict) -> dict:
    assert set(answer) == {"errors"}
    return answer["errors"][0]


def test_sign_in_answers_bearer_tokens_and_unknown_vendor_is_refused(ps):
    status, answer = ps.sign_in()
    assert status == 200
    assert answer["token_type"] == "Bearer" and answer["expires_in"] == 1800
    with pytest.raises(ValueError, match="unknown vendor 'nope'"):
        personality("nope")


def test_wrong_password_is_400_unauthorized_and_counted(ps):
    status, answer = ps.sign_in(password="wrong")
    assert status == 400
    assert error_of(answer)["code"] == "UNAUTHORIZED"
    assert ps.control("GET", "counters")["failed_logins"] == 1


def test_two_factor_account_gets_the_otp_step_not_tokens(ps):
    ps.control("POST", "seed", {"accounts": [{"username": "ops", "password": "Secret1!", "domain": "sip.example.com",
                                              "two_factor": True}]})
    status, answer = ps.sign_in("ops", "Secret1!", domain="sip.example.com")
    assert status == 200 and answer["two_factor_enabled"] is True and "access_token" not in answer
    assert ps.sign_in("ops", "Secret1!")[0] == 400  # the tenant domain is part of the account


def test_requests_need_a_valid_bearer_token(ps):
    status, answer = ps.raw("GET", "/api/ring_groups")
    assert status == 401 and error_of(answer)["code"] == "UNAUTHORIZED"
    ps.control("POST", "expire_tokens", {})
    assert ps.api("GET", "ring_groups")[0] == 401


def test_refresh_rotates_the_pair_and_sign_out_ends_the_session(ps):
    old = ps.token
    status, answer = ps.raw("POST", "/api/auth/refresh_token", {"refresh_token": ps.refresh})
    assert status == 200 and answer["access_token"] != old
    assert ps.raw("GET", "/api/ring_groups", token=old)[0] == 401
    ps.token = answer["access_token"]
    assert ps.api("POST", "auth/sign_out")[0] == 204
    assert ps.api("GET", "ring_groups")[0] == 401
    counters = ps.control("GET", "counters")
    assert (counters["tokens_refreshed"], counters["tokens_revoked"]) == (1, 1)


def test_create_applies_defaults_and_mints_opaque_ids(ps):
    status, answer = ps.api("POST", "ring_groups", group_body())
    assert status == 200
    ident = answer["id"]
    assert int(base64.b64decode(ident)) > 700551909773148160
    status, group = ps.api("GET", f"ring_groups/{ident}")
    assert group["ring_time"] == 20 and group["ring_strategy"] == "RING_SIMULTANEOUSLY"
    assert group["enable_paid"] is True and group["outbound_caller_ids"] == []


@pytest.mark.parametrize("body, field", [
    (group_body(extension_number="12"), "extension_number"),
    (group_body(ring_strategy="RANDOM"), "ring_strategy"),
    (group_body(ring_time=-1), "ring_time"),
    (group_body(no_answer_forward_rule={"action": "FORWARD_TO_NUMBER"}), "no_answer_forward_rule.number"),
    (group_body(outbound_caller_ids=[{"caller_id": "1"}]), "outbound_caller_ids[0].provider_id"),
    (group_body(colour="red"), "colour"),
    (group_body(extension_number="101"), "extension_number"),
])
def test_invalid_create_names_the_field(ps, body, field):
    status, answer = ps.api("POST", "ring_groups", body)
    assert status == 400
    error = error_of(answer)
    assert error["code"] == "VALIDATE_FAILED" and error["detail"]["field"] == field
    assert ps.control("GET", "state")["ring_groups"] == []


def test_update_is_partial_and_refuses_the_number(ps):
    ident = ps.api("POST", "ring_groups", group_body(ring_time=30))[1]["id"]
    assert ps.api("POST", f"ring_groups/{ident}", {"name": "Sales team"}) == (200, None)
    group = ps.api("GET", f"ring_groups/{ident}")[1]
    assert (group["name"], group["ring_time"]) == ("Sales team", 30)
    status, answer = ps.api("POST", f"ring_groups/{ident}", {"extension_number": "601"})
    assert status == 400 and error_of(answer)["detail"]["field"] == "extension_number"


def test_list_pages_with_skip_top_and_filters(ps):
    for number in ("600", "601", "602"):
        ps.api("POST", "ring_groups", group_body(name=f"G{number}", extension_number=number))
    status, answer = ps.api("GET", "ring_groups", skip=1, top=1)
    assert answer["count"] == 3 and [g["extension_number"] for g in answer["items"]] == ["601"]
    assert "outbound_caller_ids" not in answer["items"][0]
    answer = ps.api("GET", "ring_groups", filter="extension_number eq '602'")[1]
    assert answer["count"] == 1 and answer["items"][0]["name"] == "G602"
    for bad in ({"top": 0}, {"top": 101}, {"skip": -1}, {"filter": "contains(name, 'G')"}):
        assert ps.api("GET", "ring_groups", **bad)[0] == 400


def test_agents_are_replaced_whole_with_skill_levels(ps):
    ident = ps.api("POST", "ring_groups", group_body())[1]["id"]
    items = [{"extension_number": "102", "skill_level": 3}, {"extension_number": "101"}]
    assert ps.api("POST", f"ring_groups/{ident}/agents", {"items": items})[0] == 200
    agents = ps.api("GET", f"ring_groups/{ident}/agents")[1]["items"]
    assert agents == [{"extension_number": "102", "display_name": "Agent 102", "skill_level": 3},
                      {"extension_number": "101", "display_name": "Agent 101", "skill_level": 1}]
    status, answer = ps.api("POST", f"ring_groups/{ident}/agents", {"items": [{"extension_number": "999"}]})
    assert status == 400 and error_of(answer)["detail"]["field"] == "items[0].extension_number"
    assert ps.api("POST", f"ring_groups/{ident}/agents", {"items": [{"extension_number": "101", "skill_level": 101}]})[0] == 400


def test_destroy_answers_204_then_400(ps):
    ident = ps.api("POST", "ring_groups", group_body())[1]["id"]
    assert ps.api("POST", f"ring_groups/{ident}/destroy") == (204, None)
    status, answer = ps.api("POST", f"ring_groups/{ident}/destroy")
    assert status == 400 and error_of(answer)["message"] == "Invalid ring group ID supplied."
    assert ps.api("GET", f"ring_groups/{ident}")[0] == 404


def test_counters_use_endpoint_templates_and_faults_apply(ps):
    ident = ps.api("POST", "ring_groups", group_body())[1]["id"]
    ps.control("POST", "counters/reset", {})
    ps.control("POST", "faults", {"endpoint": "ring_groups/{id}", "kind": "http_503"})
    assert ps.api("GET", f"ring_groups/{ident}")[0] == 503
    assert ps.api("GET", f"ring_groups/{ident}")[0] == 200
    counters = ps.control("GET", "counters")
    assert counters["by_method_endpoint"] == {"GET ring_groups/{id}": 2} and counters["writes"] == 0


def test_seed_and_state_speak_portsip(ps):
    ps.control("POST", "seed", {"ring_groups": [dict(group_body(), agents=[{"extension_number": "103"}])]})
    [group] = ps.control("GET", "state")["ring_groups"]
    assert group["agents"] == [{"extension_number": "103", "skill_level": 1}]
    status, answer = ps.raw("POST", "/_emulator/seed", {"ring_groups": [group_body(extension_number="1")]})
    assert status == 400 and len(ps.control("GET", "state")["ring_groups"]) == 1
