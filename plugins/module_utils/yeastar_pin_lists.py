# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar PIN lists as data: a name, the PINs (secrets the PBX shows in clear) and the CDR switch."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, ResourceSpec
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import YeastarAdapter, flag


def trimmed_name(value):
    """A name objects are referred to by: not empty, no spaces around it."""
    if not value.strip() or value != value.strip():
        return "must not be empty nor start or end with spaces"
    return None


def distinct_pins(values):
    # The repeated PIN is not named: PINs are secrets.
    return "lists a PIN more than once; each PIN may appear once" if len(set(values)) != len(values) else None


def split_pins(value):
    """The API's comma-separated string as a list of PINs."""
    return [pin.strip() for pin in value.split(",") if pin.strip()] if isinstance(value, str) else value


PIN_LIST = ResourceSpec("pin_list", "PIN list", [
    Field("name", identity=True, required=True, length=(1, 127), check=trimmed_name, doc=[
        "PIN list name, at most 127 characters; identifies the PIN list (outbound routes refer to it by it)."]),
    Field("pins", "list", elements="str", api="pin_list", secret=True, unordered=True, required_on_create=True,
          pattern=r"^[0-9]+$", pattern_hint="digits", check_list=distinct_pins, to_api=",".join, from_api=split_pins,
          doc=["The PINs (digits), each once; the complete list, in any order. Required when the PIN list is created.",
               "The PBX reveals them, so with O(update_password=always) they are compared with its list without being "
               "shown, and sent only when they differ. With the default O(update_password=on_create) they are sent "
               "only when the PIN list is created.",
               "Never shown: diffs, results and logs mask them."]),
    flag("enb_record_cdr", "Record in the call logs (CDR) which PIN a call used.", reset=False),
])


class PinListAdapter(YeastarAdapter):
    """PIN lists, known by name (outbound routes refer to them): the list pages hold every field, so no detail
    reads are needed."""

    spec = PIN_LIST
    kind = "pin_list"
    area = "pin_list"

    def list(self):
        listed = list(self.client.pages(self.area + "/list"))
        self.client.remember_table(self.kind, self.client.named_table(self.kind, listed))
        return listed

    def find(self, identity):
        for item in self.client.pages(self.area + "/search", search_value=identity["name"]):
            if item.get("name") == identity["name"]:
                return item
        return None

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"])
