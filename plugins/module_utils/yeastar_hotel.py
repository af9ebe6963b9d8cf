# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Yeastar hotel application as data: wake-up calls (wakeupcall/*), a room's whole set of them, and the
guest's check-in (extension/update) and check-out (hotel/checkout). Sources: the API manual's hotel chapter
(L15021-15601), its hotel scenario (L18430-18514) and error codes 70516 and 70524.

Where the manual contradicts itself, the choices are (docs/hotel.md):
  * a room holds up to 23 wake-up calls (L15347, and the list examples with two alarms for one extension);
    "only 1 alarm at a time" (L15343) is read as one alarm per create request;
  * repeat_type is a string (the update table, and every value the manual lists is a word), sent as the
    days joined by commas without spaces; answers are read with or without spaces after the commas."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import PartialApply, Reconciler, gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.client import Pending
from ansible_collections.telephony.pbx.plugins.module_utils.engine import (
    UPDATE_PASSWORD_DEFAULT,
    apply_plan,
    ensure,
    mask_secrets,
    plan_present,
)
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, ResourceSpec
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION, ExtensionAdapter, YeastarAdapter

DAYS = ["every_monday", "every_tuesday", "every_wednesday", "every_thursday", "every_friday", "every_saturday",
        "every_sunday"]
REPEATS = ["never"] + DAYS
MAX_PER_ROOM = 23


def normalised_time(value):
    """07:30 for 7:30: the PBX answers zero-padded times, and an alarm is known by its time."""
    hours, _colon, minutes = value.strip().partition(":")
    return "%02d:%s" % (int(hours), minutes)


def repeat_problem(values):
    if not values:
        return "must list never, or the days the wake-up call repeats on"
    if "never" in values and len(values) > 1:
        return "cannot combine never with days: never means the wake-up call rings once"
    return None


def split_days(value):
    """The API's comma-separated string as a list; the manual's own example puts a space after each comma."""
    return [day.strip() for day in str(value).split(",") if day.strip()]


def joined_days(days):
    return ",".join(sorted(days, key=REPEATS.index))


def positive(value):
    return "must be at least 1 (minutes)" if value < 1 else None


WAKEUP_CALL = ResourceSpec("wakeup_call", "wake-up call", [
    Field("extension", identity=True, required=True, pattern=r"^[0-9]{1,7}$", pattern_hint="digits only, at most 7",
          doc="Extension number of the room; with O(alarm_time), identifies the wake-up call."),
    Field("alarm_time", identity=True, required=True, pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
          pattern_hint="a 24-hour time such as 07:30", doc=[
              "Time the room's phone rings, 24-hour C(HH:MM) (C(7:30) is C(07:30)); with O(extension), identifies "
              "the wake-up call, so a room has at most one wake-up call at a given time."]),
    Field("repeat", "list", elements="str", api="repeat_type", choices=REPEATS, unordered=True,
          check_list=repeat_problem, to_api=joined_days, from_api=split_days, reset=["never"], doc=[
              "C([never]) rings once (the PBX then deletes the wake-up call), or the days it rings on, such as "
              "C([every_monday, every_friday]); compared as a set.",
              "When the wake-up call is created without it, C([never])."]),
    Field("snoozes", "int", api="number_of_snoozes", choices=[0, 1, 2, 3], reset=0, doc=[
        "How many times the call rings again when not answered. When the wake-up call is created without it, C(0)."]),
    Field("snooze_interval", "int", api="snooze_duration", check=positive, reset=10, doc=[
        "Minutes between the rings again. When the wake-up call is created without it, C(10)."]),
    Field("prompt", api="alarm_prompt", reset="", doc=[
        "Name of the custom prompt played when the guest answers, as listed under PBX Settings > Prompts > Custom "
        "Prompts; empty plays the hold music (what a new wake-up call gets)."]),
])


