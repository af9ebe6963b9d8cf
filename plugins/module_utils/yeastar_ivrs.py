# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar IVRs as data: the 14 destination slots (keys 0-9, * and #, response timeout, invalid input) as
destination options, the dial options with extensions, departments and outbound routes by number or name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import dependency_order
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, Reference, ResourceSpec
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import call_flow_number, destination, destination_numbers
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    NumberedAdapter,
    as_id,
    department_path,
    flag,
    ids_of,
)

# The IVR destination-type enum (manual L10812 ff., digest 03 §2.1): 12 types.
IVR_DESTINATIONS = ["end_call", "extension", "ext_vm", "ivr", "ring_group", "queue", "group_vm", "conference",
                    "dial_by_name", "external_num", "play_greeting", "play_prompt"]
# The option type for a slot nobody configured: the API's empty type.
UNSET = "none"
UNSET_DOC = ("leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created "
             "without it")

# (option prefix, API infix, words): key slots are press{x}_dest..., the others {timeout,invalid}_dest...
SLOTS = [("key_%d" % digit, "press%d" % digit, "allow_out_record%d" % digit, "key %d" % digit) for digit in range(10)] + [
    ("key_star", "press_star", "allow_out_record_star", "key C(*)"),
    ("key_hash", "press_hash", "allow_out_record_hash", "key C(#)"),
    ("timeout_destination", "timeout", "allow_out_record_timeout", "the response timeout"),
    ("invalid_destination", "invalid", "allow_out_record_invalid", "an invalid key"),
]


def stop_recording_name(option):
    """key_0 -> key_0_stop_recording; timeout_destination -> timeout_stop_recording."""
    return "%s_stop_recording" % option.replace("_destination", "")


def slot_fields():
    fields = []
    for option, api, record, words in SLOTS:
        if option.startswith("key_"):
            doc = ["Where a caller who presses %s goes, for example C({type: ring_group, number: '6300'}), "
                   "C({type: external_num, number: '5551234', prefix: '9'}) or C({type: play_prompt, prompt: "
                   "menu.wav, repeat: 2})." % words]
        elif option == "timeout_destination":
            doc = ["Where the call goes when the caller has pressed nothing after the prompt played "
                   "O(prompt_repeat) times, each followed by O(response_timeout) seconds of waiting."]
        else:
            doc = ["Where the call goes when the caller presses a key that leads nowhere."]
        doc.append("C({type: %s}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) "
                   "a slot not declared goes back to that." % UNSET)
        fields.append(destination(option, api + "_dest", api + "_dest_prefix", api + "_dest_value", IVR_DESTINATIONS,
                                  doc, unset=UNSET, unset_doc=UNSET_DOC, reset={"type": UNSET}))
        fields.append(flag(stop_recording_name(option), [
            "Stop recording the call once it goes to the destination of %s (API field C(%s); the manual's words, "
            "although the name suggests the opposite)." % (words, record)], api=record, reset=False))
    return fields


class TypedMembers(Reference):
    """One type's share of an API list of {value, type} items: an IVR's dial list holds extensions, extension
    groups and departments in one list, each option manages the items of its type, and writes keep the others."""

    def __init__(self, item_type, id_key="value", wire_id=str):
        super(TypedMembers, self).__init__(many=True)
        self.item_type = item_type
        self.id_key = id_key
        self.wire_id = wire_id

    def from_api(self, field, value):
        return tuple(sorted(as_id(item.get(self.id_key)) for item in value or [] if item.get("type") == self.item_type))

    def payload(self, field, canonical, current):
        kept = [{self.id_key: self.wire_id(item.get(self.id_key)), "type": item.get("type")}
                for item in (current or {}).get(field.api) or [] if item.get("type") != self.item_type]
        return {field.api: kept + [{self.id_key: self.wire_id(ident), "type": self.item_type} for ident in canonical]}


def members(name, api, item_type, reference, doc, id_key="value", wire_id=str, **kwargs):
    """The items of one type in an API list of typed items ({value, type} for IVRs, {id, type} for routes)."""
    return Field(name, "list", elements="str", api=api, reference=reference, unordered=True, reset=[],
                 codec=TypedMembers(item_type, id_key, wire_id), doc=doc, **kwargs)


def prompt_names(value):
    if "," in value or not value.strip():
        return "must be a prompt's file name (no commas), got %r" % value
    return None


def at_most_five(values):
    if len(values) > 5:
        return "may list at most 5 prompts, got %d" % len(values)
    if not values:
        return "must list at least one prompt (C(default) is the PBX's own)"
    return None


def prompt_list(value):
    return [name.strip() for name in value.split(",") if name.strip()] if isinstance(value, str) else value


