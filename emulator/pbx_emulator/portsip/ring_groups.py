"""ring_groups: the fields of seed 001, agents (members) and destroy."""

from __future__ import annotations

import copy

from . import fields
from .errors import NOT_FOUND, VALIDATE_FAILED, PortsipError, invalid
from .listing import page
from .request import Request

STRATEGIES = ("RING_SIMULTANEOUSLY", "PRIORITIZED_HUNT", "CYCLIC_HUNT", "LEAST_WORKED_HUNT", "PAGING_INTERCOM",
              "SKILL_BASED_ROUTING_PRIORITIZED_HUNT", "SKILL_BASED_ROUTING_CYCLIC_HUNT",
              "SKILL_BASED_ROUTING_LEAST_WORKED_HUNT")
FORWARD_ACTIONS = ("FORWARD_TO_NUMBER", "FORWARD_TO_VOICEMAIL", "REPEAT", "HANGUP")
FORWARD_RULES = ("no_answer_forward_rule", "night_mode_forward_rule")
FLAGS = ("skip_busy_member", "enable_paid", "enable_prid", "extension_number_as_to_header")
UPDATABLE = ("name", "ring_time", "ring_strategy", *FLAGS, *FORWARD_RULES, "outbound_caller_ids")
# What the PBX sets when a create leaves a field out (seed 001 gives ring_time 20, enable_paid and enable_prid
# true, extension_number_as_to_header false; the others are the emulator's choice, see docs/emulator.md).
DEFAULTS = {
    "ring_time": 20, "ring_strategy": "RING_SIMULTANEOUSLY", "skip_busy_member": True, "enable_paid": True,
    "enable_prid": True, "extension_number_as_to_header": False,
    "no_answer_forward_rule": {"action": "HANGUP", "number": None},
    "night_mode_forward_rule": {"action": "HANGUP", "number": None},
    "outbound_caller_ids": [],
}
LISTED = ("id", "name", "extension_number", "ring_time", "ring_strategy", *FLAGS, *FORWARD_RULES)
FILTER_FIELDS = ("extension_number", "name", "ring_strategy")
CALLER_ID_FIELDS = ("provider_id", "caller_id", "description")
SKILL_LEVELS = (1, 100)


def _check_forward_rule(body: dict, name: str) -> None:
    rule = fields.nested(body, name)
    if rule is None:
        return
    fields.only(rule, ("action", "number"))
    fields.choice(rule, "action", FORWARD_ACTIONS)
    if rule.get("action") is None:
        raise invalid(f"{name}.action", f"must be one of {', '.join(FORWARD_ACTIONS)}")
    if rule["action"] == "FORWARD_TO_NUMBER" and not (isinstance(rule.get("number"), str) and rule["number"]):
        raise invalid(f"{name}.number", "is required (a non-empty string) with action FORWARD_TO_NUMBER")


def _check(body: dict) -> None:
    fields.text(body, "name")
    fields.integer(body, "ring_time", 0)
    fields.choice(body, "ring_strategy", STRATEGIES)
    for name in FLAGS:
        fields.flag(body, name)
    for name in FORWARD_RULES:
        _check_forward_rule(body, name)
    for index, item in enumerate(fields.objects(body, "outbound_caller_ids")):
        try:
            fields.only(item, CALLER_ID_FIELDS)
            fields.required(item, "provider_id", "caller_id")
        except PortsipError as error:
            raise invalid(f"outbound_caller_ids[{index}].{error.detail['field']}", error.detail["reason"]) from None


def _normalised(body: dict) -> dict:
    values = copy.deepcopy(body)
    for name in FORWARD_RULES:
        if name in values:
            values[name] = {"action": values[name]["action"], "number": values[name].get("number") or None}
    if "outbound_caller_ids" in values:
        values["outbound_caller_ids"] = [{"provider_id": c["provider_id"], "caller_id": c["caller_id"],
                                          "description": c.get("description") or ""}
                                         for c in values["outbound_caller_ids"]]
    return values


def create_group(pbx, body: dict) -> str:
    fields.only(body, ("extension_number", *UPDATABLE))
    fields.required(body, "name")
    fields.number(body, "extension_number")
    _check(body)
    holder = pbx.data.number_holder(body["extension_number"])
    if holder:
        raise invalid("extension_number", f"{body['extension_number']} is already used by {holder}")
    ident = pbx.data.new_id()
    pbx.data.ring_groups[ident] = {"id": ident, **copy.deepcopy(DEFAULTS), **_normalised(body)}
    pbx.data.agents[ident] = []
    return ident


def _group(call: Request) -> dict:
    group = call.pbx.data.ring_groups.get(call.ident)
    if group is None:
        raise PortsipError(404, NOT_FOUND, "Invalid ring group ID supplied.")
    return group


def create_group_call(call: Request):
    return 200, {"id": create_group(call.pbx, call.body)}


def list_groups(call: Request):
    listed = [{k: copy.deepcopy(g[k]) for k in LISTED} for g in call.pbx.data.ring_groups.values()]
    return 200, page(call, listed, FILTER_FIELDS)


def show_group(call: Request):
    return 200, copy.deepcopy(_group(call))


def update_group(call: Request):
    group = _group(call)
    if "extension_number" in call.body:
        raise invalid("extension_number", "cannot be changed: destroy the ring group and create it again")
    fields.only(call.body, UPDATABLE)
    _check(call.body)
    group.update(_normalised(call.body))
    return 200, None


def destroy_group(call: Request):
    if call.ident not in call.pbx.data.ring_groups:
        # Seed 001's words for this case; the only documented destroy error.
        raise PortsipError(400, VALIDATE_FAILED, "Invalid ring group ID supplied.", {"field": "id"})
    del call.pbx.data.ring_groups[call.ident]
    del call.pbx.data.agents[call.ident]
    return 204, None


def agent_view(pbx, agent: dict) -> dict:
    user = pbx.data.user_by_number(agent["extension_number"]) or {}
    return {"extension_number": agent["extension_number"], "display_name": user.get("display_name") or "",
            "skill_level": agent["skill_level"]}


def list_agents(call: Request):
    _group(call)
    return 200, {"items": [agent_view(call.pbx, a) for a in call.pbx.data.agents[call.ident]]}


def set_agents(call: Request):
    """The member list is replaced whole (the summary says "Update ring group member list")."""
    _group(call)
    call.pbx.data.agents[call.ident] = checked_agents(call.pbx, call.body)
    return 200, None


def checked_agents(pbx, body: dict) -> list[dict]:
    fields.only(body, ("items",))
    agents, seen = [], set()
    for index, item in enumerate(fields.objects(body, "items")):
        where = f"items[{index}]"
        number, level = item.get("extension_number"), item.get("skill_level", 1)
        if not isinstance(number, str) or pbx.data.user_by_number(number) is None:
            raise invalid(f"{where}.extension_number", f"no user has extension number {number!r}")
        if number in seen:
            raise invalid(f"{where}.extension_number", f"{number} is listed twice")
        if not isinstance(level, int) or isinstance(level, bool) or not SKILL_LEVELS[0] <= level <= SKILL_LEVELS[1]:
            raise invalid(f"{where}.skill_level", "must be an integer from 1 to 100")
        seen.add(number)
        agents.append({"extension_number": number, "skill_level": level})
    return agents