class WakeupCallAdapter(YeastarAdapter):
    """Wake-up calls, known by room and time. wakeupcall/list answers by room (rooms with alarms only) with
    ids; room numbers come from the extension table, which a yeastar_config task has read already."""

    spec = WAKEUP_CALL
    area = "wakeupcall"

    def list(self):
        return [dict(alarm, ext_id=room["ext_id"]) for room in self.client.pages(self.area + "/list")
                for alarm in room.get("wakeup_call") or []]

    def room_id(self, number):
        return self.client.resolve("extension", [number], "extension")[0]

    def room_alarms(self, ext_id):
        """A room's wake-up calls, one request; none for a room check mode has not created."""
        if isinstance(ext_id, Pending):
            return []
        room = self.client.read(self.area + "/get", ext_id=ext_id).get("data") or {}
        return [dict(alarm, ext_id=ext_id) for alarm in room.get("wakeup_call") or []]

    def find(self, identity):
        wanted = self.key(identity)
        for alarm in self.room_alarms(self.room_id(identity["extension"])):
            if self.key(self.identity_of(alarm)) == wanted:
                return alarm
        return None

    def number_of(self, ext_id):
        return self.client.names("extension", [ext_id])[0]

    def identity_of(self, current):
        return {"extension": str(self.number_of(current["ext_id"])), "alarm_time": current["alarm_time"]}

    def key(self, identity):
        return (identity["extension"], normalised_time(identity["alarm_time"]))

    def sort_key(self, shown):
        return (len(shown["extension"]), shown["extension"], normalised_time(shown["alarm_time"]))

    def label(self, identity):
        return "wake-up call %s at %s" % (identity["extension"], normalised_time(identity["alarm_time"]))

    def create_payload(self, identity, fields):
        return dict(fields, ext_id=self.room_id(identity["extension"]), alarm_time=normalised_time(identity["alarm_time"]))

    def delete(self, current):
        self.client.write("GET", self.area + "/delete",
                          params={"ext_id": current["ext_id"], "wakeup_call_id": current["id"]})


class RoomWakeupCallAdapter(WakeupCallAdapter):
    """The wake-up calls of one room, whose number and id are known: one wakeupcall/get reads them all."""

    def __init__(self, client, number, ext_id):
        super(RoomWakeupCallAdapter, self).__init__(client)
        self.number = number
        self.ext_id = ext_id

    def list(self):
        return self.room_alarms(self.ext_id)

    def room_id(self, number):
        return self.ext_id

    def number_of(self, ext_id):
        return self.number


def alarm_fields():
    """A wake-up call of a room whose number is given once: the spec's fields but the extension."""
    return [field for field in WAKEUP_CALL.fields if not field.identity or field.name == "alarm_time"]


def module_alarm_fields():
    """The single-alarm options of yeastar_wakeup_call: alarm_time is not required there, `alarms` may stand
    for it."""
    fields = []
    for field in WAKEUP_CALL.fields:
        if field.name == "alarm_time":
            field = copy.copy(field)
            field.required = False
        fields.append(field)
    return fields


def converge_room(client, number, ext_id, alarms):
    """Give a room exactly the wake-up calls listed (options not given at their defaults), removing the others;
    returns (changed, before, after), each a list of the room's wake-up calls in option form."""
    if len(alarms) > MAX_PER_ROOM:
        raise InputError("a room holds at most %d wake-up calls; %d are listed for %s"
                         % (MAX_PER_ROOM, len(alarms), number))
    items = [dict(alarm, extension=number) for alarm in alarms]
    reconciler = Reconciler(client, [("wakeup_calls", lambda c: RoomWakeupCallAdapter(c, number, ext_id))],
                            {"wakeup_calls": items}, "overridden", UPDATE_PASSWORD_DEFAULT).validated()
    result = reconciler.apply().result()

    def shown(listed):
        return [dict((key, value) for key, value in alarm.items() if key != "extension") for alarm in listed]
    return result["changed"], shown(result["before"]["wakeup_calls"]), shown(result["after"]["wakeup_calls"])


def ensure_wakeup_calls(client, params):
    """yeastar_wakeup_call: one alarm (by room and time), or a room's whole set (`alarms`)."""
    if params.get("alarms") is None:
        return ensure(WakeupCallAdapter(client), params)
    if params["state"] == "absent":
        raise InputError("alarms lists the wake-up calls a room keeps; to remove them all, give alarms: [] "
                         "with state=present")
    adapter = WakeupCallAdapter(client)
    number = params["extension"]
    changed, before, after = converge_room(client, number, adapter.room_id(number), params["alarms"])
    return {"changed": changed, "wakeup_calls": after,
            "diff": {"before": {"extension": number, "alarms": before}, "after": {"extension": number, "alarms": after}},
            "api_requests": client.report()}


