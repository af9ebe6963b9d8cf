"""The token lifecycle of the yeastar httpapi plugin against a scripted fake PBX.

The plugin is loaded by ansible's httpapi loader onto a fake connection offering what
netcommon's httpapi connection gives it (get_option/set_option, _connected, _connect);
the fake PBX replaces the plugin's `http` method, or `open_url` below it where the
plugin's own answer logging matters; a fake display collects what the plugin logs.
"""

import http.client
import io
import json
import subprocess
import sys
import time
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from ansible.errors import AnsibleConnectionFailure
from ansible.module_utils.connection import ConnectionError as RPCError
from ansible.plugins.loader import httpapi_loader

from ansible_collections.telephony.pbx.plugins.httpapi.yeastar import HttpApi
from ansible_collections.telephony.pbx.plugins.module_utils.version import COLLECTION_VERSION
from ansible_collections.telephony.pbx.plugins.plugin_utils import token_session
from ansible_collections.telephony.pbx.plugins.plugin_utils.yeastar_session import YeastarSession
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    BUSY,
    NOT_SENT,
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginFailed,
    controller_alive,
    controller_pid,
    refresh_margin,
)

CLIENT_ID = "emulator-client-id"
SECRET = "Client-Secret-Do-Not-Log"
API = "/openapi/v1.0/"


class Transport(Exception):
    """A scripted connection failure (refused, reset) instead of an answer."""


def envelope(errcode=0, errmsg="SUCCESS", **data):
    return dict({"errcode": errcode, "errmsg": errmsg}, **data)


EXPIRED = (200, envelope(10004, "TOKEN EXPIRED"))
OVERLOADED = (200, envelope(70082, "SYSTEM BUSY"))
UNAVAILABLE = (503, "Service Unavailable")
TOO_MANY = (429, envelope(70083, "TOO MANY REQUESTS"))


class FakeClock:
    """Replaces the `time` module in token_session: a settable monotonic clock; sleeps are recorded."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)


class FakePBX:
    """Issues numbered token pairs and answers every other endpoint with success unless scripted."""

    def __init__(self, secret=SECRET, access_ttl=1800, refresh_ttl=86400):
        self.secret = secret
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.issued = 0
        self.requests = []
        self.urls = []
        self.headers = []
        self.scripts = {}

    def script(self, endpoint, *answers):
        self.scripts.setdefault(endpoint, []).extend(answers)

    def tokens(self):
        return ["ACCESS-%d" % n for n in range(1, self.issued + 1)] + ["REFRESH-%d" % n for n in range(1, self.issued + 1)]

    def count(self, endpoint):
        return len([r for r in self.requests if r["endpoint"] == endpoint])

    def endpoints(self):
        return [r["endpoint"] for r in self.requests]

    def handle(self, method, path, query, body):
        assert API in path, path
        endpoint = path.split(API, 1)[1]
        body = json.loads(body) if body else None
        self.requests.append({"method": method, "endpoint": endpoint, "query": dict(query or {}), "body": body})
        if self.scripts.get(endpoint):
            answer = self.scripts[endpoint].pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        if endpoint == "get_token":
            if body != {"username": CLIENT_ID, "password": self.secret}:
                return 200, envelope(10002, "FAILURE", invalid_param_list=[{"field": "username or password", "value": "error"}])
            return self._issue()
        if endpoint == "refresh_token":
            return self._issue()
        return 200, envelope(endpoint=endpoint)

    def _issue(self):
        self.issued += 1
        return 200, envelope(access_token="ACCESS-%d" % self.issued, refresh_token="REFRESH-%d" % self.issued,
                             access_token_expire_time=self.access_ttl, refresh_token_expire_time=self.refresh_ttl)

    # ---- the two ways to put the fake in front of the plugin
    def http(self, method, path, query, body, headers):
        self.headers.append(headers)
        try:
            return self.handle(method, path, query, body)
        except Transport as exc:
            raise token_session._TransportError(str(exc))

    def open_url(self, url, data=None, method=None, headers=None, **kwargs):
        self.urls.append(url)
        self.headers.append(headers)
        parts = urlsplit(url)
        try:
            status, payload = self.handle(method, parts.path, dict(parse_qsl(parts.query)), data)
        except Transport as exc:
            raise URLError(str(exc))
        raw = (payload if isinstance(payload, str) else json.dumps(payload)).encode()
        if status >= 400:
            raise HTTPError(url, status, "error", {}, io.BytesIO(raw))
        return FakeResponse(status, raw)


class FakeResponse:
    def __init__(self, status, raw):
        self.status, self.raw = status, raw

    def getcode(self):
        return self.status

    def read(self):
        return self.raw


class FakeConnection:
    """What netcommon's httpapi connection offers the plugin."""

    def __init__(self, **options):
        self.options = dict({"remote_user": CLIENT_ID, "password": SECRET, "host": "pbx.example", "port": 8088,
                             "use_ssl": True, "validate_certs": True, "persistent_log_messages": True,
                             "persistent_command_timeout": 30}, **options)
        self._connected = False
        self.connects = 0
        self.httpapi = None

    @property
    def connected(self):
        return self._connected

    def get_option(self, name):
        return self.options.get(name)

    def set_option(self, name, value):
        self.options[name] = value

    def _connect(self):
        self.connects += 1
        self._connected = True
        self.httpapi.login(self.get_option("remote_user"), self.get_option("password"))


