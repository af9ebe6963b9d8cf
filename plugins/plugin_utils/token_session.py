# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The token lifecycle every vendor shares, with or without an httpapi connection.

`TokenSession` is one API user's session with one PBX: one login, expiry tracking, refresh before expiry, one
resend after a token-expired answer, bounded jittered retries of reads, a refused login never repeated,
revocation on close, and logs that never carry a secret. A vendor subclasses it and says only how its API logs
in, refreshes, signs out, where the token travels and how its answers are classified (the hooks at the bottom).
Plugins that run on the controller (inventory, event source) use a vendor's session directly.

`TokenHttpApi` puts a session behind netcommon's httpapi connection: a vendor's httpapi plugin names its session
class. It adds what only a persistent connection needs: options read per task, the redacted request log in place
of ansible-connection's raw one, refusing tasks meant for two PBXes, and revoking the token when the controller
is gone.
"""

from __future__ import annotations

import http.client
import json
import os
import ssl
import threading
import time
from collections.abc import Mapping
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode

from ansible.errors import AnsibleConnectionFailure
from ansible.module_utils.api import generate_jittered_backoff
from ansible.module_utils.basic import remove_values
from ansible.module_utils.connection import ConnectionError as RPCError
from ansible.module_utils.urls import open_url
from ansible.plugins.connection import ensure_connect
from ansible.release import __version__ as ANSIBLE_CORE_VERSION
from ansible.utils.display import Display
from ansible_collections.ansible.netcommon.plugins.plugin_utils.httpapi_base import HttpApiBase
from ansible_collections.telephony.pbx.plugins.module_utils.downloads import DownloadTargetError, FileTarget
from ansible_collections.telephony.pbx.plugins.module_utils.spec import looks_secret
from ansible_collections.telephony.pbx.plugins.module_utils.version import COLLECTION_VERSION

display = Display()
USER_AGENT = "telephony.pbx/%s (ansible-core %s)" % (COLLECTION_VERSION, ANSIBLE_CORE_VERSION)

# Classification of one HTTP answer, decided by the vendor plugin.
OK = "ok"
TOKEN_EXPIRED = "token_expired"
TRANSIENT = "transient"
# The PBX refused the request without acting on it (too busy): any request, writes included, may be resent.
BUSY = "busy"

# JSON-RPC error code (implementation-defined server error) of a request refused before it left the controller,
# so the module does not list it among the requests sent.
NOT_SENT = -32001

REDACTED = "********"


class SessionError(AnsibleConnectionFailure):
    """The session could not complete a request; the message says why in plain words."""


class LoginFailed(SessionError):
    """The PBX refused the credentials; never retried (PBXes block the address)."""


class NotSent(SessionError):
    """Refused before anything was sent to the PBX."""


class LoginDeferred(Exception):
    """The PBX refused a login for a reason that passes (all token slots taken): not a failed login.
    Retried with backoff within the request's time budget, and tried again by the next request if it persists."""


class Tokens:
    def __init__(self, access, refresh, access_ttl, refresh_ttl, now=None):
        now = time.monotonic() if now is None else now
        self.access = access
        self.refresh = refresh
        self.access_expires = now + access_ttl
        self.refresh_expires = now + refresh_ttl if refresh else now
        self.access_margin = refresh_margin(access_ttl)
        self.refresh_margin = refresh_margin(refresh_ttl)

    def access_fresh(self, now):
        return now < self.access_expires - self.access_margin

    def refresh_usable(self, now):
        return bool(self.refresh) and now < self.refresh_expires - self.refresh_margin


def refresh_margin(ttl):
    """Renew this long before expiry: a minute for real lifetimes, a fifth of very short ones."""
    return min(60.0, ttl / 5.0)