# ------------------------------------------------------------------------------------------- guests
GUEST_STATES = ["checked_in", "checked_out"]
# The room extension's options a check-in sets: the extension spec's own fields, not copies.
GUEST_OPTIONS = ["first_name", "last_name", "email_addr", "mobile_number", "presence_status", "enb_vm", "enb_vm_pin",
                 "vm_pin", "new_vm_notification", "vm_after_notification", "outbound_routes"]
# What hotel/checkout clears that the API can read back (L15549-15552), as options: a room holding these values
# and no wake-up call is vacant. The user password (never revealed), voicemail messages and call records (not
# readable through the API) do not count.
CLEARED_BY_CHECKOUT = {"first_name": "", "last_name": "", "email_addr": "", "mobile_number": "",
                       "presence_status": "available", "outbound_routes": []}
# What check-out always empties: a check-out cannot set them.
GUEST_ONLY = ["email_addr", "mobile_number", "vm_pin"]


def guest_fields():
    return [EXTENSION.by_name[name] for name in GUEST_OPTIONS]


def find_room(adapter, room):
    current = adapter.find({"number": room})
    if current is None:
        raise InputError("room %s: no extension %s exists on this PBX; provision the room first "
                         "(telephony.pbx.hotel_rooms, playbooks/hotel_provision.yml)" % (room, room))
    return current


def shown_alarms(adapter, alarms):
    return sorted((dict((k, v) for k, v in gathered_item(adapter, alarm).items() if k != "extension")
                   for alarm in alarms), key=lambda alarm: alarm["alarm_time"])


def ensure_guest(client, params):
    """yeastar_hotel_guest: put a guest on a room extension, or check the room out."""
    room = params["room"]
    identity = {"number": room}
    given = EXTENSION.wanted_options(dict((name, params.get(name)) for name in GUEST_OPTIONS))
    adapter = ExtensionAdapter(client)
    if params["state"] == "checked_out":
        refused = [name for name in GUEST_ONLY + ["wakeup_calls"] if params.get(name) is not None]
        if refused:
            raise InputError("%s: check-out empties %s; give %s with state=checked_in only"
                             % (", ".join(refused), "them" if len(refused) > 1 else "it", ", ".join(refused)))
        current = find_room(adapter, room)
        return check_out(client, adapter, identity, current, given)
    current = find_room(adapter, room)
    plan = plan_present(adapter, identity, given, current, "always")
    after = apply_plan(adapter, plan, identity)
    before_shown, after_shown = dict(plan.before), dict(plan.after)
    changed = plan.action is not None
    alarms = None
    if params.get("wakeup_calls") is not None:
        try:
            moved, before_shown["wakeup_calls"], alarms = converge_room(client, room, current["id"],
                                                                        params["wakeup_calls"])
        except PartialApply as exc:
            if not changed:
                raise
            raise PartialApply(exc.cause, ["updated %s" % adapter.label(identity)] + exc.applied, exc.not_applied)
        after_shown["wakeup_calls"] = alarms
        changed = changed or moved
    return guest_result(client, changed, after, alarms, before_shown, after_shown)


def check_out(client, adapter, identity, current, vacant):
    """hotel/checkout when the room is not vacant, then the room's vacant options where they are not what the
    checkout leaves (a room shown as "Room 101" rather than nameless)."""
    plan = plan_present(adapter, identity, dict(CLEARED_BY_CHECKOUT, **vacant), current, "always")
    room_alarms = RoomWakeupCallAdapter(client, identity["number"], current["id"])
    alarms = room_alarms.list()
    before, after = dict(plan.before), dict(plan.after)
    before["wakeup_calls"], after["wakeup_calls"] = shown_alarms(room_alarms, alarms), []
    if plan.action is None and not alarms:
        return guest_result(client, False, current, [], before, after)
    client.write("POST", "hotel/checkout", body={"ext_id": current["id"]})
    emptied = dict(current)
    for name, value in CLEARED_BY_CHECKOUT.items():
        field = EXTENSION.by_name[name]
        emptied.update(field.payload(field.canonical_from_option(value, adapter.resolve), emptied))
    restore = plan_present(adapter, identity, vacant, emptied, "always")
    return guest_result(client, True, apply_plan(adapter, restore, identity), [], before, after)


def guest_result(client, changed, room, alarms, before, after):
    result = {"changed": changed, "room": mask_secrets(EXTENSION, room), "diff": {"before": before, "after": after},
              "api_requests": client.report()}
    if alarms is not None:
        result["wakeup_calls"] = alarms
    return result