class FakeDisplay:
    """Replaces token_session's Display; keeps what goes to the Ansible log only."""

    def __init__(self):
        self.shown = []

    def display(self, message, log_only=False, **kwargs):
        self.shown.append((message, log_only))


class Session:
    def __init__(self, plugin, pbx, connection, clock, log):
        self.plugin, self.pbx, self.connection, self.clock, self.log = plugin, pbx, connection, clock, log

    @property
    def messages(self):
        assert all(log_only for message, log_only in self.log.shown), self.log.shown
        return [message for message, log_only in self.log.shown]

    def get(self, endpoint="extension/list", query=None, idempotent=True):
        return self.plugin.send_request(None, "GET", endpoint, query, idempotent)

    def post(self, endpoint="extension/update", data=None, idempotent=False):
        return self.plugin.send_request(data or {"id": 1}, "POST", endpoint, None, idempotent)

    def access_tokens_sent(self, endpoint="extension/list"):
        return [r["query"].get("access_token") for r in self.pbx.requests if r["endpoint"] == endpoint]


@pytest.fixture
def make_session(monkeypatch):
    def make(via="http", pbx=None, base_path="", direct=None, **options):
        clock = FakeClock()
        monkeypatch.setattr(token_session, "time", clock)
        log = FakeDisplay()
        monkeypatch.setattr(token_session, "display", log)
        pbx = pbx or FakePBX()
        connection = FakeConnection(**options)
        plugin = httpapi_loader.get("telephony.pbx.yeastar", connection)
        plugin.set_options(direct=dict({"base_path": base_path}, **(direct or {})))
        connection.httpapi = plugin
        if via == "http":
            monkeypatch.setattr(plugin.session, "http", pbx.http)
        else:
            monkeypatch.setattr(token_session, "open_url", pbx.open_url)
        return Session(plugin, pbx, connection, clock, log)
    return make


@pytest.fixture
def session(make_session):
    return make_session()


# --------------------------------------------------------------------- login
def test_one_login_serves_many_requests(session):
    answers = [session.get() for attempt in range(5)]
    assert session.pbx.count("get_token") == 1
    assert session.connection.connects == 1
    assert session.access_tokens_sent() == ["ACCESS-1"] * 5
    assert answers[0] == {"status": 200, "payload": envelope(endpoint="extension/list"), "warnings": []}


def test_login_posts_the_credentials_without_a_token(session):
    session.get()
    login = session.pbx.requests[0]
    assert (login["method"], login["endpoint"], login["query"]) == ("POST", "get_token", {})
    assert login["body"] == {"username": CLIENT_ID, "password": SECRET}


def test_queries_travel_with_the_token(session):
    session.get("extension/search", query={"search_value": "1001"})
    assert session.pbx.requests[-1]["query"] == {"search_value": "1001", "access_token": "ACCESS-1"}