class TokenSession:
    """One API user's token session with one PBX. Subclasses implement the vendor hooks at the bottom.

    `options` (a mapping, or a function of an option name) gives the connection: `host`, `port`, `use_ssl`,
    `validate_certs`, `ca_path`, `client_cert`, `client_key`, `use_proxy`, `remote_user` and `password` (the API
    user), `timeout` (seconds one request may take, retries included) and the vendor's own options. `log`, when
    given, receives the request log, secrets already masked.
    """

    # Jittered exponential backoff (ansible.module_utils.api): delays of at most 1, 3 and 7 seconds.
    read_retries = 3
    retry_delay_base = 2
    retry_delay_max = 8
    login_delay_base = 2
    login_delay_max = 16
    # How long a cached reference look-up may serve later requests: writes through this session drop it at
    # once; this bounds how long a change made by someone else (another job, the web UI) goes unseen.
    reference_cache_seconds = 30.0
    # How messages that say what to change name the settings: the httpapi connection's variables by default;
    # controller-side callers (the inventory plugin, the event source) pass their own names.
    setting_names = {
        "plain_http": "ansible_httpapi_use_ssl: false",
        "https": "ansible_httpapi_use_ssl: true",
        "no_cert_check": "ansible_httpapi_validate_certs: false",
        "ca_path": "ansible_httpapi_ca_path",
    }

    def __init__(self, options, log=None, setting_names=None):
        self.get_option = options.get if isinstance(options, Mapping) else options
        self.setting_names = dict(self.setting_names, **(setting_names or {}))
        self._log_sink = log
        self._tokens = None
        self._login_error = None
        self._lock = threading.RLock()
        self._secrets = set()
        self._deadline = 0.0
        self._warnings = None
        self._cache = {}
        self._download = None
        self.logged_in_to = None

    # ------------------------------------------------------------ requests
    def request(self, method, path, query=None, data=None, idempotent=True, cache_as=None, invalidates=None):
        """Send one API request and return {"status": int, "payload": parsed JSON or text, "warnings": [...]}.

        `idempotent` says whether the request may be sent again after an uncertain failure: the
        caller knows, the HTTP method does not (some APIs delete with GET). Such requests are
        retried on transient failures with bounded backoff; a token-expired answer is recovered
        from once (refresh or new login) and the request resent, for every request, since the
        PBX refused it before acting. A request refused before it left the controller raises NotSent.

        Reference look-ups that many requests repeat (a loop of single-object tasks) may name a cache area in
        `cache_as`: their answer is kept for the session, for at most `reference_cache_seconds`, and
        dropped at once when a request names that area in `invalidates` (a write to it). A cached answer
        carries "cached": True and was not sent.
        """
        with self._lock:
            if invalidates:
                self._cache.pop(invalidates, None)
            key = (method, path, json.dumps(query or {}, sort_keys=True))
            hit = self._cache.get(cache_as, {}).get(key) if cache_as and idempotent else None
            if hit and time.monotonic() - hit[0] < self.reference_cache_seconds:
                self._log("%s %s: answered from the session's cache (%s)" % (method, path, cache_as))
                return dict(hit[1], warnings=self._take_warnings(), cached=True)
            answer = self._send(data, method, path, query, idempotent)
            if cache_as and idempotent and self.succeeded(answer["status"], answer["payload"]):
                self._cache.setdefault(cache_as, {})[key] = (time.monotonic(), {"status": 200, "payload": answer["payload"]})
            return answer

    def download(self, path, dest, query=None):
        """Fetch the file at `path` (under the base URL, with the token) into `dest` on the controller.

        A read: retried and renewed like one. Returns {"status", "payload", "warnings"}; when the PBX sent a
        file, the payload is {"size", "sha256", "changed"} (`dest` replaced only when the content differs),
        otherwise it is the PBX's answer (an error envelope). A file that cannot be written on the controller
        raises SessionError without a retry."""
        with self._lock:
            target = FileTarget(dest)
            self._download = (path, target)
            try:
                answer = self._send(None, "GET", path, query, True)
                if target.received:
                    answer["payload"] = target.commit()
                    self._log("GET %s: %d bytes, sha256 %s" % (path, answer["payload"]["size"],
                                                               answer["payload"]["sha256"]))
                return answer
            except DownloadTargetError as exc:
                raise SessionError(str(exc))
            finally:
                self._download = None
                target.discard()

    def _send(self, data, method, path, query, idempotent):
        self._open_budget()
        delays = generate_jittered_backoff(self.read_retries, self.retry_delay_base, self.retry_delay_max)
        retries = 0
        recovered = False
        sent = False
        while True:
            try:
                tokens = self._valid_tokens()
            except LoginFailed as exc:
                if sent:
                    raise
                raise NotSent(str(exc))
            try:
                sent = True
                status, payload = self.exchange(method, path, query, data, tokens)
            except _TransportError as exc:
                if idempotent and self._wait_before_retry(delays, retries, "%s %s: %s" % (method, path, exc)):
                    retries += 1
                    continue
                raise SessionError(self._transport_message(method, path, exc, idempotent, retries))
            verdict = self.classify(status, payload)
            if verdict == TOKEN_EXPIRED and not recovered:
                self._log("%s %s: token expired, renewing once and resending" % (method, path))
                self._renew(force=True)
                recovered = True
                continue
            if (verdict == BUSY or (verdict == TRANSIENT and idempotent)) and self._wait_before_retry(
                    delays, retries, "%s %s: transient answer %s" % (method, path, self.describe_answer(status, payload))):
                retries += 1
                continue
            return {"status": status, "payload": payload, "warnings": self._take_warnings()}

    def _wait_before_retry(self, delays, retries, why):
        """Sleep the next backoff delay and return True, or False when retries are spent or the budget would end
        before the retry could. ansible.module_utils.api's retry decorator cannot stop at a deadline nor tell a
        busy PBX from a token to renew, so the loop above is ours and only the delays are shared."""
        delay = next(delays, None)
        if delay is None or time.monotonic() + delay + 1.0 >= self._deadline:
            return False
        self._log("%s; retry %d of %d in %ds" % (why, retries + 1, self.read_retries, delay))
        time.sleep(delay)
        return True

    # ------------------------------------------------------- token handling
    def login(self, username=None, password=None):
        """Log in with the given credentials, or the `remote_user` and `password` options."""
        username = self.get_option("remote_user") if username is None else username
        password = self.get_option("password") if password is None else password
        with self._lock:
            if self._login_error:
                raise LoginFailed(self._login_error)
            self._remember_secret(password)
            self._open_budget()
            try:
                self._tokens = self._login_when_possible(username, password)
            except LoginFailed as exc:
                self._login_error = str(exc)
                raise
            except _TransportError as exc:
                # Not a refused login: the credentials were not judged, so the next request may try again.
                raise NotSent("Could not log in at %s: %s" % (self.base_url(), exc))
            self._remember_secret(self._tokens.access, self._tokens.refresh)
            self.logged_in_to = self.target()
            self._log("logged in; access token valid for %ds" % (self._tokens.access_expires - time.monotonic()))

    @property
    def logged_in(self):
        return self._tokens is not None

    def _login_when_possible(self, username, password):
        """Log in; a deferred login waits with backoff while the time budget allows."""
        started = time.monotonic()
        delays = generate_jittered_backoff(64, self.login_delay_base, self.login_delay_max)
        attempt = 0
        while True:
            try:
                return self.request_login(username, password)
            except LoginDeferred as exc:
                delay = next(delays)
                attempt += 1
                if time.monotonic() + delay + 1.0 >= self._deadline:
                    raise NotSent("%s Waited %.0fs over %d attempts within the time a request may take; the next "
                                  "request tries again." % (exc, time.monotonic() - started, attempt))
                self._log("login deferred (%s); attempt %d, next in %ds" % (exc, attempt, delay))
                time.sleep(delay)

    def close(self):
        """Revoke the token, if any; never fails."""
        with self._lock:
            tokens, self._tokens = self._tokens, None
            if tokens is None:
                return
            self._open_budget()
            try:
                self.request_logout(tokens)
                self._log("token revoked")
            except Exception as exc:  # noqa: BLE001 - closing must never fail the run
                self._log("token revocation failed: %s" % self._redact(str(exc)))

    def _valid_tokens(self):
        if self._tokens is None:
            self.login()
        if not self._tokens.access_fresh(time.monotonic()):
            self._renew(force=False)
        return self._tokens

    def _renew(self, force):
        """Refresh the token pair, or log in again when refreshing is impossible or refused."""
        tokens = self._tokens
        now = time.monotonic()
        if tokens is not None and tokens.refresh_usable(now):
            try:
                self._tokens = self.request_refresh(tokens)
                self._remember_secret(self._tokens.access, self._tokens.refresh)
                self._log("token refreshed%s" % (" after an expired answer" if force else " before expiry"))
                return
            except LoginFailed as exc:
                self._log("refresh refused (%s); logging in again" % self._redact(str(exc)))
            except _TransportError as exc:
                raise NotSent("Could not refresh the token at %s: %s" % (self.base_url(), exc))
        self._tokens = None
        self.login()

    # ------------------------------------------------------------ transport
    def exchange(self, method, path, query, data, tokens):
        """One HTTP request with the vendor's authorization, logged without secrets; (status, parsed answer).

        For vendor hooks (login, refresh, logout) that need the transport without the token lifecycle."""
        query = dict(query or {})
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if tokens is not None:
            query, headers = self.authorize(query, headers, tokens.access)
        body = None
        if data is not None:
            body = json.dumps(data)
            headers["Content-Type"] = "application/json"
        self._log("%s %s%s" % (method, path, self._loggable_query(query)))
        return self.http(method, path, query, body, headers)

    def http(self, method, path, query, body, headers):
        url = self.base_url() + path
        if query:
            url += "?" + urlencode(query)
        get = self.get_option
        try:
            response = open_url(
                url,
                data=body,
                method=method,
                headers=headers,
                use_proxy=get("use_proxy") is not False,
                timeout=max(1.0, self._deadline - time.monotonic()),
                validate_certs=get("validate_certs") is not False,
                ca_path=get("ca_path"),
                client_cert=get("client_cert"),
                client_key=get("client_key"),
                follow_redirects="none",
            )
            status = response.getcode()
            # A download in progress receives a successful answer to its path that is not JSON (the file).
            sink = self._download[1] if self._download and self._download[0] == path else None
            if sink is not None and status == 200 and "json" not in (response.headers.get("Content-Type") or ""):
                sink.receive(response)
                self._log("answer HTTP 200, %d bytes of %s" % (sink.size, response.headers.get("Content-Type")))
                return status, None
            raw = response.read()
        except HTTPError as exc:
            status, raw = exc.code, exc.read() or b""
        except (URLError, OSError, http.client.HTTPException) as exc:
            # HTTPException: a truncated answer (IncompleteRead) or a garbage status line, a transport failure like a reset.
            reason = getattr(exc, "reason", exc)
            raise _TransportError(self._redact("%s: %s%s" % (type(reason).__name__, reason, self._scheme_hint(reason))))
        text = raw.decode("utf-8", errors="replace")
        try:
            payload = json.loads(text) if text else None
        except ValueError:
            payload = text
        self._log("answer HTTP %s %s" % (status, _shorten(json.dumps(self._masked(payload)))))
        return status, payload

    def _scheme_hint(self, reason):
        """What to change when HTTPS meets a plain-HTTP port, or plain HTTP an HTTPS one."""
        if self.get_option("use_ssl") and isinstance(reason, ssl.SSLError) and (
                "WRONG_VERSION_NUMBER" in str(reason) or "record layer failure" in str(reason)):
            return (". The server at %s:%s answers plain HTTP, not HTTPS: use the PBX's HTTPS port, or plain HTTP "
                    "(%s) where that is intended"
                    % (self.get_option("host"), self.get_option("port"), self.setting_names["plain_http"]))
        if not self.get_option("use_ssl") and isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
            return ". If that port serves HTTPS, use HTTPS (%s)" % self.setting_names["https"]
        return ""

    def base_url(self):
        scheme = "https" if self.get_option("use_ssl") else "http"
        port = self.get_option("port") or (443 if scheme == "https" else 80)
        return "%s://%s:%s%s" % (scheme, self.get_option("host"), port, self.path_prefix())

    def target(self):
        """The PBX and API user this session is for."""
        return (self.base_url(), self.get_option("remote_user"))

    def _open_budget(self):
        """Requests (and retries) from now on must end within the `timeout` option."""
        self._deadline = time.monotonic() + max(1.0, float(self.get_option("timeout") or 30))

    def _transport_message(self, method, path, exc, idempotent, retries):
        where = "%s %s at %s" % (method, path, self.base_url())
        if idempotent:
            return "The PBX did not answer %s after %d retries: %s" % (where, retries, exc)
        return ("The connection failed during %s: %s. This request changes data, so it was not resent; "
                "the PBX may or may not have applied it. Re-run the task to converge." % (where, exc))

    # ------------------------------------------------------------- warnings
    def _take_warnings(self):
        """Warnings about this session, handed to the first request that asks and then never again."""
        if self._warnings is None:
            self._warnings = self.connection_warnings()
        warnings, self._warnings = self._warnings, []
        return warnings

    def connection_warnings(self):
        if not self.get_option("use_ssl"):
            return ["The connection to %s is plain HTTP: the credentials and tokens travel unencrypted. Use HTTPS "
                    "(%s) and the PBX's HTTPS port." % (self.base_url(), self.setting_names["https"])]
        if self.get_option("validate_certs") is False:
            return ["Certificate validation is off for %s (%s): anyone between the controller and the PBX can "
                    "read the credentials. Give the PBX's CA with %s instead."
                    % (self.base_url(), self.setting_names["no_cert_check"], self.setting_names["ca_path"])]
        return []

    # ------------------------------------------------------------- redaction
    def _remember_secret(self, *values):
        self._secrets.update(v for v in values if v)

    def _redact(self, text):
        return remove_values(text, self._secrets)

    def _masked(self, value):
        """A copy of a parsed answer fit for logs: secret keys masked, known secrets replaced."""
        if isinstance(value, dict):
            return dict((k, REDACTED if looks_secret(k) and isinstance(v, str) and v else self._masked(v))
                        for k, v in value.items())
        if isinstance(value, list):
            return [self._masked(v) for v in value]
        if isinstance(value, str):
            return self._redact(value)
        return value

    def _loggable_query(self, query):
        shown = dict((k, REDACTED if looks_secret(k) else v) for k, v in query.items())
        return "?" + urlencode(shown, safe="*") if shown else ""

    def _log(self, message):
        if self._log_sink is not None:
            self._log_sink(self._redact(message))

    # ------------------------------------------------------------ vendor hooks

    def path_prefix(self):
        """Path between host:port and the endpoint paths."""
        return ""

    def request_login(self, username, password):
        """Log in; return Tokens or raise LoginFailed with a message in plain words."""
        raise NotImplementedError

    def request_refresh(self, tokens):
        """Refresh; return new Tokens or raise LoginFailed."""
        raise NotImplementedError

    def request_logout(self, tokens):
        """Revoke the token pair."""
        raise NotImplementedError

    def authorize(self, query, headers, access_token):
        """Return (query, headers) carrying the access token."""
        raise NotImplementedError

    def classify(self, status, payload):
        """Return OK, TOKEN_EXPIRED, TRANSIENT (retried for idempotent requests) or BUSY (refused without
        acting, retried for every request) for one answer."""
        raise NotImplementedError

    def describe_answer(self, status, payload):
        """A few words on an answer for the log, in the vendor's terms (its error code and message)."""
        return "HTTP %s" % status

    def succeeded(self, status, payload):
        """Whether an answer is the API's success (only those are cached)."""
        return 200 <= status < 300


