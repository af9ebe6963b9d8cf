# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The PortSIP PBX REST API v22 as a TokenSession: sign-in (with the tenant domain), refresh, sign-out, the Bearer
token and what its answers mean. Used by the portsip httpapi plugin."""

from __future__ import annotations

from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginFailed,
    NotSent,
    Tokens,
    TokenSession,
)

API_PATH = "/api/"
DEFAULT_PORT = 8887
# Not documented by PortSIP: a refused refresh falls back to a new sign-in anyway.
REFRESH_TOKEN_TTL = 86400.0
DEFAULT_ACCESS_TTL = 1800.0


class PortsipSession(TokenSession):
    def __init__(self, options, log=None):
        super().__init__(options, log)
        given = self.get_option
        # PortSIP's API port unless the inventory names another.
        self.get_option = lambda name: (given(name) or DEFAULT_PORT) if name == "port" else given(name)

    def request(self, method, path, query=None, data=None, idempotent=True, cache_as=None, invalidates=None):
        """`path` is the resource path under /api/, such as ring_groups."""
        if path.startswith("auth/"):
            raise NotSent("Modules may not call PortSIP's auth/ endpoints (%s): the session signs in and out. "
                          "Nothing was sent." % path)
        return super().request(method, API_PATH + path, query, data, idempotent, cache_as, invalidates)

    def request_login(self, username, password):
        if not username or not password:
            raise LoginFailed("No PortSIP credentials: set ansible_user and ansible_httpapi_password to a PortSIP "
                              "user's sign-in name and password. No sign-in was attempted.")
        body = {"username": username, "password": password}
        domain = self.get_option("domain")
        if domain:
            body["domain"] = domain
        status, answer = self._auth_call("sign_in", body)
        if status == 200 and isinstance(answer, dict) and answer.get("two_factor_enabled"):
            raise LoginFailed(
                "Sign-in as %r at %s needs a second factor (two_factor_enabled): automation needs a PortSIP account "
                "without two-factor sign-in, since nobody can type the one-time password. Nothing else was sent."
                % (username, self.base_url()))
        if status != 200:
            raise LoginFailed(
                "Sign-in as %r%s was refused by the PBX at %s: %s. It is not retried; check ansible_user, "
                "ansible_httpapi_password and ansible_httpapi_portsip_domain."
                % (username, " in domain %r" % domain if domain else "", self.base_url(),
                   self.describe_answer(status, answer)))
        return self._tokens_from(answer)

    def request_refresh(self, tokens):
        status, answer = self._auth_call("refresh_token", {"refresh_token": tokens.refresh})
        if status != 200:
            raise LoginFailed("Token refresh was refused: %s" % self.describe_answer(status, answer))
        return self._tokens_from(answer)

    def request_logout(self, tokens):
        status, answer = self.exchange("POST", API_PATH + "auth/sign_out", None, None, tokens)
        if status not in (200, 204, 401):
            raise SignOutFailed("sign_out answered %s" % self.describe_answer(status, answer))

    def authorize(self, query, headers, access_token):
        headers["Authorization"] = "Bearer %s" % access_token
        return query, headers

    def classify(self, status, payload):
        if status >= 500 or status == 429:
            return TRANSIENT
        if status == 401:
            return TOKEN_EXPIRED
        return OK

    def describe_answer(self, status, payload):
        errors = payload.get("errors") if isinstance(payload, dict) else None
        if errors and isinstance(errors, list) and isinstance(errors[0], dict):
            return "HTTP %s %s %s" % (status, errors[0].get("code"), errors[0].get("message", ""))
        return super().describe_answer(status, payload)

    def _auth_call(self, endpoint, body):
        status, answer = self.exchange("POST", API_PATH + "auth/" + endpoint, None, body, None)
        if not isinstance(answer, dict):
            raise LoginFailed(
                "No PortSIP API answers at %s: auth/%s answered HTTP %s without JSON. Check ansible_host, "
                "ansible_httpapi_port (PortSIP's is 8887) and ansible_httpapi_use_ssl. The credentials were not "
                "judged." % (self.base_url() + API_PATH, endpoint, status))
        return status, answer

    @staticmethod
    def _tokens_from(answer):
        return Tokens(answer["access_token"], answer.get("refresh_token"),
                      float(answer.get("expires_in") or DEFAULT_ACCESS_TTL), REFRESH_TOKEN_TTL)


class SignOutFailed(Exception):
    pass
