# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one exception type for errors the PBX reports, rendered in plain words."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class TransportFailure(Exception):
    """The connection could not complete a request (login refused, PBX unreachable)."""


class PBXError(Exception):
    """A request the PBX answered with an error: errcode, errmsg and the offending fields."""

    def __init__(self, endpoint, errcode=None, errmsg=None, submsg=None, invalid_params=None,
                 duplicate_fields=None, http_status=None, option_name=None):
        self.endpoint = endpoint
        self.errcode = errcode
        self.errmsg = errmsg
        self.submsg = submsg
        self.invalid_params = invalid_params or []
        self.duplicate_fields = duplicate_fields or []
        self.http_status = http_status
        self._option_name = option_name or (lambda name: name)
        super(PBXError, self).__init__(self.render())

    @classmethod
    def from_envelope(cls, endpoint, envelope, option_name=None):
        return cls(endpoint, envelope.get("errcode"), envelope.get("errmsg"), envelope.get("submsg"),
                   envelope.get("invalid_param_list"), envelope.get("duplicate_field_list"),
                   option_name=option_name)

    def _field(self, api_name):
        option = self._option_name(api_name)
        return option if option == api_name else "%s (API field %s)" % (option, api_name)

    def render(self):
        if self.errcode is None:
            return "The PBX answered %s with HTTP %s and no API envelope: %s" % (
                self.endpoint, self.http_status, self.errmsg)
        text = "The PBX refused %s: errcode %s %s" % (self.endpoint, self.errcode, self.errmsg or "")
        if self.submsg:
            text += " (%s)" % self.submsg
        text += "."
        if self.invalid_params:
            text += " Invalid: %s." % "; ".join(self._invalid(item) for item in self.invalid_params)
        if self.duplicate_fields:
            text += " Already in use: %s." % "; ".join(self._duplicate(item) for item in self.duplicate_fields)
        hint = HINTS.get(self.errcode)
        if hint:
            text += " " + hint
        return text

    def _invalid(self, item):
        reason = item.get("validation_type") or item.get("reason") or "rejected"
        if "value" in item and item.get("value") not in (None, ""):
            reason += ", value %r" % (item["value"],)
        return "%s (%s)" % (self._field(item.get("field", "?")), reason)

    def _duplicate(self, item):
        holder = " ".join(str(v) for v in (item.get("external_source"), item.get("external_source_name")) if v)
        return "%s %r is already used by %s" % (self._field(item.get("field", "?")), item.get("value"), holder or "another object")

    def as_dict(self):
        return {
            "endpoint": self.endpoint,
            "errcode": self.errcode,
            "errmsg": self.errmsg,
            "submsg": self.submsg,
            "invalid_param_list": self.invalid_params,
            "duplicate_field_list": self.duplicate_fields,
            "http_status": self.http_status,
        }


HINTS = {
    10001: "The PBX does not offer this endpoint; check the firmware version (83.7.0.16 or later).",
    10005: "The API application lacks the permission for this request.",
    60001: "The object no longer exists; it may have been deleted meanwhile. Re-run the task.",
    60002: "A PBX limit was reached (number of objects, department depth, or licence capacity).",
    60101: "The role does not exist on this PBX.",
    70120: "Department Management is not enabled on this PBX.",
    70082: "The PBX is overloaded; try again later.",
}
