# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one exception type for errors a PBX reports, rendered in plain words.

Vendor-neutral: each vendor's client turns its own error format into a PBXError
(Yeastar's envelope in module_utils/yeastar.py), with fields already named by their options."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class TransportFailure(Exception):
    """The connection could not complete a request (login refused, PBX unreachable)."""


class PBXError(Exception):
    """A request the PBX answered with an error.

    `invalid` lists {"field", "reason", "value"} and `duplicates` {"field", "value", "holder"}, fields
    named as the user knows them; `answer` keeps the vendor's raw error for the result."""

    def __init__(self, endpoint, errcode=None, errmsg=None, detail=None, invalid=None, duplicates=None,
                 http_status=None, hint=None, answer=None):
        self.endpoint = endpoint
        self.errcode = errcode
        self.errmsg = errmsg
        self.detail = detail
        self.invalid = invalid or []
        self.duplicates = duplicates or []
        self.http_status = http_status
        self.hint = hint
        self.answer = answer
        super(PBXError, self).__init__(self.render())

    def render(self):
        if self.errcode is None:
            return "The PBX answered %s with HTTP %s and no API error format: %s" % (
                self.endpoint, self.http_status, self.errmsg)
        text = "The PBX refused %s: errcode %s %s" % (self.endpoint, self.errcode, self.errmsg or "")
        if self.detail:
            text += " (%s)" % self.detail
        text += "."
        if self.invalid:
            text += " Invalid: %s." % "; ".join(_invalid(item) for item in self.invalid)
        if self.duplicates:
            text += " Already in use: %s." % "; ".join(_duplicate(item) for item in self.duplicates)
        if self.hint:
            text += " " + self.hint
        return text

    def as_dict(self):
        return {
            "endpoint": self.endpoint,
            "errcode": self.errcode,
            "errmsg": self.errmsg,
            "detail": self.detail,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "http_status": self.http_status,
            "answer": self.answer,
        }


def _invalid(item):
    reason = item.get("reason") or "rejected"
    if item.get("value") not in (None, ""):
        reason += ", value %r" % (item["value"],)
    return "%s (%s)" % (item.get("field") or "?", reason)


def _duplicate(item):
    return "%s %r is already used by %s" % (item.get("field") or "?", item.get("value"),
                                            item.get("holder") or "another object")
