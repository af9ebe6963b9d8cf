# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""PortSIP ring groups (seed 001): every field of the ring group, and its members, which the API keeps
apart (the agents endpoints) and which are written only when they differ."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, RecordList, ResourceSpec, Scalar, repeated

STRATEGIES = ["RING_SIMULTANEOUSLY", "PRIORITIZED_HUNT", "CYCLIC_HUNT", "LEAST_WORKED_HUNT", "PAGING_INTERCOM",
              "SKILL_BASED_ROUTING_PRIORITIZED_HUNT", "SKILL_BASED_ROUTING_CYCLIC_HUNT",
              "SKILL_BASED_ROUTING_LEAST_WORKED_HUNT"]
FORWARD_ACTIONS = ["FORWARD_TO_NUMBER", "FORWARD_TO_VOICEMAIL", "REPEAT", "HANGUP"]
DEFAULT_SKILL_LEVEL = 1


class ForwardRule(Scalar):
    """{action, number}: compared whole, an absent number the same as an empty one."""

    def from_option(self, field, value, resolve):
        return (value.get("action"), value.get("number") or None)

    def from_api(self, field, value):
        return (value.get("action"), value.get("number") or None) if isinstance(value, dict) else (None, None)

    def to_api(self, field, value, current):
        action, number = value
        return dict(action=action, **({"number": number} if number else {}))

    def shown(self, field, canonical, names):
        action, number = canonical
        return dict(action=action, **({"number": number} if number else {}))


class Members(RecordList):
    """Members in ringing order; a member given without skill_level has the API's default, 1."""

    def from_option(self, field, value, resolve):
        value = [dict(item, skill_level=item.get("skill_level") or DEFAULT_SKILL_LEVEL) for item in value]
        return RecordList.from_option(self, field, value, resolve)


def forward_problem(value):
    if value.get("action") == "FORWARD_TO_NUMBER" and not value.get("number"):
        return "needs a number with action FORWARD_TO_NUMBER"
    return None


def non_negative(value):
    return "must be 0 or more, got %d" % value if value < 0 else None


def distinct_members(members):
    twice = repeated([member.get("extension") for member in members])
    return "lists extension %s more than once; each member rings once" % ", ".join(twice) if twice else None


def forward_rule(name, when):
    return Field(name, "dict", codec=ForwardRule(), check=forward_problem, reset={"action": "HANGUP"}, options=[
        Field("action", choices=FORWARD_ACTIONS, required=True, doc=[
            "C(FORWARD_TO_NUMBER) forwards to O(%s.number); C(FORWARD_TO_VOICEMAIL) to the group's voicemail; "
            "C(REPEAT) rings the group again; C(HANGUP) ends the call." % name]),
        Field("number", doc="The number to forward to, with C(FORWARD_TO_NUMBER)."),
    ], doc=["What happens to a call %s. A new ring group gets C({action: HANGUP})." % when])


def flag(name, doc, reset):
    return Field(name, "bool", api_true=True, api_false=False, reset=reset, doc=doc + " A new ring group: %s."
                 % ("C(true)" if reset else "C(false)"))


MEMBER_OPTIONS = [
    Field("extension", api="extension_number", required=True, doc="The member's extension number."),
    Field("skill_level", "int", value_range=(1, 100), doc=[
        "1 to 100, default 1: the skill-based strategies ring level 1 first."]),
]

PORTSIP_RING_GROUP = ResourceSpec("ring_group", "ring group", [
    Field("extension_number", identity=True, required=True, create_only=True, pattern=r"^[0-9]{3,64}$",
          pattern_hint="3 to 64 digits", doc=[
              "The ring group's extension number (3 to 64 digits); identifies the ring group. Users and ring groups "
              "share one number space.",
              "PortSIP cannot change it on an existing ring group: the module never sends it on update."]),
    Field("name", length=(1, 64), required_on_create=True, doc="Ring group name, 1 to 64 characters."),
    Field("ring_time", "int", check=non_negative, reset=20, doc=[
        "Seconds each member rings. A new ring group gets C(20)."]),
    Field("ring_strategy", choices=STRATEGIES, reset="RING_SIMULTANEOUSLY", doc=[
        "C(RING_SIMULTANEOUSLY) rings every available member at once; C(PRIORITIZED_HUNT) rings them one after "
        "another in O(members) order; C(CYCLIC_HUNT) first the member not rung for the longest time; "
        "C(LEAST_WORKED_HUNT) first the member who has not answered for the longest time; C(PAGING_INTERCOM) rings "
        "all at once with auto answer (a page).",
        "The C(SKILL_BASED_ROUTING_*) strategies hunt the same three ways, level by level of the members' "
        "C(skill_level), level 1 first.",
        "A new ring group gets C(RING_SIMULTANEOUSLY)."]),
    flag("skip_busy_member", "Skip members who are on a call.", True),
    flag("enable_paid", "Add the ring group to the P-Asserted-Identity header.", True),
    flag("enable_prid", "Add the ring group to the Remote-Party-ID header.", True),
    flag("extension_number_as_to_header", "Use the member's extension number as the INVITE To header.", False),
    forward_rule("no_answer_forward_rule", "no member answers"),
    forward_rule("night_mode_forward_rule", "in night mode"),
    Field("outbound_caller_ids", "list", elements="dict", reset=[], options=[
        Field("provider_id", required=True, doc="The trunk (provider) ID, as PortSIP shows it."),
        Field("caller_id", required=True, doc="The caller ID presented on that trunk."),
        Field("description", doc="A note on the caller ID."),
    ], doc=["Caller IDs for calls the ring group places over each trunk; the complete list, in order."]),
    Field("members", "list", elements="dict", api="agents", codec=Members(), check_list=distinct_members, reset=[],
          options=MEMBER_OPTIONS, doc=[
              "The members, in ringing order: the complete list, compared in order. They are written through the "
              "ring group's agents endpoint, and only when they differ from the PBX's."]),
])


class PortsipRingGroupAdapter(ResourceAdapter):
    """Ring groups over /api/ring_groups; the members (agents) travel in the object as `agents`."""

    spec = PORTSIP_RING_GROUP
    kind = "ring_group"

    def list(self):
        """Every ring group with its caller IDs and members: the list answer has neither, so each group costs
        two more reads (the API has no bulk read of either)."""
        return [self.detail(item["id"]) for item in self.client.pages("ring_groups")]

    def find(self, identity):
        found = self.client.filtered("ring_groups", extension_number=identity["extension_number"])
        return self.detail(found[0]["id"]) if found else None

    def detail(self, ident):
        group = self.client.read("ring_groups/%s" % ident)
        group["agents"] = [dict(extension_number=agent["extension_number"], skill_level=agent.get("skill_level"))
                           for agent in self.client.read("ring_groups/%s/agents" % ident).get("items") or []]
        return group

    def create_payload(self, identity, fields):
        return dict(fields, extension_number=identity["extension_number"])

    def create(self, payload):
        body = dict(payload)
        agents = body.pop("agents", None)
        answer = self.client.write("ring_groups", body)
        created = dict(payload, id=answer["id"] if answer else None)
        if agents:
            self.client.write("ring_groups/%s/agents" % (created["id"] or "(new)"), {"items": agents})
        return created

    def update(self, current, payload):
        body = dict(payload)
        agents = body.pop("agents", None)
        if body:
            self.client.write("ring_groups/%s" % current["id"], body)
        if agents is not None:
            self.client.write("ring_groups/%s/agents" % current["id"], {"items": agents})

    def delete(self, current):
        self.client.write("ring_groups/%s/destroy" % current["id"])
