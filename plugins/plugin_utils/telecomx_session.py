# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The TelecomX API (api.telecomx.dk) as a TokenSession: how it logs in (or uses a machine-to-machine token),
carries the token and fails; why it never logs out by default is in the telecomx httpapi plugin's documentation
and docs/telecomx.md. Used by the telecomx httpapi plugin and by controller-side plugins."""

from __future__ import annotations

from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginFailed,
    Tokens,
    TokenSession,
)

# A machine-to-machine or "persist" token does not expire; the lifecycle still wants a lifetime.
LASTING_SECONDS = 10 * 365 * 86400.0
# The 401 message tokens of a token the API no longer accepts (expired, unknown, or ended by a logout).
TOKEN_REFUSALS = ("expired", "credentials_invalid", "invalid_token")


class TelecomXSession(TokenSession):
    def request(self, method, path, query=None, data=None, idempotent=True, cache_as=None, invalidates=None):
        """`path` as the API documents it, without the leading slash: pbx/group."""
        return super().request(method, "/" + path, query, data, idempotent, cache_as, invalidates)

    def request_login(self, username, password):
        machine_token = self.get_option("m2m_token")
        if machine_token:
            self._log("using the machine-to-machine token given in m2m_token; no login")
            return Tokens(machine_token, None, LASTING_SECONDS, 0)
        if not username or not password:
            raise LoginFailed(
                "No TelecomX credentials: set ansible_user to the employee's e-mail address and "
                "ansible_httpapi_password to the password, or ansible_httpapi_telecomx_m2m_token to a "
                "machine-to-machine token. No login was attempted.")
        status, answer = self.exchange("POST", "/auth/login", None, {"username": username, "password": password}, None)
        if status == 200 and isinstance(answer, dict) and answer.get("token"):
            minutes = answer.get("expiresInMinutes")
            lifetime = LASTING_SECONDS if minutes in (None, -1) else float(minutes) * 60
            return Tokens(answer["token"], None, lifetime, 0)
        if not isinstance(answer, dict) or "error" not in answer:
            raise LoginFailed(
                "No TelecomX API answers at %s: /auth/login answered HTTP %s without the API's error format. Check "
                "ansible_host, ansible_httpapi_port and ansible_httpapi_use_ssl. The credentials were not judged."
                % (self.base_url(), status))
        raise LoginFailed(
            "Login (/auth/login) as %r was refused by TelecomX at %s: %s. The login is not retried, so that a wrong "
            "password cannot lock the account; check ansible_user (the employee's e-mail address) and "
            "ansible_httpapi_password, or use a machine-to-machine token (ansible_httpapi_telecomx_m2m_token)."
            % (username, self.base_url(), self.describe_answer(status, answer)))

    def request_logout(self, tokens):
        if self.get_option("m2m_token") or not self.get_option("logout"):
            # /auth/logout would end every token of the user, other jobs' included; the token expires by itself.
            self._log("leaving the token valid: /auth/logout is off (it ends every token of the user)")
            return
        self.exchange("GET", "/auth/logout", None, None, tokens)

    def authorize(self, query, headers, access_token):
        if self.get_option("token_transport") == "header":
            headers["Authorization"] = "Bearer " + access_token
        else:
            query["token"] = access_token
        return query, headers

    def classify(self, status, payload):
        if status >= 500 or status == 429:
            return TRANSIENT
        if status == 401 and isinstance(payload, dict) and payload.get("error") in TOKEN_REFUSALS:
            return TOKEN_EXPIRED
        return OK

    def describe_answer(self, status, payload):
        if isinstance(payload, dict) and "error" in payload:
            return "HTTP %s %s (%s)" % (status, payload.get("error"), payload.get("message") or "")
        return super().describe_answer(status, payload)