# ------------------------------------------------------------------- refresh
@pytest.mark.parametrize("access_ttl, elapsed, refreshed", [
    (1800, 1739, False),
    (1800, 1741, True),
    (100, 79, False),
    (100, 81, True),
])
def test_the_access_token_is_refreshed_within_its_margin_of_expiry(make_session, access_ttl, elapsed, refreshed):
    session = make_session(pbx=FakePBX(access_ttl=access_ttl))
    session.get()
    session.clock.now += elapsed
    session.get()
    assert session.pbx.count("refresh_token") == (1 if refreshed else 0)
    assert session.access_tokens_sent()[-1] == ("ACCESS-2" if refreshed else "ACCESS-1")
    assert session.pbx.count("get_token") == 1


def test_refresh_sends_the_refresh_token(session):
    session.get()
    session.clock.now += 1790
    session.get()
    refresh = [r for r in session.pbx.requests if r["endpoint"] == "refresh_token"][0]
    assert (refresh["method"], refresh["body"], refresh["query"]) == ("POST", {"refresh_token": "REFRESH-1"}, {})


def test_an_expired_refresh_token_means_a_new_login(make_session):
    session = make_session(pbx=FakePBX(access_ttl=1800, refresh_ttl=3600))
    session.get()
    session.clock.now += 3550
    session.get()
    assert (session.pbx.count("refresh_token"), session.pbx.count("get_token")) == (0, 2)
    assert session.access_tokens_sent()[-1] == "ACCESS-2"


def test_a_refused_refresh_means_a_new_login(session):
    session.pbx.script("refresh_token", EXPIRED)
    session.get()
    session.clock.now += 1790
    session.get()
    assert session.pbx.endpoints() == ["get_token", "extension/list", "refresh_token", "get_token", "extension/list"]
    assert any("refresh refused" in message for message in session.messages)


# --------------------------------------------------------------- token expired
@pytest.mark.parametrize("send", ["get", "post"])
def test_token_expired_is_renewed_once_and_the_request_resent(session, send):
    endpoint = "extension/list" if send == "get" else "extension/update"
    session.pbx.script(endpoint, EXPIRED)
    answer = getattr(session, send)(endpoint)
    assert answer["payload"]["errcode"] == 0
    assert session.pbx.endpoints() == ["get_token", endpoint, "refresh_token", endpoint]
    assert session.access_tokens_sent(endpoint) == ["ACCESS-1", "ACCESS-2"]


def test_a_second_token_expired_is_returned_not_looped(session):
    session.pbx.script("extension/list", EXPIRED, EXPIRED, EXPIRED)
    answer = session.get()
    assert answer == {"status": 200, "payload": EXPIRED[1], "warnings": []}
    assert session.pbx.endpoints() == ["get_token", "extension/list", "refresh_token", "extension/list"]


# -------------------------------------------------------------- failed login
@pytest.fixture
def refused(make_session):
    return make_session(pbx=FakePBX(secret="the-right-secret"))


def test_a_refused_login_fails_and_mentions_the_blocking(refused):
    with pytest.raises(RPCError) as info:
        refused.get()
    assert info.value.code == NOT_SENT
    message = str(info.value)
    assert "errcode 10002 FAILURE" in message
    assert "blocks this controller's IP address after 5 consecutive failed logins" in message
    assert SECRET not in message


def test_a_refused_login_is_never_repeated(refused):
    for attempt in range(3):
        with pytest.raises(RPCError):
            refused.get()
        assert refused.pbx.count("get_token") == 1, attempt
    assert refused.pbx.endpoints() == ["get_token"]


def test_a_refused_login_is_not_repeated_by_a_direct_login_call(refused):
    with pytest.raises(RPCError):
        refused.get()
    with pytest.raises(LoginFailed):
        refused.plugin.login(CLIENT_ID, SECRET)
    assert refused.pbx.count("get_token") == 1


@pytest.mark.parametrize("errcode", [70004, 70087])
def test_a_blocked_address_says_where_to_unblock_it(session, errcode):
    session.pbx.script("get_token", (200, envelope(errcode, "IP BLOCKED")))
    with pytest.raises(RPCError, match="IP Blocklist"):
        session.get()


@pytest.mark.parametrize("missing", ["remote_user", "password"])
def test_missing_credentials_fail_without_any_request(make_session, missing):
    session = make_session(**{missing: None})
    with pytest.raises(RPCError, match="No login was attempted"):
        session.get()
    assert session.pbx.requests == []


