"""ringgroup/* : ring groups.

The Chinese manual has no ring group section (ring_group appears only as a
destination type, e.g. L1401, L2021). The detail shape comes from the English
seed S000 (ringgroup/query); list/search/get/create/update/delete and the
create constraints (number <= 7, name <= 127, ring_timeout required except for
custom) from the vendor's online guide (digest "other vendors" section 4).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from . import callflow
from .api import Call, Endpoint
from .callflow import NAME, NUMBER
from .state import Instance
from .validation import FLAG, TEXT, Rule, check, optional, raise_if, require_valid

KIND = "ring_group"
STRATEGIES = ("ring_all", "sequentially", "memory_hunt", "custom")
DESTS = ("end_call", "extension", "ext_vm", "group_vm", "ivr", "call_flow", "ring_group",
         "queue", "external_num", "play_greeting")
SLOTS = (("fail_dest", "fail_dest_prefix", "fail_dest_value"),
         ("no_agent_online_dest", "no_agent_online_prefix", "no_agent_online_value"))
MEMBER_KINDS = {"extension": "extension", "ext_group": None}   # extension groups are not modelled
SORT_FIELDS = ("id", "number", "name", "ring_strategy")
RING_TIMEOUT = (5, 300)
MEMBER_TIME = Rule(int, range=(0, 300))

MEMBER: dict[str, Rule] = {
    "value": Rule(str, required=True, pattern=r"\d+"),
    "type": Rule(str, required=True, enum=tuple(MEMBER_KINDS)),
    # Response-only decorations, accepted so that a fetched list can be sent back.
    "text": TEXT, "text2": TEXT, "delay_time": MEMBER_TIME, "timeout": MEMBER_TIME,
    "sub_option": Rule(list, nonempty=True),
}
# A top-level member_list item: a member (ring_all/sequentially/memory_hunt), or
# for custom a group {delay_time, timeout, sub_option: [members]} with empty value/type.
ITEM: dict[str, Rule] = {
    "value": Rule(str, pattern=r"\d*"),
    "type": Rule(str, enum=tuple(MEMBER_KINDS) + ("",)),
    "text": TEXT, "text2": TEXT,
    "delay_time": MEMBER_TIME,
    "timeout": MEMBER_TIME,
    "sub_option": Rule(list, items=MEMBER),
}
CREATE: dict[str, Rule] = {
    "number": replace(NUMBER, required=True),
    "name": replace(NAME, required=True),
    "ring_strategy": Rule(str, required=True, enum=STRATEGIES),
    "ring_timeout": Rule(int, range=RING_TIMEOUT),
    "member_list": Rule(list, items=ITEM),
    **{name: rule for slot in SLOTS for name, rule in callflow.slot_rules(*slot, DESTS).items()},
    "alert_info": TEXT,
    "welcome_prompt": TEXT,
    "moh": TEXT,
    "join_prompt": TEXT,
    "play_full_join_prompt": FLAG,
    "client_unique_ringtone": TEXT,
    "enb_miss_call": FLAG,
}
UPDATE: dict[str, Rule] = {"id": Rule(int, required=True), **optional(CREATE)}
DEFAULTS: dict[str, Any] = {
    "ring_timeout": 30, "member_list": [],
    "fail_dest": "end_call", "fail_dest_prefix": "", "fail_dest_value": "",
    "no_agent_online_dest": "end_call", "no_agent_online_prefix": "", "no_agent_online_value": "",
    "alert_info": "", "welcome_prompt": "", "moh": "default", "join_prompt": "",
    "play_full_join_prompt": 0, "client_unique_ringtone": "", "enb_miss_call": 0,
}


def _member(item: dict) -> dict:
    return {"value": item["value"], "type": item["type"]}


def _normalise_members(strategy: str, items: list[dict], errors: list[dict]) -> list[dict]:
    """Stored form: flat [{value, type}] or, for custom, [{delay_time, timeout, members}]."""
    stored = []
    for index, item in enumerate(items):
        where = f"member_list[{index}]"
        if strategy == "custom":
            check(bool(item.get("sub_option")), where + ".sub_option", "required", errors)
            check(item.get("timeout") is not None, where + ".timeout", "required", errors)
            stored.append({"delay_time": item.get("delay_time") or 0, "timeout": item.get("timeout") or 0,
                           "members": [_member(m) for m in item.get("sub_option") or []]})
        else:
            check(item.get("sub_option") is None, where + ".sub_option", "invalid", errors)
            check(bool(item.get("value")), where + ".value", "required", errors)
            check(bool(item.get("type")), where + ".type", "required", errors)
            stored.append(_member(item))
    return stored


def flat_members(group: dict) -> list[dict]:
    if group["ring_strategy"] == "custom":
        return [m for item in group["member_list"] for m in item["members"]]
    return list(group["member_list"])


def references(group: dict) -> Iterator[tuple[str, int]]:
    for member in flat_members(group):
        if member["type"] == "extension":
            yield "extension", int(member["value"])
    for dest, _, value in SLOTS:
        yield from callflow.destination_refs(group, dest, value)


def _apply(pbx: Instance, params: dict, current: dict, creating: bool) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k not in ("id", "member_list")}}
    errors: list[dict] = []
    strategy_changed = (not creating and merged["ring_strategy"] != current["ring_strategy"]
                        and "custom" in (merged["ring_strategy"], current["ring_strategy"]))
    if "member_list" in params:
        merged["member_list"] = _normalise_members(merged["ring_strategy"], params["member_list"], errors)
    elif strategy_changed and current["member_list"]:
        # custom members are grouped, the others flat: the list must be restated.
        errors.append({"field": "member_list", "validation_type": "required"})
    if merged["ring_strategy"] != "custom" and (creating or current["ring_strategy"] == "custom"):
        # required unless custom (online guide); leaving custom needs a real value again
        check("ring_timeout" in params, "ring_timeout", "required", errors)
    raise_if(errors)
    callflow.member_errors(pbx, flat_members(merged), "member_list", errors, MEMBER_KINDS)
    for slot in SLOTS:
        callflow.destination_errors(pbx, merged, *slot, errors)
    callflow.prompt_errors(pbx, merged, "join_prompt", errors)
    callflow.prompt_errors(pbx, merged, "welcome_prompt", errors, allow_moh=True)
    callflow.moh_errors(pbx, merged, "moh", errors)
    raise_if(errors)
    if merged["ring_strategy"] == "custom":
        merged["ring_timeout"] = 0      # not used by custom (S000 example: 0)
    return merged


def create_ring_group(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    merged = _apply(pbx, params, dict(DEFAULTS), creating=True)
    callflow.require_free_number(pbx, KIND, merged["number"], None, "create", "Ring group")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.ring_groups[merged["id"]] = merged
    return merged["id"]


def update_ring_group(pbx: Instance, params: dict) -> None:
    require_valid(params, UPDATE)
    current = callflow.get_object(pbx, KIND, params["id"])
    # number is not in the update table (online guide): resending it is harmless.
    errors: list[dict] = []
    check(params.get("number", current["number"]) == current["number"], "number", "invalid", errors)
    raise_if(errors)
    pbx.data.ring_groups[current["id"]] = _apply(pbx, params, current, creating=False)


# ---------------------------------------------------------------- views

def _member_view(pbx: Instance, member: dict) -> dict:
    view = callflow.member_view(pbx, member["type"], member["value"])
    if member["type"] == "ext_group":
        view["text2"] = view["text"]
    return {**view, "delay_time": 0, "timeout": 0, "sub_option": None}


def detail_view(pbx: Instance, group: dict) -> dict:
    if group["ring_strategy"] == "custom":
        members = [{"value": "", "type": "", "text": "", "text2": "", "delay_time": item["delay_time"],
                    "timeout": item["timeout"],
                    "sub_option": [_member_view(pbx, m) for m in item["members"]]}
                   for item in group["member_list"]]
    else:
        members = [_member_view(pbx, m) for m in group["member_list"]]
    view = {"id": group["id"], "number": group["number"], "name": group["name"],
            "ring_strategy": group["ring_strategy"], "ring_timeout": group["ring_timeout"],
            "member_list": members}
    view.update({k: group[k] for k in DEFAULTS if k not in ("ring_timeout", "member_list")})
    return view


def summary_view(group: dict) -> dict:
    return {"id": group["id"], "number": group["number"], "name": group["name"],
            "ring_strategy": group["ring_strategy"], "member_count": len(flat_members(group))}


# ---------------------------------------------------------------- endpoints

def _list(call: Call, search: bool) -> dict:
    return callflow.list_call(call, KIND, SORT_FIELDS, search, summary_view, ("number", "name"))


def rg_get(call: Call) -> dict:
    return {"data": detail_view(call.pbx, callflow.get_object(call.pbx, KIND, callflow.id_param(call)))}


def rg_query(call: Call) -> dict:
    groups = call.pbx.data.ring_groups
    return {"data": [detail_view(call.pbx, groups[i]) for i in callflow.query_ids(call) if i in groups]}


def rg_create(call: Call) -> dict:
    return {"id": create_ring_group(call.pbx, call.params)}


def rg_update(call: Call) -> dict:
    update_ring_group(call.pbx, call.params)
    return {}


def rg_delete(call: Call) -> dict:
    group = callflow.get_object(call.pbx, KIND, callflow.id_param(call))
    callflow.refuse_if_referenced(call.pbx, KIND, group["id"])
    del call.pbx.data.ring_groups[group["id"]]
    return {}


ENDPOINTS = {
    "ringgroup/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "ringgroup/search": Endpoint("GET", lambda call: _list(call, search=True)),
    "ringgroup/get": Endpoint("GET", rg_get),
    "ringgroup/query": Endpoint("GET", rg_query),
    "ringgroup/create": Endpoint("POST", rg_create),
    "ringgroup/update": Endpoint("POST", rg_update),
    "ringgroup/delete": Endpoint("GET", rg_delete),
}
