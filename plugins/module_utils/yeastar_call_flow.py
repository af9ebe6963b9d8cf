# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar call flow as data: call destinations (one option, type plus number, for the API's type, prefix
and value fields) and ring groups."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import dependency_order
from ansible_collections.telephony.pbx.plugins.module_utils.spec import (
    Destination,
    Field,
    ResourceSpec,
    destination_problem,
    repeated,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    NumberedAdapter,
    extension_items,
    flag,
    ids_of,
)

# What a destination's value is, per destination type (Destination codec): an object by number (its
# reference kind), a dialled number, a prompt file, an id of something the collection does not manage yet, or
# nothing. Each resource offers the types its API takes.
DESTINATIONS = {
    "end_call": None, "extension": "extension", "ext_vm": "extension", "group_vm": "raw", "ivr": "ivr",
    "call_flow": "raw", "ring_group": "ring_group", "queue": "queue", "external_num": "number",
    "play_greeting": "prompt", "play_prompt": "prompt", "conference": "raw", "dial_by_name": None,
    "disabled": None, "fax_to_email": None, "pattern_to_ext_list": None, "range_to_ext": "range",
    "pattern_to_ext": "members", "outroute": "outbound_route",
}
# Reference kinds a destination names by name rather than by number.
NAMED_TARGETS = ("outbound_route",)
DESTINATION_WORDS = {
    "end_call": "C(end_call) hangs up",
    "extension": "C(extension) rings the extension of that C(number)",
    "ext_vm": "C(ext_vm) goes to its voicemail",
    "ivr": "C(ivr), C(ring_group) and C(queue) go to the object of that C(number)",
    "external_num": "C(external_num) dials C(number) with the dial C(prefix)",
    "play_greeting": "C(play_greeting) plays C(prompt) C(repeat) times and hangs up",
    "play_prompt": "C(play_prompt) plays C(prompt) C(repeat) times and returns",
    "dial_by_name": "C(dial_by_name) lets the caller dial by name",
    "disabled": "C(disabled) sends no call anywhere",
    "fax_to_email": "C(fax_to_email) takes the call as a fax and mails it",
    "outroute": "C(outroute) dials out through the outbound route of that C(name)",
    "range_to_ext": "C(range_to_ext) rings the extension of C(range) (such as C(2001-2010)) at the place the called "
                    "number has in the DID range",
    "pattern_to_ext": "C(pattern_to_ext) rings the extension the called number names, among C(extensions) (by "
                      "number) and C(extension_groups) (by API ID: the collection does not manage extension groups)",
    "pattern_to_ext_list": "C(pattern_to_ext_list) rings the extension the DID-to-extension list maps the called "
                           "number to",
}
# Sub-options only some destinations have, with the kinds of value that use them.
TARGET_OPTIONS = [
    ("range", Field("range", doc="For C(range_to_ext), the extension range, such as C(2001-2010).")),
    ("members", Field("extensions", "list", elements="str", doc=[
        "For C(pattern_to_ext), the extension numbers calls may ring; compared as a set."])),
    ("members", Field("extension_groups", "list", elements="str", doc=[
        "For C(pattern_to_ext), API IDs of extension groups calls may ring; compared as a set."])),
    ("outbound_route", Field("name", doc="For C(outroute), the name of the outbound route.")),
]


def destination(name, api, prefix_key, value_key, types, doc, unset=None, unset_doc=None, members_key=None,
                **kwargs):
    """A call destination of one of `types`: one option for the API's type, prefix and value keys. With `unset`,
    that type stands for the API's empty type (not configured), described by `unset_doc`; `members_key` is the
    API's list of extensions for the type C(pattern_to_ext)."""
    kinds = dict((kind, DESTINATIONS[kind]) for kind in types)
    words = [DESTINATION_WORDS[kind] for kind in types if kind in DESTINATION_WORDS and kind not in ("ring_group", "queue")]
    raw = ["C(%s)" % kind for kind in types if DESTINATIONS[kind] == "raw"]
    if raw:
        words.append("%s take%s the API ID in C(value)" % (" and ".join(raw), "" if len(raw) > 1 else "s"))
    choices = list(types)
    if unset:
        kinds[unset] = None
        choices.append(unset)
        words.append("C(%s) %s" % (unset, unset_doc))
    options = [
        Field("type", choices=choices, required=True, doc="; ".join(words) + "."),
        Field("number", doc="Number of the extension, IVR, ring group or queue, or the external number."),
        Field("prefix", doc="For C(external_num), the dial prefix (of an outbound route)."),
        Field("prompt", doc="For C(play_greeting) and C(play_prompt), the file name of the custom prompt."),
        Field("repeat", "int", value_range=(1, 5), doc="How many times the prompt plays (1 to 5, default 1)."),
        Field("value", doc="For types known by API ID, that ID."),
    ] + [option for what, option in TARGET_OPTIONS if what in kinds.values()]
    codec = Destination(kinds, prefix_key, value_key, unset, members_key=members_key, named=NAMED_TARGETS)
    return Field(name, "dict", api=api, options=options, doc=doc, codec=codec,
                 check=destination_problem(kinds, NAMED_TARGETS), **kwargs)