def test_a_login_answer_without_envelope_fails(session):
    session.pbx.script("get_token", (404, "<html>Not Found</html>"))
    with pytest.raises(RPCError, match="No Yeastar API answers at .* HTTP 404"):
        session.get()


# ------------------------------------------------------------------- retries
FAILURES = {"http 503": UNAVAILABLE, "http 429": TOO_MANY, "errcode 70082": OVERLOADED,
            "transport": Transport("connection reset by peer")}


def failing(session, kind, times, endpoint):
    session.pbx.script(endpoint, *[FAILURES[kind]] * times)


@pytest.mark.parametrize("kind", sorted(FAILURES))
def test_reads_are_retried_at_most_once_per_retry_delay(session, kind):
    failing(session, kind, 10, "extension/list")
    if kind == "transport":
        with pytest.raises(AnsibleConnectionFailure, match="did not answer GET .* after 3 retries"):
            session.get()
    else:
        assert session.get() == {"status": FAILURES[kind][0], "payload": FAILURES[kind][1], "warnings": []}
    assert session.pbx.count("extension/list") == 1 + session.plugin.session.read_retries
    assert len(session.clock.sleeps) == 3


@pytest.mark.parametrize("kind", sorted(FAILURES))
def test_a_read_that_recovers_returns_the_good_answer(session, kind):
    failing(session, kind, 2, "extension/list")
    assert session.get()["payload"]["errcode"] == 0
    assert session.pbx.count("extension/list") == 3


@pytest.mark.parametrize("kind", sorted(set(FAILURES) - {"errcode 70082"}))
def test_writes_are_never_retried_after_an_uncertain_failure(session, kind):
    failing(session, kind, 10, "extension/update")
    if kind == "transport":
        with pytest.raises(AnsibleConnectionFailure, match="it was not resent"):
            session.post()
    else:
        assert session.post()["status"] == FAILURES[kind][0]
    assert session.pbx.count("extension/update") == 1
    assert session.clock.sleeps == []


def test_retries_stop_before_the_command_timeout(make_session, monkeypatch):
    session = make_session(persistent_command_timeout=9)
    monkeypatch.setattr(token_session, "generate_jittered_backoff", lambda *args: iter([3, 3, 3]))
    session.clock.sleep = lambda seconds: (session.clock.sleeps.append(seconds), setattr(session.clock, "now", session.clock.now + seconds))
    failing(session, "transport", 10, "extension/list")
    with pytest.raises(AnsibleConnectionFailure, match="after 1 retries"):
        session.get()
    assert session.pbx.count("extension/list") == 2, "a second retry could not finish within the 9 s command timeout"


def test_a_get_marked_not_idempotent_is_not_retried(session):
    failing(session, "http 503", 10, "extension/delete")
    assert session.get("extension/delete", idempotent=False)["status"] == 503
    assert session.pbx.count("extension/delete") == 1


# -------------------------------------------------------------------- logout
def test_logout_revokes_the_token_once_and_forgets_it(session):
    session.get()
    session.plugin.logout()
    session.plugin.logout()
    revoke = [r for r in session.pbx.requests if r["endpoint"] == "del_token"]
    assert [(r["method"], r["query"]) for r in revoke] == [("GET", {"access_token": "ACCESS-1"})]
    assert not session.plugin.session.logged_in


def test_logout_without_login_sends_nothing(session):
    session.plugin.logout()
    assert session.pbx.requests == []


def test_a_request_after_logout_logs_in_again(session):
    session.get()
    session.plugin.logout()
    session.get()
    assert session.pbx.endpoints() == ["get_token", "extension/list", "del_token", "get_token", "extension/list"]
    assert session.access_tokens_sent()[-1] == "ACCESS-2"


@pytest.mark.parametrize("answer", [(200, envelope(50000, "SERVER ERROR")), Transport("connection refused")])
def test_a_failed_revocation_is_logged_not_raised(session, answer):
    session.get()
    session.pbx.script("del_token", answer)
    session.plugin.logout()
    assert not session.plugin.session.logged_in
    assert any("token revocation failed" in message for message in session.messages)


