"""TelecomX's part of the token lifecycle (TelecomXSession, which the telecomx httpapi session runs), on a scripted
clock: a new login shortly before the 15-minute token expires (no refresh call exists), the machine-to-machine token
without any login, the two token transports, and no /auth/logout unless asked for."""

import json

import pytest
from ansible.plugins.loader import httpapi_loader

from ansible_collections.telephony.pbx.plugins.plugin_utils import token_session
from ansible_collections.telephony.pbx.plugins.plugin_utils.telecomx_session import TelecomXSession

from .test_token_session import FakeClock

USER, PASSWORD = "ops@example.com", "Telecomx-Passw0rd"


class FakeTelecomX:
    def __init__(self):
        self.requests = []
        self.issued = 0

    def http(self, method, path, query, body, headers):
        self.requests.append({"method": method, "path": path, "query": dict(query or {}), "headers": headers})
        if path == "/auth/login":
            if json.loads(body) != {"username": USER, "password": PASSWORD}:
                return 401, {"error": "credentials_invalid", "message": "Invalid username or password"}
            self.issued += 1
            return 200, {"token": "TOKEN-%d" % self.issued, "expiresInMinutes": 15}
        return 200, {"offset": 0, "limit": 1000, "total": 0, "groups": []}

    def paths(self):
        return [r["path"] for r in self.requests]


@pytest.fixture
def make_session(monkeypatch):
    """A TelecomXSession with the session's option defaults and the given options, talking to a FakeTelecomX."""
    def make(**options):
        clock = FakeClock()
        monkeypatch.setattr(token_session, "time", clock)
        defaults = {"token_transport": "query", "logout": False, "m2m_token": None}
        session = TelecomXSession(dict(defaults, host="api.telecomx.example", port=443, use_ssl=True,
                                       validate_certs=True, remote_user=USER, password=PASSWORD, timeout=30,
                                       **options))
        pbx = FakeTelecomX()
        monkeypatch.setattr(session, "http", pbx.http)
        return session, pbx, clock
    return make


def get(session):
    return session.request("GET", "pbx/group", {"offset": 0})


def test_the_plugin_runs_the_telecomx_session():
    assert httpapi_loader.get("telephony.pbx.telecomx", None, class_only=True).session_class is TelecomXSession


@pytest.mark.parametrize("elapsed, logins", [(839, 1), (841, 2)])
def test_a_new_login_a_minute_before_the_15_minute_token_expires(make_session, elapsed, logins):
    session, pbx, clock = make_session()
    get(session)
    clock.now += elapsed
    get(session)
    assert pbx.paths().count("/auth/login") == logins
    assert pbx.requests[-1]["query"]["token"] == "TOKEN-%d" % logins


def test_the_token_travels_as_query_parameter_by_default_or_as_bearer_header(make_session):
    session, pbx, _clock = make_session()
    get(session)
    assert pbx.requests[-1]["query"] == {"offset": 0, "token": "TOKEN-1"}
    assert "Authorization" not in pbx.requests[-1]["headers"]
    session, pbx, _clock = make_session(token_transport="header")
    get(session)
    assert pbx.requests[-1]["query"] == {"offset": 0}
    assert pbx.requests[-1]["headers"]["Authorization"] == "Bearer TOKEN-1"


def test_a_machine_to_machine_token_is_used_without_any_login(make_session):
    session, pbx, clock = make_session(m2m_token="M2M-TOKEN")
    get(session)
    clock.now += 86400
    get(session)
    session.close()
    assert pbx.paths() == ["/pbx/group", "/pbx/group"]
    assert [r["query"]["token"] for r in pbx.requests] == ["M2M-TOKEN", "M2M-TOKEN"]


@pytest.mark.parametrize("options, logged_out", [({}, False), ({"logout": True}, True),
                                                 ({"logout": True, "m2m_token": "M2M-TOKEN"}, False)])
def test_logout_only_when_asked_and_never_for_a_machine_token(make_session, options, logged_out):
    session, pbx, _clock = make_session(**options)
    get(session)
    session.close()
    assert ("/auth/logout" in pbx.paths()) is logged_out


def test_a_401_expired_answer_means_one_new_login_and_a_resend(make_session, monkeypatch):
    session, pbx, _clock = make_session()
    get(session)
    answers = [(401, {"error": "expired", "message": "The token has expired"})]
    real = pbx.http
    monkeypatch.setattr(session, "http", lambda *args: answers.pop() if answers and args[1] == "/pbx/group" else real(*args))
    assert get(session)["status"] == 200
    assert pbx.paths() == ["/auth/login", "/pbx/group", "/auth/login", "/pbx/group"]
