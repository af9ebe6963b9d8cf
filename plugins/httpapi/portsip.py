# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: portsip
author: telephony.pbx maintainers (@telephony-pbx)
short_description: HttpApi plugin for the PortSIP PBX REST API (v22)
version_added: 0.1.0
description:
  - Connects to a PortSIP PBX over its REST API v22 (C(https://HOST:8887/api/...)).
  - Use with O(ansible.netcommon.httpapi#connection:network_os=telephony.pbx.portsip).
    The connection user (C(ansible_user)) and password (C(ansible_httpapi_password)) are a PortSIP user's
    sign-in name and password; O(domain) names the tenant's SIP domain (leave it out for the system admin).
  - Signs in once per host and run with C(POST /api/auth/sign_in), refreshes the token with
    C(POST /api/auth/refresh_token) before C(expires_in) runs out, renews it once and resends a request the PBX
    answered with HTTP 401, and signs out with C(POST /api/auth/sign_out) when the connection closes or the
    controller process exits.
  - "The token travels as C(Authorization: Bearer) and never appears in logs."
  - A refused sign-in fails at once and is never retried. A sign-in answered with C(two_factor_enabled)
    fails at once too; automation needs a PortSIP account without two-factor sign-in, since there is nobody to
    type the one-time password.
  - Reads that fail transiently (connection errors, HTTP 5xx, 429) are retried with a bounded backoff; writes
    are never resent after an uncertain failure.
  - Errors the PBX answers (HTTP 4xx with a list of errors, each with a code, a message and a detail) reach the
    modules, which report them as the collection's one error shape with the offending fields named by their options.
extends_documentation_fragment:
  - telephony.pbx.token_httpapi
options:
  domain:
    description:
      - The tenant's SIP domain the user belongs to, sent with the sign-in. Leave it out for the system admin.
    type: str
    vars:
      - name: ansible_httpapi_portsip_domain
notes:
  - The API port is C(8887) unless C(ansible_httpapi_port) says otherwise. PortSIP serves it over HTTPS, so set
    C(ansible_httpapi_use_ssl=true) (the connection's own default is plain HTTP), and
    C(ansible_httpapi_validate_certs) and C(ansible_httpapi_ca_path) to match the PBX's certificate.
  - PortSIP does not document how long a refresh token lasts; the plugin assumes a day and signs in again
    whenever a refresh is refused.
"""

from ansible.module_utils.connection import ConnectionError as RPCError
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    NOT_SENT,
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginFailed,
    Tokens,
    TokenHttpApi,
)

API_PATH = "/api/"
DEFAULT_PORT = 8887
# Not documented by PortSIP: a refused refresh falls back to a new sign-in anyway.
REFRESH_TOKEN_TTL = 86400.0
DEFAULT_ACCESS_TTL = 1800.0


class HttpApi(TokenHttpApi):
    def set_options(self, task_keys=None, var_options=None, direct=None):
        super().set_options(task_keys=task_keys, var_options=var_options, direct=direct)
        if not self.connection.get_option("port"):
            self.connection.set_option("port", DEFAULT_PORT)

    def send_request(self, data, method, path, query, idempotent, cache_as=None, invalidates=None):
        if path.startswith("auth/"):
            raise RPCError("Modules may not call PortSIP's auth/ endpoints (%s): the connection signs in and out. "
                           "Nothing was sent." % path, code=NOT_SENT)
        return super().send_request(data, method, API_PATH + path, query, idempotent, cache_as, invalidates)

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