def controller_pid(connection):
    """The ansible-playbook process id, which ansible-connection hands to the connection plugin.

    Private to ansible-core (ConnectionBase keeps `_ansible_playbook_pid` from ansible-connection's
    `--playbook-pid`); no public accessor exists. tests/unit/test_token_session.py checks that
    ansible-core still sets it, so a change fails there rather than silently disabling the watch."""
    pid = str(getattr(connection, "_ansible_playbook_pid", None) or "")
    return int(pid) if pid.isdigit() else None


def controller_alive(pid):
    """Whether the ansible-playbook process that started the connection still runs.

    A worker orphaned by a killed controller starts connections with its new parent, pid 1 (init),
    as the controller: that only counts as alive where pid 1 is ansible-playbook itself (a container)."""
    if pid == 1:
        try:
            with open("/proc/1/cmdline", "rb") as cmdline:
                return b"ansible" in cmdline.read()
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid):
    """A killed process its parent has not reaped yet still answers kill(pid, 0)."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


@ensure_connect
def _open(connection):
    """Open netcommon's httpapi connection through ansible-core's public `ensure_connect`: the connection marks
    itself connected, so its close() revokes the token through logout(), and logs in."""


class TokenHttpApi(HttpApiBase):
    """A TokenSession behind netcommon's httpapi connection. A vendor's plugin sets `session_class`."""

    session_class = TokenSession
    controller_poll_seconds = 0.5

    def __init__(self, connection):
        super().__init__(connection)
        self.session = self.session_class(self._session_option, log=self._log)
        self._log_wanted = False
        self._watcher = None
        self._abandoned = None
        self._targets_seen = set()

    def _session_option(self, name):
        if name == "timeout":
            # Leave the module a moment to answer before ansible-connection's command timeout.
            return max(1.0, self.connection.get_option("persistent_command_timeout") - 2.0)
        try:
            return self.get_option(name)
        except KeyError:
            return self.connection.get_option(name)

    # ----------------------------------------------------------- netcommon hooks
    def set_options(self, task_keys=None, var_options=None, direct=None):
        super().set_options(task_keys=task_keys, var_options=var_options, direct=direct)
        # With persistent_log_messages, ansible-connection logs every JSON-RPC message raw, and
        # those carry the connection password and module payloads with secrets. The controller
        # process sets options before starting the connection process: turn that raw log off
        # there and ask for this plugin's redacted request log instead.
        # Options are set several times per task; once asked for, the redacted log stays on.
        if self.connection.get_option("persistent_log_messages"):
            self._log_wanted = True
            self.connection.set_option("persistent_log_messages", False)
        if self._log_wanted:
            self.set_option("log_requests", True)
        self._note_target()

    def _note_target(self):
        """Remember every PBX the tasks on this connection are meant for. Tasks of different hosts set their
        options on the one shared connection, concurrently with --forks, so a request cannot tell whose options
        are current: once two targets are seen, the connection refuses every request rather than risk sending
        one host's request to another host's PBX."""
        try:
            target = self.session.target()
        except (NotSent, TypeError, KeyError):
            return  # not configured yet, or an invalid base_path that the first request reports
        if target[0] and "None" not in target[0]:
            self._targets_seen.add(target)

    def login(self, username, password):
        self._refuse_if_abandoned()
        self.session.login(username, password)
        self._start_controller_watch()

    def logout(self):
        self.session.close()

    def handle_httperror(self, exc):
        # Our requests never go through connection.send(); keep netcommon's 401 loop away anyway.
        return False

    def update_auth(self, response, response_text):
        return None

    # ------------------------------------------------------------ public RPC
    def send_request(self, data, method, path, query, idempotent, cache_as=None, invalidates=None):
        """TokenSession.request over the persistent connection; a request refused before it left the controller
        raises ConnectionError with code NOT_SENT, so the module does not count it as sent."""
        return self._through_session(lambda: self.session.request(method, path, query, data, idempotent, cache_as,
                                                                  invalidates))

    def download(self, path, dest, query=None):
        """TokenSession.download over the persistent connection: the file is written on the controller by this
        process and only its size and checksum go back to the module, never its bytes through JSON-RPC."""
        return self._through_session(lambda: self.session.download(path, dest, query))

    def _through_session(self, call):
        try:
            self._refuse_if_abandoned()
            self._refuse_other_targets()
            if not self.connection.connected:
                try:
                    _open(self.connection)
                except LoginFailed as exc:
                    raise NotSent(str(exc))
            answer = call()
        except NotSent as exc:
            raise RPCError(str(exc), code=NOT_SENT)
        self._start_controller_watch()
        return answer

    def _refuse_other_targets(self):
        if len(self._targets_seen) > 1:
            raise NotSent(
                "This persistent connection serves tasks meant for different PBXes (%s). Hosts that share address, "
                "port and user share one connection in ansible-core, and with several forks a request could reach "
                "another host's PBX; give each PBX its own ansible_host or API user. Nothing was sent."
                % ", ".join("%s as %r" % seen for seen in sorted(self._targets_seen)))
        target = self.session.target()
        if self.session.logged_in and self.session.logged_in_to != target:
            # ansible-core keys persistent connections by address, port and user only.
            raise NotSent(
                "This persistent connection is logged in to %s as %r, but the task is for %s as %r. Hosts that share "
                "address, port and user share one connection in ansible-core; give each PBX its own ansible_host "
                "or API user. Nothing was sent." % (self.session.logged_in_to + target))

    def _log(self, message):
        if self.get_option("log_requests"):
            display.display("telephony.pbx: " + message, log_only=True)

    # ------------------------------------------------ controller-exit watcher
    def _start_controller_watch(self):
        """Revoke the token as soon as ansible-playbook exits.

        ansible-core closes a host's persistent connection at the end of a run only if
        it recorded the socket; after plays ending in loop tasks, or on Ctrl-C, the
        connection lingers until its idle timeout and keeps its token, and the PBX
        allows only a few valid tokens per application.
        """
        pid = controller_pid(self.connection)
        if pid is None or pid == os.getpid() or self._watcher is not None or not self.session.logged_in:
            return
        self._watcher = threading.Thread(target=self._watch_controller, args=(pid,), daemon=True)
        self._watcher.start()

    def _watch_controller(self, pid):
        while controller_alive(pid):
            time.sleep(self.controller_poll_seconds)
        self._abandon(pid)

    def _refuse_if_abandoned(self):
        """Once the controller is gone, revoke the token and refuse everything, for good."""
        if self._abandoned is None:
            pid = controller_pid(self.connection)
            if pid is not None and pid != os.getpid() and not controller_alive(pid):
                self._abandon(pid)
        if self._abandoned:
            raise NotSent(self._abandoned)

    def _abandon(self, pid):
        if self._abandoned:
            return
        self._abandoned = (
            "The controller that started this connection (ansible-playbook, pid %d) is gone, so the connection revoked "
            "its token and refuses every further request: a worker left running by a killed run must not go on "
            "changing the PBX. Nothing was sent." % pid)
        self._log("controller process %d is gone; revoking the token" % pid)
        self.session.close()


class _TransportError(Exception):
    pass


def _shorten(text, limit=2000):
    return text if len(text) <= limit else text[:limit] + "... (%d more characters)" % (len(text) - limit)