def test_a_revocation_answered_token_expired_counts_as_done(session):
    session.get()
    session.pbx.script("del_token", EXPIRED)
    session.plugin.logout()
    assert any(message.endswith("token revoked") for message in session.messages)


def test_the_token_is_revoked_when_the_controller_is_gone(make_session):
    session = make_session()
    controller = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    session.connection._ansible_playbook_pid = str(controller.pid)
    session.plugin.controller_poll_seconds = 0
    session.get()
    controller.kill()
    controller.wait()
    session.plugin._watcher.join(5)
    assert session.pbx.endpoints()[-1] == "del_token"
    assert "telephony.pbx: controller process %d is gone; revoking the token" % controller.pid in session.messages


def test_once_the_controller_is_gone_nothing_is_sent_and_no_login_follows(make_session):
    session = make_session()
    controller = subprocess.Popen([sys.executable, "-c", "pass"])
    session.connection._ansible_playbook_pid = str(controller.pid)
    session.get()
    controller.wait()
    for attempt in range(3):
        with pytest.raises(RPCError, match="pid %d.* is gone.*Nothing was sent" % controller.pid) as info:
            session.post()
        assert info.value.code == NOT_SENT
    with pytest.raises(token_session.NotSent, match="is gone"):
        session.plugin.login(CLIENT_ID, SECRET)
    assert session.pbx.endpoints() == ["get_token", "extension/list", "del_token"]


@pytest.mark.parametrize("init, alive", [(b"/sbin/init\x00splash", False), (b"/usr/bin/python3\x00/usr/bin/ansible-playbook", True)])
def test_pid_1_is_a_controller_only_when_it_is_ansible(monkeypatch, init, alive):
    real_open = open

    def fake_open(path, *args, **kwargs):
        return io.BytesIO(init) if path == "/proc/1/cmdline" else real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    assert controller_alive(1) is alive


def test_a_connection_started_for_an_orphan_never_logs_in(make_session, monkeypatch):
    monkeypatch.setattr(token_session, "controller_alive", lambda pid: pid != 1)
    session = make_session()
    session.connection._ansible_playbook_pid = "1"
    with pytest.raises(RPCError, match="pid 1"):
        session.post()
    assert session.pbx.requests == []


# ---------------------------------------------------------------------- logs
def busy_day(session):
    """Login, reads, a refresh before expiry, a token-expired renewal, a failing read, a failing revocation."""
    session.get()
    session.get("extension/search", query={"search_value": "1001"})
    session.clock.now += 1790
    session.get()
    session.pbx.script("extension/list", EXPIRED)
    session.get()
    session.pbx.script("extension/get", Transport("refused for ?access_token=ACCESS-3"))
    session.get("extension/get")
    session.pbx.script("del_token", Transport("reset while sending access_token=ACCESS-3"))
    session.plugin.logout()


@pytest.mark.parametrize("via", ["http", "open_url"])
def test_logs_never_carry_the_secret_or_a_token(make_session, via):
    session = make_session(via=via)
    busy_day(session)
    messages = session.messages
    assert session.pbx.issued == 3
    assert any("logged in" in message for message in messages)
    assert any("token revocation failed" in message for message in messages)
    leaks = [(secret, message) for message in messages for secret in [SECRET] + session.pbx.tokens()
             if secret in message]
    assert leaks == []


def test_the_token_answer_is_logged_masked(make_session):
    session = make_session(via="open_url")
    session.get()
    token_answer = [m for m in session.messages if m.startswith("telephony.pbx: answer HTTP 200") and
                    "access_token" in m][0]
    assert json.loads(token_answer.split(" ", 4)[4]) == envelope(
        access_token="********", refresh_token="********", access_token_expire_time=1800,
        refresh_token_expire_time=86400)


def test_the_plugin_takes_over_persistent_log_messages(session):
    session.get()
    assert session.connection.options["persistent_log_messages"] is False
    assert session.plugin.get_option("log_requests") is True
    assert session.messages


def test_nothing_is_logged_by_default(make_session):
    session = make_session(persistent_log_messages=False)
    session.get()
    assert session.plugin.get_option("log_requests") is False
    assert session.log.shown == []