IVR = ResourceSpec("ivr", "IVR", [
    call_flow_number("IVR"),
    Field("name", length=(1, 127), required_on_create=True, doc="IVR name, at most 127 characters."),
    Field("prompts", "list", elements="str", api="prompt", check=prompt_names, check_list=at_most_five,
          to_api=",".join, from_api=prompt_list, create_default=("default",), reset=["default"], doc=[
              "The prompts played in turn, in this order: C(default) (the PBX's own) or file names of custom "
              "prompts; at most 5. When the IVR is created without it, C([default])."]),
    Field("prompt_repeat", "int", value_range=(1, 5), create_default=3, reset=3, doc=[
        "How many times the prompts play while the caller presses nothing (1 to 5). When the IVR is created "
        "without it, C(3)."]),
    Field("response_timeout", "int", api="resp_timeout", value_range=(1, 10), create_default=3, reset=3, doc=[
        "Seconds to wait for a key after the prompts (1 to 10). When the IVR is created without it, C(3)."]),
    Field("digit_timeout", "int", value_range=(1, 10), create_default=3, reset=3, doc=[
        "Seconds allowed between two keys of a number (1 to 10). When the IVR is created without it, C(3)."]),
    Field("alert_info", reset="", doc="Keyword for the Alert-Info header, so phones can ring distinctively."),
    Field("dial_ext_option", choices=["disable", "all", "allow", "restrict"], create_default="disable",
          reset="disable", doc=[
              "Whether callers may dial extensions directly: C(disable) none, C(all) every one, C(allow) only those "
              "of O(allowed_extensions) and O(allowed_departments), C(restrict) all but those of "
              "O(restricted_extensions) and O(restricted_departments). When the IVR is created without it, "
              "C(disable)."]),
    members("allowed_extensions", "dial_ext_list", "extension", "extension", doc=[
        "Extension numbers callers may dial with O(dial_ext_option=allow); the complete list (order does not "
        "matter). The PBX keeps it only while O(dial_ext_option=allow)."]),
    members("allowed_departments", "dial_ext_list", "organization", "department", check=department_path, doc=[
        "Departments (by name, or by path such as C(Sales/EU)) whose extensions callers may dial with "
        "O(dial_ext_option=allow); the complete list. Extension groups in the PBX's list are kept as they are."]),
    members("restricted_extensions", "restrict_dial_ext_list", "extension", "extension", doc=[
        "Extension numbers callers may not dial with O(dial_ext_option=restrict); the complete list."]),
    members("restricted_departments", "restrict_dial_ext_list", "organization", "department", check=department_path,
            doc=["Departments whose extensions callers may not dial with O(dial_ext_option=restrict); the complete "
                 "list."]),
    flag("enb_dial_outb_routes", "Let callers dial external numbers through the outbound routes of "
         "O(outbound_routes).", reset=False),
    Field("outbound_routes", "list", elements="str", api="dial_outb_route_list", reference="outbound_route",
          unordered=True, reset=[], to_api=lambda ids: [{"value": str(ident)} for ident in ids],
          from_api=ids_of(), doc=[
              "Names of the outbound routes callers may use with O(enb_dial_outb_routes=true); the complete list. "
              "The PBX requires at least one while O(enb_dial_outb_routes=true)."]),
    flag("enb_dial_check_vm", "Let callers check voicemail through the IVR.", reset=False),
    flag("enb_prompt_manager", "Let callers dial C(#9) to record a new IVR prompt, after O(prompt_manager_password).",
         api="prompt_manger_enb", reset=False),
    Field("prompt_manager_password", api="prompt_manger_password", secret=True, readable=False,
          pattern=r"^[0-9]+$", pattern_hint="digits", doc=[
              "Password (digits) for changing the prompt with C(#9); the PBX requires it while "
              "O(enb_prompt_manager=true).",
              "The PBX never reveals it (it answers C(*****)), so with O(update_password=always) it is sent on every "
              "run and the task reports a change."]),
] + slot_fields())


class IvrAdapter(NumberedAdapter):
    """IVRs."""

    spec = IVR
    kind = "ivr"
    area = "ivr"

    def ordered(self, items):
        return dependency_order(items, lambda item: [item["number"]], lambda item: destination_numbers(item, "ivr"))

    def create(self, payload):
        self.check_dial_lists(None, payload)
        return super(IvrAdapter, self).create(payload)

    def update(self, current, payload):
        self.check_dial_lists(current, payload)
        super(IvrAdapter, self).update(current, payload)

    def check_dial_lists(self, current, payload):
        """The PBX keeps a dial list only while the IVR's settings select it and drops it otherwise, so a list
        set without them would be sent again on every run: refuse it, in check mode too."""
        merged = dict(current or {}, **payload)
        for listed, setting, value, shown, options in DIAL_LISTS:
            managed = [item for item in payload.get(listed) or [] if item.get("type", "extension") in ("extension", "organization")]
            if managed and merged.get(setting) != value:
                raise InputError(
                    "%s: IVR %s keeps them only with %s, and it has %s %r: the PBX would drop them; set %s in the "
                    "same task" % (" and ".join(options), merged.get("number"), shown, self.spec.option_name(setting),
                                   merged.get(setting), shown))


# The API's dial lists: (list, setting, the setting's value that keeps the list, that value as an option, the options)
DIAL_LISTS = [
    ("dial_ext_list", "dial_ext_option", "allow", "dial_ext_option=allow", ["allowed_extensions", "allowed_departments"]),
    ("restrict_dial_ext_list", "dial_ext_option", "restrict", "dial_ext_option=restrict",
     ["restricted_extensions", "restricted_departments"]),
    ("dial_outb_route_list", "enb_dial_outb_routes", 1, "enb_dial_outb_routes=true", ["outbound_routes"]),
]
