"""ivr/* : IVRs (manual L10066-11149).

13 key slots (0-9, #, *, timeout, invalid), each four flat fields:
``{slot}_dest``, ``{slot}_dest_prefix``, ``{slot}_dest_value`` and the
``allow_out_record{suffix}`` flag. An unconfigured slot is ``""`` / ``0``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from . import callflow
from .api import Call, Endpoint
from .callflow import NAME, NUMBER
from .state import Instance
from .validation import FLAG, TEXT, Rule, check, optional, raise_if, require_valid

KIND = "ivr"
DESTS = ("end_call", "extension", "ext_vm", "ivr", "ring_group", "queue", "group_vm", "conference",
         "dial_by_name", "external_num", "play_greeting", "play_prompt")
# (slot field stem, allow_out_record suffix)
SLOTS = tuple((f"press{x}", str(x)) for x in range(10)) + (
    ("press_hash", "_hash"), ("press_star", "_star"), ("timeout", "_timeout"), ("invalid", "_invalid"))
DIAL_OPTIONS = ("disable", "all", "allow", "restrict")
DIAL_KINDS = {"extension": "extension", "ext_group": None, "organization": "organization"}
SORT_FIELDS = ("id", "number", "name")
MAX_PROMPTS = 5

EXT_ITEM = {"value": Rule(str, required=True, pattern=r"\d+"),
            "type": Rule(str, required=True, enum=tuple(DIAL_KINDS)), "text": TEXT, "text2": TEXT}
ROUTE_ITEM = {"value": Rule(str, required=True, pattern=r"\d+"), "text": TEXT}


def _slot_fields(stem: str, suffix: str) -> tuple[str, str, str, str]:
    return f"{stem}_dest", f"{stem}_dest_prefix", f"{stem}_dest_value", f"allow_out_record{suffix}"


SLOT_RULES: dict[str, Rule] = {}
for _stem, _suffix in SLOTS:
    _dest, _prefix, _value, _record = _slot_fields(_stem, _suffix)
    SLOT_RULES.update(callflow.slot_rules(_dest, _prefix, _value, DESTS, allow_empty=True))
    SLOT_RULES[_record] = FLAG

CREATE: dict[str, Rule] = {
    "number": replace(NUMBER, required=True),
    "name": replace(NAME, required=True),
    "prompt": Rule(str, required=True, nonempty=True),
    "prompt_repeat": Rule(int, required=True, range=(1, 5)),
    "resp_timeout": Rule(int, required=True, range=(1, 10)),
    "digit_timeout": Rule(int, required=True, range=(1, 10)),
    "alert_info": TEXT,
    "dial_ext_option": Rule(str, required=True, enum=DIAL_OPTIONS),
    "dial_ext_list": Rule(list, items=EXT_ITEM),
    "restrict_dial_ext_list": Rule(list, items=EXT_ITEM),
    "enb_dial_outb_routes": FLAG,
    "dial_outb_route_list": Rule(list, items=ROUTE_ITEM),
    "enb_dial_check_vm": FLAG,
    "prompt_manger_enb": FLAG,
    # Keypad password: digits (like an extension's vm_pin); the manual states no format.
    "prompt_manger_password": Rule(str, pattern=r"\d*"),
    **SLOT_RULES,
}
UPDATE: dict[str, Rule] = {"id": Rule(int, required=True), **optional(CREATE)}
DEFAULTS: dict[str, Any] = {
    "alert_info": "", "dial_ext_list": [], "restrict_dial_ext_list": [], "enb_dial_outb_routes": 0,
    "dial_outb_route_list": [], "enb_dial_check_vm": 0, "prompt_manger_enb": 0, "prompt_manger_password": "",
    **{name: (0 if rule.kind is int else "") for name, rule in SLOT_RULES.items()},
}
# The create table spells prompt_manager_* (L10801-10802), everything else prompt_manger_*;
# the create example sends allow_out_record_invaile (L10935); the create table allow_out_record_x.
ALIASES = {"prompt_manager_enb": "prompt_manger_enb", "prompt_manager_password": "prompt_manger_password",
           "allow_out_record_invaile": "allow_out_record_invalid",
           **{f"allow_out_record_{x}": f"allow_out_record{x}" for x in range(10)}}
MASK = "*****"     # how every example returns the prompt password (L10318)


def _normalise(params: dict) -> dict:
    return {ALIASES.get(k, k): v for k, v in params.items()}


def references(ivr: dict) -> Iterator[tuple[str, int]]:
    for stem, suffix in SLOTS:
        dest, _, value, _ = _slot_fields(stem, suffix)
        yield from callflow.destination_refs(ivr, dest, value)
    for name in ("dial_ext_list", "restrict_dial_ext_list"):
        for item in ivr[name]:
            if DIAL_KINDS.get(item["type"]):
                yield DIAL_KINDS[item["type"]], int(item["value"])
    for item in ivr["dial_outb_route_list"]:
        yield "outbound_route", int(item["value"])


def _prompt_errors(pbx: Instance, prompt: str, errors: list[dict]) -> None:
    names = [p.strip() for p in prompt.split(",")]
    if len(names) > MAX_PROMPTS:
        errors.append({"field": "prompt", "validation_type": "length"})
    elif not all(n == "default" or n in pbx.data.custom_prompts for n in names):
        errors.append({"field": "prompt", "validation_type": "not_exist"})


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k != "id"}}
    for name in ("dial_ext_list", "restrict_dial_ext_list"):
        merged[name] = [{"value": i["value"], "type": i["type"]} for i in merged[name]]
    merged["dial_outb_route_list"] = [{"value": i["value"]} for i in merged["dial_outb_route_list"]]
    errors: list[dict] = []
    # Conditional requirements on the record as it will be stored.
    check(merged["dial_ext_option"] != "allow" or bool(merged["dial_ext_list"]), "dial_ext_list", "required", errors)
    check(merged["dial_ext_option"] != "restrict" or bool(merged["restrict_dial_ext_list"]),
          "restrict_dial_ext_list", "required", errors)
    check(not merged["enb_dial_outb_routes"] or bool(merged["dial_outb_route_list"]),
          "dial_outb_route_list", "required", errors)
    check(not merged["prompt_manger_enb"] or bool(merged["prompt_manger_password"]),
          "prompt_manger_password", "required", errors)
    _prompt_errors(pbx, merged["prompt"], errors)
    for name in ("dial_ext_list", "restrict_dial_ext_list"):
        callflow.member_errors(pbx, merged[name], name, errors, DIAL_KINDS)
    for index, item in enumerate(merged["dial_outb_route_list"]):
        check(callflow.exists(pbx, "outbound_route", item["value"]),
              f"dial_outb_route_list[{index}].value", "not_exist", errors)
    for stem, suffix in SLOTS:
        callflow.destination_errors(pbx, merged, *_slot_fields(stem, suffix)[:3], errors)
    raise_if(errors)
    callflow.require_free_number(pbx, KIND, merged["number"], current.get("id"), action, "IVR")
    # Lists that do not apply are dropped, so they hold no references.
    if merged["dial_ext_option"] != "allow":
        merged["dial_ext_list"] = []
    if merged["dial_ext_option"] != "restrict":
        merged["restrict_dial_ext_list"] = []
    if not merged["enb_dial_outb_routes"]:
        merged["dial_outb_route_list"] = []
    return merged


def create_ivr(pbx: Instance, params: dict) -> int:
    params = _normalise(params)
    require_valid(params, CREATE)
    merged = _apply(pbx, params, dict(DEFAULTS), "create")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.ivrs[merged["id"]] = merged
    return merged["id"]


def update_ivr(pbx: Instance, params: dict) -> None:
    params = _normalise(params)
    require_valid(params, UPDATE)
    current = callflow.get_object(pbx, KIND, params["id"])
    pbx.data.ivrs[current["id"]] = _apply(pbx, params, current, "update")


# ---------------------------------------------------------------- views

def summary_view(ivr: dict) -> dict:
    return {k: ivr[k] for k in ("id", "number", "name", "dial_ext_option", "enb_dial_outb_routes")}


def detail_view(pbx: Instance, ivr: dict) -> dict:
    view = {k: ivr[k] for k in ("id", "number", "name", "prompt", "prompt_repeat", "resp_timeout",
                                "digit_timeout", "dial_ext_option", "enb_dial_outb_routes", "enb_dial_check_vm")}
    for stem, suffix in SLOTS:
        for name in _slot_fields(stem, suffix):
            view[name] = ivr[name]
    # The lists appear only where they apply (ivr/query example, L10584-10627).
    if ivr["dial_ext_option"] == "allow":
        view["dial_ext_list"] = [callflow.member_view(pbx, i["type"], i["value"]) for i in ivr["dial_ext_list"]]
    if ivr["dial_ext_option"] == "restrict":
        view["restrict_dial_ext_list"] = [callflow.member_view(pbx, i["type"], i["value"])
                                          for i in ivr["restrict_dial_ext_list"]]
    if ivr["enb_dial_outb_routes"]:
        routes = pbx.data.outbound_routes
        view["dial_outb_route_list"] = [{"text": routes[int(i["value"])]["name"] if int(i["value"]) in routes else "",
                                         "value": i["value"]} for i in ivr["dial_outb_route_list"]]
    view["alert_info"] = ivr["alert_info"]
    view["prompt_manger_enb"] = ivr["prompt_manger_enb"]
    view["prompt_manger_password"] = MASK if ivr["prompt_manger_password"] else ""
    return view


# ---------------------------------------------------------------- endpoints

def _list(call: Call, search: bool) -> dict:
    return callflow.list_call(call, KIND, SORT_FIELDS, search, summary_view, ("number", "name"))


def ivr_get(call: Call) -> dict:
    return {"data": detail_view(call.pbx, callflow.get_object(call.pbx, KIND, callflow.id_param(call)))}


def ivr_query(call: Call) -> dict:
    ivrs = call.pbx.data.ivrs
    return {"data": [detail_view(call.pbx, ivrs[i]) for i in callflow.query_ids(call) if i in ivrs]}


def ivr_create(call: Call) -> dict:
    return {"id": create_ivr(call.pbx, call.params)}


def ivr_update(call: Call) -> dict:
    update_ivr(call.pbx, call.params)
    return {}


def ivr_delete(call: Call) -> dict:
    ivr = callflow.get_object(call.pbx, KIND, callflow.id_param(call))
    callflow.refuse_if_referenced(call.pbx, KIND, ivr["id"])
    del call.pbx.data.ivrs[ivr["id"]]
    return {}


ENDPOINTS = {
    "ivr/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "ivr/search": Endpoint("GET", lambda call: _list(call, search=True)),
    "ivr/get": Endpoint("GET", ivr_get),
    "ivr/query": Endpoint("GET", ivr_query),
    "ivr/create": Endpoint("POST", ivr_create),
    "ivr/update": Endpoint("POST", ivr_update),
    "ivr/delete": Endpoint("GET", ivr_delete),
}