def test_log_requests_alone_turns_the_request_log_on(make_session):
    session = make_session(persistent_log_messages=False, direct={"log_requests": True})
    session.get()
    assert "telephony.pbx: logged in; access token valid for 1800s" in session.messages


def test_the_plugin_is_the_yeastar_httpapi(session):
    assert isinstance(session.plugin, HttpApi)


def test_requests_are_logged_with_the_token_masked(session):
    session.get("extension/search", query={"search_value": "1001"})
    assert "telephony.pbx: GET /openapi/v1.0/extension/search?search_value=1001&access_token=********" \
        in [unquote(message) for message in session.messages]


# ---------------------------------------------------------- urls and headers
@pytest.mark.parametrize("options, base_path, prefix", [
    ({}, "", "https://pbx.example:8088/openapi/v1.0/"),
    ({}, "/pbx/", "https://pbx.example:8088/pbx/openapi/v1.0/"),
    ({"use_ssl": False, "port": None}, "", "http://pbx.example:80/openapi/v1.0/"),
    ({"port": None}, "/edge/pbx", "https://pbx.example:443/edge/pbx/openapi/v1.0/"),
])
def test_urls(make_session, options, base_path, prefix):
    session = make_session(via="open_url", base_path=base_path, **options)
    session.get()
    assert session.pbx.urls[0] == prefix + "get_token"
    assert session.pbx.urls[1] == prefix + "extension/list?access_token=ACCESS-1"


def test_requests_name_the_collection_in_the_user_agent(session):
    session.post(data={"id": 1})
    assert all(COLLECTION_VERSION in headers["User-Agent"] for headers in session.pbx.headers)
    assert session.pbx.headers[-1]["Content-Type"] == "application/json"


def test_a_write_the_busy_pbx_refused_without_acting_is_resent_with_backoff(session):
    failing(session, "errcode 70082", 2, "extension/update")
    assert session.post()["payload"]["errcode"] == 0
    assert session.pbx.count("extension/update") == 3
    assert len(session.clock.sleeps) == 2


def test_a_write_refused_as_busy_too_often_returns_the_refusal(session):
    failing(session, "errcode 70082", 10, "extension/update")
    assert session.post()["payload"]["errcode"] == 70082
    assert session.pbx.count("extension/update") == 1 + session.plugin.session.read_retries


# ------------------------------------------------------------------- helpers
@pytest.mark.parametrize("status, payload, verdict", [
    (200, envelope(), OK),
    (200, envelope(10004, "TOKEN EXPIRED"), TOKEN_EXPIRED),
    (200, envelope(70082, "SYSTEM BUSY"), BUSY),
    (500, None, TRANSIENT),
    (503, "Service Unavailable", TRANSIENT),
    (429, envelope(70083, "TOO MANY"), TRANSIENT),
    (404, "Not Found", OK),
    (200, envelope(40002, "PARAMETER ERROR"), OK),
])
def test_classify(session, status, payload, verdict):
    assert session.plugin.session.classify(status, payload) == verdict


class Connected:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


@pytest.mark.parametrize("connection, pid", [
    (Connected(_ansible_playbook_pid="1234"), 1234),
    (Connected(_ansible_playbook_pid=1234), 1234),
    (Connected(_ansible_playbook_pid=None), None),
    (Connected(_ansible_playbook_pid="-1"), None),
    (Connected(_ansible_playbook_pid="uuid"), None),
    (Connected(), None),
])
def test_controller_pid(connection, pid):
    assert controller_pid(connection) == pid


def test_no_watcher_without_a_controller_pid(session):
    session.get()
    assert session.plugin._watcher is None


@pytest.mark.parametrize("ttl, margin", [(1800, 60.0), (86400, 60.0), (300, 60.0), (100, 20.0), (5, 1.0)])
def test_refresh_margin(ttl, margin):
    assert refresh_margin(ttl) == margin


# ------------------------------------------------------------- token cap
CAP = (200, envelope(60002, "MAX LIMITATION EXCEEDED"))


