# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Yeastar P-Series OpenAPI v1.0 as a TokenSession: how it logs in, refreshes, signs out, carries the token
and fails. Used by the yeastar httpapi plugin and directly by controller-side plugins (inventory, events)."""

from __future__ import annotations

import re

from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import (
    BUSY,
    OK,
    TOKEN_EXPIRED,
    TRANSIENT,
    LoginDeferred,
    LoginFailed,
    NotSent,
    Tokens,
    TokenSession,
)

API_PATH = "/openapi/v1.0/"
TOKEN_EXPIRED_CODE = 10004
OVERLOADED_CODE = 70082
IP_BLOCKED_CODES = (70004, 70087)
TOKEN_CAP_CODE = 60002
VALID_BASE_PATH = re.compile(r"^/(?!.*(\.\.|[?#]|://))[^\s]*$")


class YeastarSession(TokenSession):
    setting_names = dict(
        TokenSession.setting_names,
        client_id="ansible_user",
        client_secret="ansible_httpapi_password",
        address="ansible_host, ansible_httpapi_port, ansible_httpapi_use_ssl and ansible_httpapi_yeastar_base_path",
        base_path="ansible_httpapi_yeastar_base_path",
    )

    def path_prefix(self):
        base = self.get_option("base_path") or ""
        if base and not VALID_BASE_PATH.match(base):
            raise NotSent("The base path (%s) must be a path such as /pbx/hotel: it starts with /, and holds no "
                          "scheme, '..', '?' or '#'; got %r. Nothing was sent."
                          % (self.setting_names["base_path"], base))
        return base.rstrip("/")

    def endpoint_path(self, endpoint):
        return API_PATH + endpoint

    def request(self, method, path, query=None, data=None, idempotent=True, cache_as=None, invalidates=None):
        """`path` is the endpoint, such as extension/list."""
        return super().request(method, self.endpoint_path(path), query, data, idempotent, cache_as, invalidates)

    def request_login(self, username, password):
        if not username or not password:
            raise LoginFailed(
                "No Yeastar API credentials: set %s to the Client ID and %s to the Client Secret (PBX web "
                "interface, Integrations > API). No login was attempted."
                % (self.setting_names["client_id"], self.setting_names["client_secret"]))
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

    def succeeded(self, status, payload):
        return status == 200 and isinstance(payload, dict) and payload.get("errcode") == 0

    def describe_answer(self, status, payload):
        if isinstance(payload, dict) and "errcode" in payload:
            return "errcode %s %s" % (payload.get("errcode"), payload.get("errmsg", ""))
        return super().describe_answer(status, payload)

    def _token_call(self, endpoint, body):
        status, answer = self.exchange("POST", self.endpoint_path(endpoint), None, body, None)
        if not isinstance(answer, dict) or "errcode" not in answer:
            raise LoginFailed(
                "No Yeastar API answers at %s: %s answered HTTP %s without the API's envelope. Check %s, and that "
                "the API is enabled on the PBX (Integrations > API). The credentials were not judged."
                % (self.base_url() + API_PATH, endpoint, status, self.setting_names["address"]))
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
                     " failed logins. Check %s (Client ID) and %s (Client Secret)."
                     % (self.setting_names["client_id"], self.setting_names["client_secret"]))
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
