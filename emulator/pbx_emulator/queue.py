"""queue/*, queue_pause_reason/*, agent/* : queues, pause reasons and agents (manual L11151-13433).

Agent state (logged in, paused, pause reason) lives in each queue record under
``agent_state`` keyed by extension id; static agents are always logged in,
dynamic agents start logged out (a queue whose agents are all logged out is in
the "no agents" state by default, L11577).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from . import callflow
from .api import Call, Endpoint
from .callflow import NAME, NUMBER
from .errors import DUPLICATE_KEY_VALUE, ApiError
from .listing import page_of, paging_schema
from .state import Instance
from .validation import (FLAG, TEXT, Rule, check, coerce_query, optional, parse_id_list, raise_if,
                         require_valid)

KIND = "queue"
STRATEGIES = ("ring_all", "least_recent", "fewest_calls", "random", "rrmemory", "linear")
DESTS = ("end_call", "extension", "ext_vm", "group_vm", "ivr", "ring_group", "queue",
         "external_num", "play_greeting")
SLOTS = (("fail_dest", "fail_dest_prefix", "fail_dest_value"),
         ("key_dest", "key_dest_prefix", "key_dest_value"))
KEYS = tuple("0123456789*#")
SURVEY_KEYS = tuple("0123456789*")
EMPTY_SCENARIOS = ("1", "2", "3")
SORT_FIELDS = ("id", "number", "name", "ring_strategy")
AGENT_LISTS = ("dynamic_agent_list", "static_agent_list")
MEMBER_LISTS = AGENT_LISTS + ("manager_list",)
BIG = 9999999

AGENT = {"value": Rule(str, required=True, pattern=r"\d+"), "type": Rule(str, enum=("extension",)),
         "number_value": Rule(int, range=(1, 99)), "text": TEXT, "text2": TEXT}
MANAGER = {"value": Rule(str, required=True, pattern=r"\d+"), "type": Rule(str, enum=("extension",)),
           "text": TEXT, "text2": TEXT}
POINT = {"k": Rule(str, required=True, enum=SURVEY_KEYS), "p": Rule(int, required=True, range=(-99, 99))}
# Documented String "1,2", sent and returned as an array of strings in every example.
SCENARIOS = Rule(list, items=Rule(str, enum=EMPTY_SCENARIOS))

CREATE: dict[str, Rule] = {
    "number": replace(NUMBER, required=True),
    "name": replace(NAME, required=True),
    "enb_queue_skill_based_routing": FLAG,
    "ring_strategy": Rule(str, required=True, enum=STRATEGIES),
    "moh": TEXT,
    # create says 0-99999999 (L12314), update 0-9999999 (L12624): the wider one.
    "max_wait_time": Rule(int, range=(0, 99999999)),
    **callflow.slot_rules(*SLOTS[0], DESTS),
    "fail_dest": Rule(str, required=True, enum=DESTS),
    "agent_timeout": Rule(int, range=(1, BIG)),
    "retry_time": Rule(int, range=(1, BIG)),
    "wrap_up_time": Rule(int, range=(1, BIG)),
    "agent_prompt": TEXT,
    "enb_ring_in_use": FLAG,
    "enb_auto_pause": FLAG,
    "max_pause_miss_call": Rule(int, range=(1, 5)),
    "dynamic_agent_list": Rule(list, items=AGENT),
    "static_agent_list": Rule(list, items=AGENT),
    "manager_list": Rule(list, items=MANAGER),
    "enb_email_miss_call": FLAG,
    "enb_email_abandon_call": FLAG,
    "enb_email_sla_alarm": FLAG,
    "callback_enb_request_email": FLAG,
    "callback_enb_failed_email": FLAG,
    "max_calls": Rule(int, range=(1, 9999)),
    "alert_info": TEXT,
    "enb_leave_empty": FLAG,
    "empty_defined_for_leave_empty": SCENARIOS,
    "enb_disallow_to_join_when_empty": FLAG,
    "empty_defined_for_disallow_to_join_when_empty": SCENARIOS,
    "sla_time": Rule(int, range=(1, 9999)),
    "sla_interval": Rule(int, range=(1, 9999)),
    "sla_alarm_threshold": Rule(int, range=(1, 999)),
    "join_prompt": TEXT,
    "enb_announce_agent_id": FLAG,
    "enb_announce_default_prompt": FLAG,
    "enb_announce_pos": FLAG,
    "enb_announce_hold_time": FLAG,
    "caller_announce_freq": Rule(int, range=(1, 999)),
    "sys_announce_prompt": TEXT,
    "sys_announce_freq": Rule(int, range=(1, 9999)),
    "satisfa_survey_prompt": TEXT,
    "satisfa_survey_end_prompt": TEXT,
    "satisfaction_survey_point_list": Rule(list, items=POINT),
    "press_key": Rule(str, enum=KEYS + ("",)),
    **callflow.slot_rules(*SLOTS[1], DESTS),
    "enb_callback": FLAG,
    "callback_method": Rule(str, enum=("digit", "timeout")),
    "callback_press_key": Rule(str, enum=KEYS + ("",)),
    "callback_trigger_timeout": Rule(int, range=(0, 1800)),
    "callback_outbound_prefix": TEXT,
    "callback_timeout": Rule(str, enum=("queue_max_wait_time", "custom")),
    "callback_timeout_num": Rule(int, range=(0, 1800)),
}
UPDATE: dict[str, Rule] = {"id": Rule(int, required=True), **optional(CREATE)}
# Values of the queue/get example (L11661-11836) where it shows a plain setting;
# feature switches (e-mails, callback, leave/disallow when empty) default off.
DEFAULTS: dict[str, Any] = {
    "enb_queue_skill_based_routing": 0, "moh": "default", "max_wait_time": 1800,
    "fail_dest_prefix": "", "fail_dest_value": "", "agent_timeout": 30, "retry_time": 30,
    "wrap_up_time": 30, "agent_prompt": "", "enb_ring_in_use": 0, "enb_auto_pause": 0,
    "max_pause_miss_call": 0, "dynamic_agent_list": [], "static_agent_list": [], "manager_list": [],
    "enb_email_miss_call": 0, "enb_email_abandon_call": 0, "enb_email_sla_alarm": 0,
    "callback_enb_request_email": 0, "callback_enb_failed_email": 0, "max_calls": 0,
    "alert_info": "", "enb_leave_empty": 0, "empty_defined_for_leave_empty": ["1", "2"],
    "enb_disallow_to_join_when_empty": 0, "empty_defined_for_disallow_to_join_when_empty": ["1", "2"],
    "sla_time": 60, "sla_interval": 30, "sla_alarm_threshold": 80, "join_prompt": "",
    "enb_announce_agent_id": 0, "enb_announce_default_prompt": 1, "enb_announce_pos": 1,
    "enb_announce_hold_time": 1, "caller_announce_freq": 30, "sys_announce_prompt": "",
    "sys_announce_freq": 60, "satisfa_survey_prompt": "", "satisfa_survey_end_prompt": "",
    "satisfaction_survey_point_list": [], "press_key": "", "key_dest": "end_call",
    "key_dest_prefix": "", "key_dest_value": "", "enb_callback": 0, "callback_method": "digit",
    "callback_press_key": "1", "callback_trigger_timeout": 0, "callback_outbound_prefix": "",
    "callback_timeout": "queue_max_wait_time", "callback_timeout_num": 180,
}
# Spellings the manual also uses (L12050 vs L11725; K/P in tables, k/p in examples).
ALIASES = {"satisfy_survey_prompt": "satisfa_survey_prompt", "satisfas_survey_prompt": "satisfa_survey_prompt"}


def _normalise(params: dict) -> dict:
    out = {ALIASES.get(k, k): v for k, v in params.items()}
    points = out.get("satisfaction_survey_point_list")
    if isinstance(points, list):
        out["satisfaction_survey_point_list"] = [
            {k.lower(): v for k, v in p.items()} if isinstance(p, dict) else p for p in points]
    for name in ("empty_defined_for_leave_empty", "empty_defined_for_disallow_to_join_when_empty"):
        if isinstance(out.get(name), str):
            out[name] = [s.strip() for s in out[name].split(",") if s.strip()]
    return out


def _members(params: dict, name: str) -> list[dict]:
    if name == "manager_list":
        return [{"value": m["value"]} for m in params[name]]
    return [{"value": m["value"], "number_value": m.get("number_value", 1)} for m in params[name]]


def references(q: dict) -> Iterator[tuple[str, int]]:
    for name in MEMBER_LISTS:
        for member in q[name]:
            yield "extension", int(member["value"])
    for dest, _, value in SLOTS:
        yield from callflow.destination_refs(q, dest, value)


def _semantic_errors(pbx: Instance, merged: dict, errors: list[dict]) -> None:
    for name in MEMBER_LISTS:
        callflow.member_errors(pbx, [{**m, "type": "extension"} for m in merged[name]], name, errors,
                               {"extension": "extension"})
    dynamic = {m["value"] for m in merged["dynamic_agent_list"]}
    for index, member in enumerate(merged["static_agent_list"]):
        # one agent type per extension and queue (agent_status reports one agent_type)
        check(member["value"] not in dynamic, f"static_agent_list[{index}].value", "invalid", errors)
    for slot in SLOTS:
        callflow.destination_errors(pbx, merged, *slot, errors)
    for name in ("agent_prompt", "join_prompt", "sys_announce_prompt"):
        callflow.prompt_errors(pbx, merged, name, errors)
    for name in ("satisfa_survey_prompt", "satisfa_survey_end_prompt"):
        callflow.prompt_errors(pbx, merged, name, errors, allow_default=True)
    callflow.moh_errors(pbx, merged, "moh", errors)
    check(not merged["enb_auto_pause"] or merged["max_pause_miss_call"] >= 1,
          "max_pause_miss_call", "required", errors)
    check(merged["callback_method"] != "digit" or bool(merged["callback_press_key"]),
          "callback_press_key", "required", errors)
    keys = [p["k"] for p in merged["satisfaction_survey_point_list"]]
    for index, key in enumerate(keys):
        check(key not in keys[:index], f"satisfaction_survey_point_list[{index}].k", "invalid", errors)


def _sync_agent_state(q: dict) -> None:
    """Keep the state of agents still in the queue; new dynamic agents start logged out."""
    old = q.get("agent_state", {})
    state = {}
    for name, logged_in in (("dynamic_agent_list", 0), ("static_agent_list", 1)):
        for member in q[name]:
            ext_id = int(member["value"])
            previous = old.get(ext_id)
            if previous is not None and previous["agent_type"] == name.split("_")[0]:
                state[ext_id] = previous
            else:
                state[ext_id] = {"agent_type": name.split("_")[0], "is_login": logged_in,
                                 "is_pause": 0, "pause_reason": ""}
    q["agent_state"] = state


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k not in ("id",) + MEMBER_LISTS}}
    for name in MEMBER_LISTS:
        if name in params:
            merged[name] = _members(params, name)
    if "satisfaction_survey_point_list" in params:
        merged["satisfaction_survey_point_list"] = [
            {"k": p["k"], "p": p["p"]} for p in params["satisfaction_survey_point_list"]]
    for name in ("empty_defined_for_leave_empty", "empty_defined_for_disallow_to_join_when_empty"):
        merged[name] = list(dict.fromkeys(merged[name]))
    errors: list[dict] = []
    _semantic_errors(pbx, merged, errors)
    raise_if(errors)
    callflow.require_free_number(pbx, KIND, merged["number"], current.get("id"), action, "Queue")
    _sync_agent_state(merged)
    return merged


def create_queue(pbx: Instance, params: dict) -> int:
    params = _normalise(params)
    require_valid(params, CREATE)
    merged = _apply(pbx, params, dict(DEFAULTS), "create")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.queues[merged["id"]] = merged
    return merged["id"]


def update_queue(pbx: Instance, params: dict) -> None:
    params = _normalise(params)
    require_valid(params, UPDATE)
    current = callflow.get_object(pbx, KIND, params["id"])
    pbx.data.queues[current["id"]] = _apply(pbx, params, current, "update")


# ---------------------------------------------------------------- views

def _member_list_view(pbx: Instance, q: dict, name: str, with_skill: bool) -> list[dict] | None:
    views = [callflow.member_view(pbx, "extension", m["value"],
                                  {"number_value": m["number_value"]} if with_skill and "number_value" in m else None)
             for m in q[name]]
    return views or None     # the examples return null for an empty list (L11245)


def summary_view(pbx: Instance, q: dict) -> dict:
    view = {k: q[k] for k in ("id", "number", "name", "ring_strategy")}
    for name in MEMBER_LISTS:
        view[name] = _member_list_view(pbx, q, name, with_skill=False)
    return view


def detail_view(pbx: Instance, q: dict) -> dict:
    view = {k: q[k] for k in ("id", "number", "name", "ring_strategy", "fail_dest")}
    hidden = {"enb_queue_skill_based_routing", "satisfaction_survey_point_list"} | set(MEMBER_LISTS)
    view.update({k: q[k] for k in DEFAULTS if k not in hidden})
    # empty_defined_* are absent while their switch is off (L12163-12164).
    for switch, name in (("enb_leave_empty", "empty_defined_for_leave_empty"),
                         ("enb_disallow_to_join_when_empty", "empty_defined_for_disallow_to_join_when_empty")):
        if not q[switch]:
            del view[name]
    # The tables say satisfa_survey_prompt, the get example satisfy_survey_prompt (L11725): both.
    view["satisfy_survey_prompt"] = q["satisfa_survey_prompt"]
    for name in MEMBER_LISTS:
        view[name] = _member_list_view(pbx, q, name, with_skill=name != "manager_list")
    view["satisfaction_survey_point_list"] = [dict(p) for p in q["satisfaction_survey_point_list"]]
    return view


def agent_status(pbx: Instance, q: dict) -> list[dict]:
    rows = []
    for ext_id, state in q["agent_state"].items():
        ext = pbx.data.extensions[ext_id]
        rows.append({"name": callflow.ext_name(ext), "number": ext["number"],
                     "is_login": state["is_login"], "is_pause": state["is_pause"],
                     # unknown (0) until the control API's queue_status sets it
                     "call_status": pbx.data.activity.agent_call_status.get(ext["number"], 0), "pause_reason": state["pause_reason"],
                     "agent_type": state["agent_type"]})
    return rows


# ---------------------------------------------------------------- queue endpoints

def _list(call: Call, search: bool) -> dict:
    reply = callflow.list_call(call, KIND, SORT_FIELDS, search, lambda q: summary_view(call.pbx, q),
                               ("number", "name"))
    # The list key is queue_list, not data (L11179, L11394).
    return {"total_number": reply["total_number"], "queue_list": reply["data"]}


def q_get(call: Call) -> dict:
    return {"data": detail_view(call.pbx, callflow.get_object(call.pbx, KIND, callflow.id_param(call)))}


def q_query(call: Call) -> dict:
    queues = call.pbx.data.queues
    return {"data": [detail_view(call.pbx, queues[i]) for i in callflow.query_ids(call) if i in queues]}


def q_create(call: Call) -> dict:
    return {"id": create_queue(call.pbx, call.params)}


def q_update(call: Call) -> dict:
    update_queue(call.pbx, call.params)
    return {}


def q_delete(call: Call) -> dict:
    q = callflow.get_object(call.pbx, KIND, callflow.id_param(call))
    callflow.refuse_if_referenced(call.pbx, KIND, q["id"])
    del call.pbx.data.queues[q["id"]]
    return {}


def q_call_status(call: Call) -> dict:
    q = callflow.get_object(call.pbx, KIND, callflow.id_param(call))
    # The calls the control API's queue_status put in the queue.
    lists = call.pbx.data.activity.queue_calls.get(q["id"], {})
    reply = {}
    for kind in ("waiting", "active", "ringing"):
        calls = [dict(c) for c in lists.get(kind + "_list", [])]
        reply.update({kind + "_list": calls, kind + "_calls": len(calls)})
    return reply


def q_agent_status(call: Call) -> dict:
    rows = agent_status(call.pbx, callflow.get_object(call.pbx, KIND, callflow.id_param(call)))
    return {"total_number": len(rows), "data": rows}


# ---------------------------------------------------------------- pause reasons

def reason_list(call: Call) -> dict:
    schema = paging_schema(call.pbx.config.max_page_size, ("id",))
    del schema["sort_by"], schema["order_by"]
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    # No total_number in this answer (L13082-13096).
    return {"data": page_of([dict(r) for r in call.pbx.data.pause_reasons], params)}


def reason_update(call: Call) -> dict:
    schema = {"pause_reason_list": Rule(list, required=True, items={
        "code": Rule(str, required=True, nonempty=True), "reason": Rule(str, required=True, nonempty=True)})}
    require_valid(call.params, schema)
    reasons = call.params["pause_reason_list"]
    codes = [r["code"] for r in reasons]
    duplicates = [{"field": f"pause_reason_list[{i}].code", "value": code, "external_source": "queue_pause_reason",
                   "external_source_name": reasons[codes.index(code)]["reason"]}
                  for i, code in enumerate(codes) if code in codes[:i]]
    if duplicates:
        raise ApiError(DUPLICATE_KEY_VALUE, duplicate_field_list=duplicates,
                       submsg="Queue pause reason update fail for duplicate fields")
    # The whole list is replaced (L13159).
    call.pbx.data.pause_reasons = [{"code": r["code"], "reason": r["reason"]} for r in reasons]
    return {}


# ---------------------------------------------------------------- agent operations

def _agent_params(call: Call, schema: dict[str, Rule]) -> dict:
    params = dict(call.params)
    if "is_pause" in params and "is_paused" not in params:
        params["is_paused"] = params.pop("is_pause")   # the examples' spelling (L13268)
    params = coerce_query(params, schema)
    require_valid(params, schema)
    if "reason" in params:
        known = [r for r in call.pbx.data.pause_reasons if r["code"] == params["reason"]]
        if not known:
            raise_if([{"field": "reason", "validation_type": "not_exist"}])
        params["reason_text"] = known[0]["reason"]
    return params


def _ext_ids(pbx: Instance, text: str, field: str) -> list[int]:
    ids = list(dict.fromkeys(parse_id_list(text, field)))
    raise_if([{"field": field, "validation_type": "not_exist"}] if any(i not in pbx.data.extensions for i in ids)
             else [])
    return ids


def _queues(pbx: Instance, text: str | None, ext_id: int, dynamic_only: bool) -> list[dict]:
    """The named queues, or every queue the agent belongs to; each must contain the agent."""
    if text is None:
        chosen = list(pbx.data.queues.values())
        chosen = [q for q in chosen if _is_agent(q, ext_id, dynamic_only)]
        if not chosen:
            raise_if([{"field": "ext_id", "validation_type": "invalid"}])
        return chosen
    chosen = [callflow.get_object(pbx, KIND, i) for i in dict.fromkeys(parse_id_list(text, "queue_ids"))]
    raise_if([{"field": "ext_id", "validation_type": "invalid"}]
             if not all(_is_agent(q, ext_id, dynamic_only) for q in chosen) else [])
    return chosen


def _is_agent(q: dict, ext_id: int, dynamic_only: bool) -> bool:
    state = q["agent_state"].get(ext_id)
    return state is not None and (not dynamic_only or state["agent_type"] == "dynamic")


def _login(state: dict, params: dict) -> None:
    if params["operation"] == "login":
        paused = params.get("is_paused", 0)
        state.update(is_login=1, is_pause=paused, pause_reason=params.get("reason_text", "") if paused else "")
    else:
        state.update(is_login=0, is_pause=0, pause_reason="")


def _pause(state: dict, params: dict) -> None:
    if params["operation"] == "pause":
        state.update(is_pause=1, pause_reason=params.get("reason_text", ""))
    else:
        state.update(is_pause=0, pause_reason="")


LOGIN = {"operation": Rule(str, required=True, enum=("login", "logout")), "is_paused": FLAG, "reason": TEXT}
PAUSE = {"operation": Rule(str, required=True, enum=("pause", "unpause")), "reason": TEXT}


def queue_agent_login(call: Call) -> dict:
    params = _agent_params(call, {"ext_ids": Rule(str, required=True), "queue_id": Rule(int, required=True), **LOGIN})
    q = callflow.get_object(call.pbx, KIND, params["queue_id"])
    ids = _ext_ids(call.pbx, params["ext_ids"], "ext_ids")
    # Only dynamic agents log in and out (L13245).
    raise_if([{"field": "ext_ids", "validation_type": "invalid"}] if not all(_is_agent(q, i, True) for i in ids) else [])
    for ext_id in ids:
        _login(q["agent_state"][ext_id], params)
    return {}


def queue_agent_pause(call: Call) -> dict:
    params = _agent_params(call, {"ext_ids": Rule(str, required=True), "queue_id": Rule(int, required=True), **PAUSE})
    q = callflow.get_object(call.pbx, KIND, params["queue_id"])
    ids = _ext_ids(call.pbx, params["ext_ids"], "ext_ids")
    raise_if([{"field": "ext_ids", "validation_type": "invalid"}] if not all(_is_agent(q, i, False) for i in ids) else [])
    for ext_id in ids:
        _pause(q["agent_state"][ext_id], params)
    return {}


def agent_login(call: Call) -> dict:
    params = _agent_params(call, {"ext_id": Rule(int, required=True), "queue_ids": TEXT, **LOGIN})
    _ext_ids(call.pbx, str(params["ext_id"]), "ext_id")
    for q in _queues(call.pbx, params.get("queue_ids"), params["ext_id"], dynamic_only=True):
        _login(q["agent_state"][params["ext_id"]], params)
    return {}


def agent_pause(call: Call) -> dict:
    params = _agent_params(call, {"ext_id": Rule(int, required=True), "queue_ids": TEXT, **PAUSE})
    _ext_ids(call.pbx, str(params["ext_id"]), "ext_id")
    for q in _queues(call.pbx, params.get("queue_ids"), params["ext_id"], dynamic_only=False):
        _pause(q["agent_state"][params["ext_id"]], params)
    return {}


ENDPOINTS = {
    "queue/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "queue/search": Endpoint("GET", lambda call: _list(call, search=True)),
    "queue/get": Endpoint("GET", q_get),
    "queue/query": Endpoint("GET", q_query),
    "queue/create": Endpoint("POST", q_create),
    "queue/update": Endpoint("POST", q_update),
    "queue/delete": Endpoint("GET", q_delete),
    "queue/call_status": Endpoint("GET", q_call_status),
    "queue/agent_status": Endpoint("GET", q_agent_status),
    "queue_pause_reason/list": Endpoint("GET", reason_list),
    "queue_pause_reason/update": Endpoint("POST", reason_update),
    "queue/agent_login": Endpoint("GET", queue_agent_login),
    "queue/agent_pause": Endpoint("GET", queue_agent_pause),
    "agent/login": Endpoint("GET", agent_login),
    "agent/pause": Endpoint("GET", agent_pause),
}