def test_a_full_token_cap_is_waited_out_with_backoff(session, monkeypatch):
    monkeypatch.setattr(session.clock, "sleep", lambda seconds: setattr(session.clock, "now", session.clock.now + seconds))
    monkeypatch.setattr(token_session, "generate_jittered_backoff", lambda retries, base, cap: iter([1, 2, 4]))
    session.pbx.script("get_token", CAP, CAP)
    started = session.clock.now
    assert session.get()["status"] == 200
    assert session.pbx.endpoints() == ["get_token", "get_token", "get_token", "extension/list"]
    assert session.clock.now - started == 3, "waited the backoff's delays: 1 s, then 2 s"
    assert any("login deferred" in message for message in session.messages)


def test_a_token_cap_that_lasts_fails_within_the_command_timeout_and_is_not_latched(session, monkeypatch):
    monkeypatch.setattr(session.clock, "sleep", lambda seconds: setattr(session.clock, "now", session.clock.now + seconds))
    session.pbx.script("get_token", *[CAP] * 20)
    started = session.clock.now
    with pytest.raises(RPCError, match="all are in use.*30-minute lifetime.*Waited") as info:
        session.post()
    assert info.value.code == NOT_SENT
    assert session.clock.now - started < 30, "within persistent_command_timeout"
    tries = session.pbx.count("get_token")
    assert 2 <= tries <= 20, "jittered backoff between tries"
    session.pbx.scripts["get_token"] = []
    assert session.post()["status"] == 200, "the next task logs in again: a full cap is not a failed login"
    assert session.pbx.count("get_token") == tries + 1


# ------------------------------------------------------------ transport edges
@pytest.mark.parametrize("options, warning", [
    ({"use_ssl": False}, "plain HTTP"),
    ({"validate_certs": False}, "Certificate validation is off"),
    ({}, None),
])
def test_an_unsafe_transport_is_warned_about_once_per_connection(make_session, options, warning):
    session = make_session(**options)
    first, second = session.get(), session.get()
    assert second["warnings"] == []
    if warning:
        assert len(first["warnings"]) == 1 and warning in first["warnings"][0]
    else:
        assert first["warnings"] == []


@pytest.mark.parametrize("failure", [http.client.IncompleteRead(b"{", 100), http.client.BadStatusLine("garbage")])
def test_a_truncated_or_garbled_answer_is_a_transport_failure(make_session, monkeypatch, failure):
    session = make_session(via="open_url")
    answers = iter([failure])

    def flaky(url, *args, **kwargs):
        if "extension/" in url:
            answer = next(answers, None)
            if answer is not None:
                raise answer
        return session.pbx.open_url(url, *args, **kwargs)

    monkeypatch.setattr(token_session, "open_url", flaky)
    assert session.get()["status"] == 200, "a read is retried"
    answers = iter([failure])
    with pytest.raises(AnsibleConnectionFailure, match="may or may not have applied") as info:
        session.post()
    assert type(failure).__name__ in str(info.value)
    assert session.pbx.count("extension/update") == 0


@pytest.mark.parametrize("base_path", ["pbx/hotel", "/pbx/../admin", "/pbx?x=1", "/pbx#top", "https://other/pbx", "/a b"])
def test_an_invalid_base_path_is_refused_before_any_request(make_session, base_path):
    session = make_session(base_path=base_path)
    with pytest.raises(RPCError, match=r"base path \(ansible_httpapi_yeastar_base_path\) must be a path") as info:
        session.get()
    assert info.value.code == NOT_SENT
    assert session.pbx.requests == []


def test_a_killed_controller_not_yet_reaped_counts_as_gone():
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    for attempt in range(50):
        if controller_alive(zombie.pid) is False:
            break
        time.sleep(0.1)
    assert controller_alive(zombie.pid) is False, "a zombie is not a live controller"
    zombie.wait()
    assert controller_alive(zombie.pid) is False


# ------------------------------------------------------ reference look-up cache
def look_up(session, area="organization"):
    return session.plugin.send_request(None, "GET", "organization/list", {"is_all": 2}, True, cache_as=area)


def test_a_cached_look_up_is_sent_once_per_connection_and_marked_cached(session):
    first, second = look_up(session), look_up(session)
    assert session.pbx.count("organization/list") == 1
    assert "cached" not in first and second["cached"] is True
    assert second["payload"] == first["payload"]


