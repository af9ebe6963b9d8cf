"""One emulator server per test session; each test starts from a reset state."""

from __future__ import annotations

import http.client
import json
import logging
import urllib.parse
from typing import Any

import pytest

from pbx_emulator import run_in_thread

CLIENT_ID = "emulator-client-id"
CLIENT_SECRET = "emulator-client-secret"
API = "/openapi/v1.0/"


class Client:
    """Minimal synchronous client (stdlib only) for the emulator."""

    def __init__(self, base_url: str, prefix: str = "") -> None:
        self.base = base_url + prefix
        self.token: str | None = None

    def raw(self, method: str, path: str, body: Any = None, *, query: dict | None = None,
            headers: dict | None = None, data: bytes | None = None) -> tuple[int, Any]:
        """One request over http.client, which (unlike urllib) adds no User-Agent."""
        url = urllib.parse.urlsplit(self.base + path)
        target = url.path + ("?" + urllib.parse.urlencode(query) if query else "")
        if data is None and body is not None:
            data = json.dumps(body).encode()
        sent = {"Content-Type": "application/json"}
        sent.update({"User-Agent": "OpenAPI"} if headers is None else headers)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
        try:
            connection.request(method, target, body=data, headers=sent)
            response = connection.getresponse()
            status, text = response.status, response.read()
        finally:
            connection.close()
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text.decode()

    def api(self, method: str, endpoint: str, body: Any = None, token: str | None = "auto",
            **params: Any) -> dict:
        query = dict(params)
        if token == "auto":
            token = self.token
        if token is not None:
            query["access_token"] = token
        status, payload = self.raw(method, API + endpoint, body, query=query)
        assert status == 200, payload
        return payload

    def get(self, endpoint: str, **params: Any) -> dict:
        return self.api("GET", endpoint, **params)

    def post(self, endpoint: str, body: Any = None, **params: Any) -> dict:
        return self.api("POST", endpoint, body if body is not None else {}, **params)

    def login(self) -> dict:
        reply = self.api("POST", "get_token", {"username": CLIENT_ID, "password": CLIENT_SECRET},
                         token=None)
        assert reply["errcode"] == 0, reply
        self.token = reply["access_token"]
        return reply

    def control(self, method: str, path: str, body: Any = None) -> Any:
        status, payload = self.raw(method, "/_emulator/" + path, body, headers={})
        assert status == 200, payload
        return payload


@pytest.fixture(scope="session")
def server():
    handle = run_in_thread(port=0)
    yield handle
    handle.stop()


@pytest.fixture
def client(server) -> Client:
    c = Client(server.base_url)
    c.control("POST", "reset")
    return c


@pytest.fixture
def quiet_log(caplog):
    """Fails the test if the emulator or aiohttp logs a warning or worse (tracebacks included)."""
    caplog.set_level(logging.WARNING)
    yield
    assert [r.getMessage() for r in caplog.get_records("call") if r.levelno >= logging.WARNING] == []


@pytest.fixture
def authed(client) -> Client:
    client.login()
    return client


def extension_body(number: str = "1000", **overrides: Any) -> dict:
    body = {
        "type": "SIP",
        "number": number,
        "first_name": "Terrell",
        "last_name": "Smith",
        "user_password": "Userpwd1011",
        "reg_name": f"reg{number}",
        "reg_password": "Regpwd1011",
        "presence_status": "available",
        "organization_list": [{"value": "1"}],
    }
    body.update(overrides)
    return body
