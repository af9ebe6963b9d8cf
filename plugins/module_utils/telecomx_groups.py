# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""TelecomX groups (ring groups) as data: the fields of api:pbx:group (seed 002) and how a group is read and
written. Members and controllers are extension numbers, resolved to ids with one extension listing."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, Reference, ResourceSpec

STRATEGIES = ["all", "sequential", "random"]
MAX_RING_TIME = 3600
# The controllers' permissions, option name -> API name (seed 002), each off on a new group.
PERMISSIONS = [
    ("pickup", "pickup", "pick up ringing phones in the group"),
    ("steal", "steal", "steal an ongoing call from a member extension"),
    ("spy", "spy", "listen in on an ongoing call on a member extension"),
    ("set_presence", "setPresence", "set presence for member extensions (employees)"),
    ("queue_member", "queueMember", "add member extensions to queues and remove them"),
    ("view_other_party", "viewOtherParty", "see who member extensions are on a call with (number and name)"),
    ("sms", "sms", "send group SMS to the group's members"),
    ("read_calendar", "readCalendar", "read non-private events in the members' calendars"),
    ("write_calendar", "writeCalendar", "create, update and delete events in the members' calendars"),
    ("read_phonebook", "readPhonebook", "read the members' phonebooks"),
    # The seed's field table spells it writePhoneBook, its example (an API answer) writePhonebook.
    ("write_phonebook", "writePhonebook", "create, update and delete contacts in the members' phonebooks"),
]


def group_name(value):
    if not value.strip() or value != value.strip():
        return "must not be empty nor start or end with spaces"
    return None


def null_when_empty(value):
    """The API's null for an option given as "" (not dialable, no redirect, no start audio)."""
    return value or None


def lower(value):
    return value.lower() if isinstance(value, str) else value


class OptionalReference(Reference):
    """A reference that "" clears (the API's null)."""

    def from_option(self, field, value, resolve):
        return None if value == "" else super(OptionalReference, self).from_option(field, value, resolve)


GROUP = ResourceSpec("group", "TelecomX group", [
    Field("name", identity=True, required=True, length=(1, 255), check=group_name, doc=[
        "Group name; identifies the group (its number may be null, so the number cannot)."]),
    Field("number", pattern=r"^[0-9]*$", pattern_hint="digits, or an empty string", to_api=null_when_empty,
          reset="", doc=["The number to dial to reach the group. An empty string makes the group not dialable "
                         "(the API's null)."]),
    Field("strategy", choices=STRATEGIES, to_api=str.upper, from_api=lower, create_default="all", reset="all", doc=[
        "How a call to the group rings the members: C(all) at once; C(sequential) one at a time, in the order of "
        "O(members), for O(ring_time) seconds each; C(random) one at a time in random order.",
        "A new group gets C(all)."]),
    Field("ring_time", "int", api="ringTime", value_range=(0, MAX_RING_TIME), reset=20, doc=[
        "Seconds each member rings (C(sequential), C(random)), or the group rings (C(all)) before the call goes to "
        "O(timeout_goto); C(0) rings forever. A new group gets 20."]),
    Field("members", "list", elements="str", reference="extension", reset=[], doc=[
        "Numbers of the member extensions, in ring order; the complete list. The module looks their ids up in one "
        "listing of the extensions."]),
    Field("controllers", "list", elements="str", reference="extension", unordered=True, reset=[], doc=[
        "Numbers of the extensions that control the group (pick up, steal, listen in... as the permissions below "
        "allow); the complete list, in any order."]),
    Field("timeout_goto", api="timeoutGoto", reference="dialplan", codec=OptionalReference(many=False), reset="",
          doc=["Number of the extension or group a call goes to when nobody answers within O(ring_time). An empty "
               "string removes it."]),
    Field("start_audio", api="startAudio", pattern=r"^([0-9A-Fa-f]{24})?$",
          pattern_hint="the id of a sound item (24 hexadecimal characters), or an empty string",
          to_api=null_when_empty, reset="", doc=[
              "Id of the sound item played when a call enters the group; an empty string plays none."]),
    Field("redirect", to_api=null_when_empty, reset="", doc=[
        "A number every call is redirected to before the group rings (to bypass the group quickly, such as a "
        "mobile); an empty string removes it."]),
    Field("notes", reset="", doc="Notes about the group."),
] + [Field(name, "bool", api=api, api_true=True, api_false=False, reset=False,
           doc="Whether the controllers may %s." % words) for name, api, words in PERMISSIONS])


class TelecomXGroupAdapter(ResourceAdapter):
    """TelecomX groups, known by name: one full listing holds every field, so no detail reads are needed."""

    spec = GROUP
    area = "pbx/group"

    def list(self):
        return self.client.groups()

    def find(self, identity):
        matches = [group for group in self.list() if group.get("name") == identity["name"]]
        if len(matches) > 1:
            raise InputError("name: %d groups are named %r on this PBX (numbers %s); the module cannot tell which "
                             "one is meant. Rename all but one." % (
                                 len(matches), identity["name"], ", ".join(str(g.get("number")) for g in matches)))
        return matches[0] if matches else None

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"])

    def create(self, payload):
        return self.client.write("POST", self.area, body=payload) or dict(payload)

    def update(self, current, payload):
        self.client.write("POST", "%s/%s" % (self.area, current["_id"]), body=payload)

    def delete(self, current):
        self.client.write("DELETE", "%s/%s" % (self.area, current["_id"]))