def test_a_write_to_the_area_drops_the_cached_look_up(session):
    look_up(session)
    session.plugin.send_request({"name": "Spa"}, "POST", "organization/create", None, False, invalidates="organization")
    look_up(session)
    assert session.pbx.count("organization/list") == 2


def test_a_cached_look_up_expires_so_changes_by_others_are_seen(session):
    look_up(session)
    session.clock.now += session.plugin.session.reference_cache_seconds + 1
    look_up(session)
    assert session.pbx.count("organization/list") == 2


def test_reads_without_an_area_and_failed_answers_are_never_cached(session):
    session.get(), session.get()
    assert session.pbx.count("extension/list") == 2
    session.pbx.script("organization/list", (200, envelope(70120, "ORGANIZATION DISABLED")))
    look_up(session)
    look_up(session)
    assert session.pbx.count("organization/list") == 2


def test_tasks_for_two_pbxes_on_one_connection_make_it_refuse_every_request(session):
    session.get()
    session.plugin.set_options(direct={"base_path": "/pbx/hotel-b"})
    session.plugin.set_options(direct={"base_path": ""})
    with pytest.raises(RPCError, match="serves tasks meant for different PBXes") as info:
        session.get()
    assert info.value.code == NOT_SENT
    assert session.pbx.count("extension/list") == 1


# ------------------------------------------------- without an httpapi connection
def test_a_session_runs_without_a_connection_and_revokes_on_close(monkeypatch):
    pbx = FakePBX()
    logged = []
    monkeypatch.setattr(token_session, "open_url", pbx.open_url)
    session = YeastarSession({"host": "pbx.example", "port": 8088, "use_ssl": True, "remote_user": CLIENT_ID,
                              "password": SECRET, "timeout": 10}, log=logged.append)
    assert session.request("GET", "extension/list")["payload"]["errcode"] == 0
    assert session.request("GET", "extension/list", {"page": 2})["status"] == 200
    session.close()
    session.close()
    assert pbx.endpoints() == ["get_token", "extension/list", "extension/list", "del_token"]
    assert pbx.urls[1].startswith("https://pbx.example:8088/openapi/v1.0/extension/list?access_token=ACCESS-1")
    text = "\n".join(logged)
    assert "token revoked" in text and "ACCESS-1" not in text and SECRET not in text


def test_ansible_core_still_hands_the_controller_pid_to_connections():
    """controller_pid() reads a private attribute of ansible-core's ConnectionBase: fail here if that changes."""
    from ansible.playbook.play_context import PlayContext
    from ansible.plugins.loader import connection_loader

    context = PlayContext()
    context.network_os = "telephony.pbx.yeastar"
    connection = connection_loader.get("ansible.netcommon.httpapi", context, "/dev/null", ansible_playbook_pid="4321")
    assert controller_pid(connection) == 4321


@pytest.fixture
def plain_http_port():
    import http.server
    import threading

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_https_to_a_plain_http_port_says_what_to_change(plain_http_port):
    session = YeastarSession({"host": "127.0.0.1", "port": plain_http_port, "use_ssl": True,
                              "remote_user": CLIENT_ID, "password": SECRET, "timeout": 5})
    with pytest.raises(AnsibleConnectionFailure, match="answers plain HTTP, not HTTPS.*use_ssl: false"):
        session.request("GET", "extension/list")


def test_a_controller_side_caller_is_told_its_own_setting_names(plain_http_port):
    """The inventory plugin's sessions name its settings (an http:// url), not the httpapi connection's variables."""
    from ansible_collections.telephony.pbx.plugins.inventory.yeastar import SETTING_NAMES

    session = YeastarSession({"host": "127.0.0.1", "port": plain_http_port, "use_ssl": True, "validate_certs": False,
                              "remote_user": CLIENT_ID, "password": SECRET, "timeout": 5}, setting_names=SETTING_NAMES)
    with pytest.raises(AnsibleConnectionFailure, match=r"answers plain HTTP, not HTTPS.*\(an http:// url\)") as info:
        session.request("GET", "extension/list")
    assert "ansible_httpapi" not in str(info.value)
    assert session.connection_warnings() == [
        "Certificate validation is off for https://127.0.0.1:%d (validate_certs: false): anyone between the controller "
        "and the PBX can read the credentials. Give the PBX's CA with ca_path instead." % plain_http_port]
