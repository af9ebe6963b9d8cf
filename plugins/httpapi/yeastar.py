# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: yeastar
author: telephony.pbx maintainers (@telephony-pbx)
short_description: HttpApi plugin for the Yeastar P-Series OpenAPI v1.0
version_added: 0.1.0
description:
  - Connects to a Yeastar P-Series PBX (Software, Cloud or Appliance Edition) over its OpenAPI v1.0.
  - Use with O(ansible.netcommon.httpapi#connection:network_os=telephony.pbx.yeastar).
    The connection user (C(ansible_user)) is the API Client ID and the password
    (C(ansible_httpapi_password)) the Client Secret, both shown on the PBX web interface
    under Integrations > API.
  - Logs in once per host and run with C(get_token), refreshes the token pair before the
    access token expires, renews it once and resends a request the PBX answered with
    C(10004 TOKEN EXPIRED), and revokes the token with C(del_token) when the connection
    closes or the controller process exits, so repeated runs never exhaust the PBX's limit
    of 8 valid tokens per application.
  - A refused login fails at once and is never retried, because the PBX blocks the
    controller's address after 5 consecutive failed logins.
  - Reads that fail transiently (connection errors, HTTP 5xx) are retried with a
    bounded backoff; writes are never resent after an uncertain failure. C(70082) (the PBX is
    busy and did not act) is retried with the same backoff for every request, writes included.
  - Tokens and the Client Secret never appear in logs.
  - When the controller process is gone (killed with its workers left running), the connection
    revokes its token and refuses every further request; it never logs in again.
  - A login refused with C(60002) (all 8 tokens in use) is retried with backoff within the
    command timeout; it is not a failed login.
  - Warns once per connection when it is plain HTTP or certificate validation is off.
extends_documentation_fragment:
  - telephony.pbx.token_httpapi
options:
  base_path:
    description:
      - Path in front of C(/openapi/v1.0), for a PBX published behind a reverse proxy
        under a sub-path, such as C(/pbx/hotel). Leave empty for a PBX reached directly.
      - It starts with C(/) and holds no scheme, C(..), C(?) or C(#); anything else is refused
        before a request is sent.
    type: str
    default: ""
    vars:
      - name: ansible_httpapi_yeastar_base_path
notes:
  - ansible-core shares one persistent connection between hosts with the same address, port and user.
    PBXes published under different O(base_path)s of one address need their own Client IDs; the plugin
    refuses a request meant for another PBX than the one the connection logged in to.
  - The API uses the PBX web port, by default C(8088) for HTTPS. Set C(ansible_httpapi_port),
    C(ansible_httpapi_use_ssl), C(ansible_httpapi_validate_certs) and C(ansible_httpapi_ca_path)
    to match the PBX.
"""

import re

from ansible.module_utils.connection import ConnectionError as RPCError
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    BUSY,
    NOT_SENT,
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginDeferred,
    LoginFailed,
    Tokens,
    TokenHttpApi,
)

API_PATH = "/openapi/v1.0/"
TOKEN_EXPIRED_CODE = 10004
OVERLOADED_CODE = 70082
IP_BLOCKED_CODES = (70004, 70087)
TOKEN_CAP_CODE = 60002
VALID_BASE_PATH = re.compile(r"^/(?!.*(\.\.|[?#]|://))[^\s]*$")


class HttpApi(TokenHttpApi):
    def path_prefix(self):
        base = self.get_option("base_path") or ""
        if base and not VALID_BASE_PATH.match(base):
            raise RPCError("base_path (ansible_httpapi_yeastar_base_path) must be a path such as /pbx/hotel: it starts "
                           "with /, and holds no scheme, '..', '?' or '#'; got %r. Nothing was sent." % base,
                           code=NOT_SENT)
        return base.rstrip("/")

    def endpoint_path(self, endpoint):
        return API_PATH + endpoint

    def send_request(self, data, method, path, query, idempotent):
        return super().send_request(data, method, self.endpoint_path(path), query, idempotent)

    def request_login(self, username, password):
        if not username or not password:
            raise LoginFailed(
                "No Yeastar API credentials: set ansible_user to the Client ID and ansible_httpapi_password "
                "to the Client Secret (PBX web interface, Integrations > API). No login was attempted."
            )
        answer = self._token_call("get_token", {"username": username, "password": password})
        if answer.get("errcode") == TOKEN_CAP_CODE:
            raise LoginDeferred(
                "Login (get_token) at %s: the PBX allows 8 valid tokens per API application and all are in use, held "
                "by other runs or tools using Client ID %r, or by runs killed before they could revoke theirs. A token "
                "frees when its holder revokes it or after its 30-minute lifetime." % (self.base_url(), username))
        if answer.get("errcode") != 0:
            raise LoginFailed(self._login_refusal("Login (get_token) as Client ID %r" % username, answer))
        return self._tokens_from(answer)

    def request_refresh(self, tokens):
        answer = self._token_call("refresh_token", {"refresh_token": tokens.refresh})
        if answer.get("errcode") != 0:
            raise LoginFailed(self._login_refusal("Token refresh", answer))
        return self._tokens_from(answer)

    def request_logout(self, tokens):
        status, answer = self.exchange("GET", self.endpoint_path("del_token"), None, None, tokens)
        if not isinstance(answer, dict) or answer.get("errcode") not in (0, TOKEN_EXPIRED_CODE):
            raise RevocationFailed("del_token answered %s" % self.describe_answer(status, answer))

    def authorize(self, query, headers, access_token):
        query["access_token"] = access_token
        return query, headers

    def classify(self, status, payload):
        if status >= 500 or status == 429:
            return TRANSIENT
        if isinstance(payload, dict):
            if payload.get("errcode") == TOKEN_EXPIRED_CODE:
                return TOKEN_EXPIRED
            if payload.get("errcode") == OVERLOADED_CODE:
                return BUSY
        return OK

    def describe_answer(self, status, payload):
        if isinstance(payload, dict) and "errcode" in payload:
            return "errcode %s %s" % (payload.get("errcode"), payload.get("errmsg", ""))
        return super().describe_answer(status, payload)

    def _token_call(self, endpoint, body):
        status, answer = self.exchange("POST", self.endpoint_path(endpoint), None, body, None)
        if not isinstance(answer, dict) or "errcode" not in answer:
            raise LoginFailed(
                "No Yeastar API answers at %s: %s answered HTTP %s without the API's envelope. Check ansible_host, "
                "ansible_httpapi_port, ansible_httpapi_use_ssl and ansible_httpapi_yeastar_base_path, and that the "
                "API is enabled on the PBX (Integrations > API). The credentials were not judged."
                % (self.base_url() + API_PATH, endpoint, status))
        return answer

    def _login_refusal(self, what, answer):
        code, message = answer.get("errcode"), answer.get("errmsg", "")
        details = "; ".join(
            "%s: %s" % (item.get("field"), item.get("value", item.get("validation_type", "")))
            for item in answer.get("invalid_param_list") or []
        )
        text = "%s was refused by the PBX at %s: errcode %s %s%s." % (
            what, self.base_url(), code, message, " (%s)" % details if details else "")
        if code in IP_BLOCKED_CODES:
            text += (" The PBX has blocked this controller's IP address; remove it under Security > Security Rules >"
                     " IP Blocklist on the PBX web interface.")
        else:
            text += (" The login is not retried: the PBX blocks this controller's IP address after 5 consecutive"
                     " failed logins. Check ansible_user (Client ID) and ansible_httpapi_password (Client Secret).")
        return text

    @staticmethod
    def _tokens_from(answer):
        return Tokens(
            answer["access_token"],
            answer.get("refresh_token"),
            float(answer.get("access_token_expire_time") or 1800),
            float(answer.get("refresh_token_expire_time") or 86400),
        )


class RevocationFailed(Exception):
    pass