def destination_numbers(item, kind):
    """Numbers of the objects of `kind` a declared item sends calls to (for the order of creation)."""
    return [value["number"] for value in item.values()
            if isinstance(value, dict) and value.get("type") == kind and value.get("number")]


RING_GROUP_DESTINATIONS = ["end_call", "extension", "ext_vm", "group_vm", "ivr", "call_flow", "ring_group", "queue",
                           "external_num", "play_greeting"]


def distinct(values):
    twice = repeated(values)
    return "lists %s more than once; each member rings once" % ", ".join(twice) if twice else None


def call_flow_number(label):
    """The identity of a ring group, queue or IVR: its number, in the space those and extensions share."""
    return Field("number", identity=True, required=True, create_only=True, pattern=r"^[0-9]{1,7}$",
                 pattern_hint="digits only, at most 7", doc=[
                     "%s number; identifies the %s. Extensions, ring groups, queues and IVRs share one number space "
                     "on the PBX." % (label[0].upper() + label[1:], label)])


RING_GROUP = ResourceSpec("ring_group", "ring group", [
    call_flow_number("ring group"),
    Field("name", length=(1, 127), required_on_create=True, doc="Ring group name, at most 127 characters."),
    Field("ring_strategy", choices=["ring_all", "sequentially", "memory_hunt"], required_on_create=True, doc=[
        "C(ring_all) rings every member at once; C(sequentially) rings them one after another in C(members) order; "
        "C(memory_hunt) rings the first, then adds the next one each C(ring_timeout).",
        "The PBX's C(custom) strategy (a ring delay and timeout per member) is not managed yet."]),
    Field("ring_timeout", "int", value_range=(5, 300), reset=30, create_default=30, doc=[
        "Seconds before the next member rings or the call goes to C(fail_destination). When the ring group is "
        "created without it, C(30)."]),
    Field("members", "list", elements="str", api="member_list", reference="extension", check_list=distinct,
          to_api=extension_items, from_api=ids_of("extension"),
          reset=[], doc=[
              "Extension numbers of the members, in ringing order: the list is compared in order (it decides who "
              "rings first with C(sequentially) and C(memory_hunt)), and a number may appear once.",
              "The complete list: members not listed are removed. Extension groups as members are not managed yet."]),
    destination("fail_destination", "fail_dest", "fail_dest_prefix", "fail_dest_value", RING_GROUP_DESTINATIONS,
                reset={"type": "end_call"}, doc=[
                    "Where calls go that no member answers within C(ring_timeout), for example C({type: queue, "
                    "number: '6400'}) or C({type: external_num, number: '5551234', prefix: '9'})."]),
    destination("no_agent_online_destination", "no_agent_online_dest", "no_agent_online_prefix",
                "no_agent_online_value", RING_GROUP_DESTINATIONS, reset={"type": "end_call"}, doc=[
                    "Where calls go when no member is online; the same types as C(fail_destination)."]),
    Field("alert_info", reset="", doc="Keyword for the Alert-Info header, so phones can ring distinctively."),
    Field("welcome_prompt", reset="", doc="Custom prompt file (or music on hold playlist) played before a member answers."),
    Field("moh", reset="default", doc="Music on hold playlist while the call is on hold."),
    Field("join_prompt", reset="", doc="Custom prompt file played once when the call joins the ring group."),
    flag("play_full_join_prompt", "Ring the members only after the whole join prompt has played.", reset=False),
    Field("client_unique_ringtone", reset="", doc="Ringtone file for the members' Linkus clients."),
    flag("enb_miss_call", "Record missed calls in the call logs of the extensions in the failover destination.",
         reset=False),
])


class RingGroupAdapter(NumberedAdapter):
    """Ring groups."""

    spec = RING_GROUP
    kind = "ring_group"
    area = "ringgroup"

    def ordered(self, items):
        return dependency_order(items, lambda item: [item["number"]],
                                lambda item: destination_numbers(item, "ring_group"))
