# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""PortSIP PBX REST API v22 client for modules: paths under /api/, skip/top paging, and the
{"errors": [{code, message, detail}]} envelope turned into the collection's PBXError."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.telephony.pbx.plugins.module_utils.client import ApiClient
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError

PAGE_SIZE = 100  # the API's largest `top`
FIELD_HEAD = re.compile(r"^(?P<head>[a-z_]+)(?P<tail>.*)$")
# The agents endpoint calls its member list `items`; the resource field that carries it is `agents`.
ENDPOINT_FIELDS = {"agents": {"items": "agents"}}


class PortsipClient(ApiClient):
    """PortSIP requests over the persistent httpapi connection."""

    def read(self, path, **params):
        return self._call("GET", path, params, None, True)

    def write(self, path, body=None):
        """A POST that changes the PBX (PortSIP creates, replaces and destroys with POST); planned in check mode."""
        if self.check_mode:
            self.plan("POST", path, None, body)
            return None
        return self._call("POST", path, None, body, False)

    def _call(self, method, path, params, body, idempotent):
        answer = self.send(method, path, params, body, idempotent)
        status, payload = answer.get("status"), answer.get("payload")
        if 200 <= status < 300:
            return payload
        raise portsip_error(path, status, payload, self.option_name)

    def pages(self, path, **params):
        """Every item of a {count, items} list, read `top` items at a time."""
        skip = 0
        while True:
            answer = self.read(path, skip=skip, top=PAGE_SIZE, **params)
            items = answer.get("items") or []
            yield from items
            skip += len(items)
            if not items or skip >= int(answer.get("count") or 0):
                return

    def filtered(self, path, **terms):
        """The items whose fields equal `terms`, found with the API's filter (one request for a unique key)."""
        expression = " and ".join("%s eq '%s'" % (name, str(value).replace("'", "''"))
                                  for name, value in sorted(terms.items()))
        return list(self.pages(path, filter=expression))


def portsip_error(path, status, payload, option_name=None):
    """A PortSIP error answer as the collection's PBXError; the fields named in `detail` become option names."""
    errors = payload.get("errors") if isinstance(payload, dict) else None
    if not errors or not isinstance(errors, list) or not isinstance(errors[0], dict):
        return PBXError(path, errmsg=str(payload)[:500], http_status=status)
    first = errors[0]
    detail = first.get("detail")
    invalid = []
    for error in errors:
        where = error.get("detail") if isinstance(error.get("detail"), dict) else {}
        if where.get("field"):
            invalid.append({"field": _option_field(path, where["field"], option_name),
                            "reason": where.get("reason") or error.get("message")})
    return PBXError(path, first.get("code") or "UNKNOWN", first.get("message"),
                    None if isinstance(detail, dict) else detail, invalid, http_status=status, answer=payload)


def _option_field(path, api_field, option_name):
    """`items[1].skill_level` of ring_groups/ID/agents -> `members[1].skill_level (API field ...)`."""
    match = FIELD_HEAD.match(api_field)
    if not match or option_name is None:
        return api_field
    head = ENDPOINT_FIELDS.get(path.rsplit("/", 1)[-1], {}).get(match["head"], match["head"])
    option = option_name(head) + match["tail"]
    return option if option == api_field else "%s (API field %s)" % (option, api_field)
