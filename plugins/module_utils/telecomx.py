# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""TelecomX client for modules: HTTP statuses with a message token as PBXError, offset paging, and the
extension table that member lists resolve against, read once per task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.client import ApiClient
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import Named

PAGE_SIZE = 1000
# Message tokens that are codes; any other token names the offending field.
GENERIC_ERRORS = ("bad_request", "not_found", "access_denied", "internal_error", "credentials_invalid", "expired",
                  "invalid_token", "blacklisted", "in_use")
HINTS = {
    "access_denied": "The TelecomX user's access level does not allow this: a VIEWER reads only; changes need a "
                     "MANAGER or OWNER of the customer (or its RESELLER).",
    "credentials_invalid": "The API refused the token after a new login; if it is a machine-to-machine token "
                           "(ansible_httpapi_telecomx_m2m_token), it was deleted or is mistyped.",
    "blacklisted": "TelecomX has blacklisted the controller's IP address.",
}


class TelecomXClient(ApiClient):
    """TelecomX requests over the persistent httpapi connection."""

    REFERENCE_KINDS = {"extension": "load_extensions", "dialplan": "load_dialplan"}

    def read(self, path, cache_as=None, **params):
        return self._call("GET", path, params, None, True, cache_as)

    def write(self, method, path, body=None):
        """A change; in check mode only recorded as planned. It drops the connection's cached look-ups of its
        area (pbx/group)."""
        if self.check_mode:
            self.plan(method, path, None, body)
            return None
        return self._call(method, path, None, body, False, invalidates=area_of(path))

    def _call(self, method, path, params, body, idempotent, cache_as=None, invalidates=None):
        answer = self.send(method, path, params, body, idempotent, cache_as, invalidates)
        status, payload = answer.get("status"), answer.get("payload")
        if 200 <= status < 300:
            return payload
        raise self.error("%s %s" % (method, path), status, payload)

    def error(self, endpoint, status, payload):
        if not isinstance(payload, dict) or "error" not in payload:
            return PBXError(endpoint, errmsg=str(payload)[:500], http_status=status)
        token, message = payload.get("error"), payload.get("message")
        invalid = []
        if token not in GENERIC_ERRORS:
            # The token names the refused API field, with an index for a list item: members[1].
            field = token.split("[", 1)[0]
            option = self.option_name(field) if self.option_name else field
            invalid = [{"field": option + token[len(field):] + ("" if option == field else " (API field %s)" % field),
                        "reason": message}]
        return PBXError(endpoint, token, message, invalid=invalid, http_status=status,
                        hint=referrers_hint(payload.get("references")) or HINTS.get(token), answer=payload)

    def pages(self, path, key, cache_as=None, **params):
        """Every item of an offset/limit list."""
        offset = 0
        while True:
            answer = self.read(path, cache_as=cache_as, offset=offset, limit=PAGE_SIZE, **params)
            items = answer.get(key) or []
            yield from items
            offset += len(items)
            if not items or offset >= int(answer.get("total") or 0):
                return

    # ----------------------------------------------------- reference look-ups
    def extensions(self):
        return self.memo("extensions", lambda: list(self.pages("pbx/extension", "extensions", cache_as="pbx/extension")))

    def groups(self):
        return self.memo("groups", lambda: list(self.pages("pbx/group", "groups", full="true")))

    def load_extensions(self):
        return Named("extension", "number", [(e["_id"], e["number"]) for e in self.extensions()], key="numbered")

    def load_dialplan(self):
        """Extensions and groups by number: where a group's timeout may go."""
        items = self.extensions() + [g for g in self.groups() if g.get("number")]
        return Named("extension or group", "number", [(i["_id"], i["number"]) for i in items], key="numbered")

    def offline_table(self, kind):
        return Named(kind, "number", [], key="numbered")


def referrers_hint(references):
    """What points at an object the API refused to delete, in plain words."""
    if not references:
        return None
    return ("It is still the destination of: %s. Point those elsewhere first, then delete it."
            % ", ".join("%s %r%s" % (item.get("type") or "item", item.get("name"),
                                     " (number %s)" % item["number"] if item.get("number") else "")
                        for item in references))


def area_of(path):
    """pbx/group/0123... -> pbx/group"""
    return "/".join(path.split("/")[:2])
