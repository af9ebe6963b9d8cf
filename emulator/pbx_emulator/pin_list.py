"""pin_list/* : PIN lists (manual L9600-10064).

PINs are shown in clear in every answer, as in every example of the manual
(list, search, get, query: "pin_list": "2283,3301"). Outbound routes refer to a
PIN list by id (route pin_protect = pin_list).
"""

from __future__ import annotations

import re
from typing import Iterator

from . import callflow
from .api import Call, Endpoint
from .state import Instance
from .validation import FLAG, Rule, check, optional, raise_if, require_valid

KIND = "pin_list"
SORT_FIELDS = ("id", "name")
CREATE = {
    "name": Rule(str, required=True, nonempty=True, length=(1, 127)),
    "pin_list": Rule(str, required=True, nonempty=True),
    "enb_record_cdr": FLAG,
}
UPDATE = {"id": Rule(int, required=True), **optional(CREATE)}


def references(_pins: dict) -> Iterator[tuple[str, int]]:
    return iter(())


def _pins(text: str, errors: list[dict]) -> str:
    """Half-width comma separated PINs (L9908): digits each, no repeats; stored without spaces."""
    pins = [p.strip() for p in text.split(",")]
    check(all(re.fullmatch(r"\d+", p) for p in pins), "pin_list", "format", errors)
    check(len(set(pins)) == len(pins), "pin_list", "invalid", errors)
    return ",".join(pins)


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k != "id"}}
    errors: list[dict] = []
    merged["pin_list"] = _pins(merged["pin_list"], errors)
    raise_if(errors)
    callflow.require_unique_name(pbx, KIND, merged["name"], current.get("id"), action, "PIN list")
    return merged


def create_pin_list(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    merged = _apply(pbx, params, {"enb_record_cdr": 0}, "create")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.pin_lists[merged["id"]] = merged
    return merged["id"]


def view(pins: dict) -> dict:
    return {k: pins[k] for k in ("id", "name", "pin_list", "enb_record_cdr")}


def _list(call: Call, search: bool) -> dict:
    # list takes only page/page_size (L9614-9618); search also sort_by id|name.
    return callflow.list_call(call, KIND, SORT_FIELDS, search, view, ("name",), sortable=search)


def pl_get(call: Call) -> dict:
    return {"data": view(callflow.get_object(call.pbx, KIND, callflow.id_param(call)))}


def pl_query(call: Call) -> dict:
    pins = call.pbx.data.pin_lists
    # The table says ids, the example sends id=13,14 (L9864): both.
    return {"data": [view(pins[i]) for i in callflow.query_ids(call, id_alias=True) if i in pins]}


def pl_create(call: Call) -> dict:
    return {"id": create_pin_list(call.pbx, call.params)}


def pl_update(call: Call) -> dict:
    require_valid(call.params, UPDATE)
    current = callflow.get_object(call.pbx, KIND, call.params["id"])
    call.pbx.data.pin_lists[current["id"]] = _apply(call.pbx, call.params, current, "update")
    return {}


def pl_delete(call: Call) -> dict:
    pins = callflow.get_object(call.pbx, KIND, callflow.id_param(call))
    callflow.refuse_if_referenced(call.pbx, KIND, pins["id"])
    del call.pbx.data.pin_lists[pins["id"]]
    return {}


ENDPOINTS = {
    "pin_list/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "pin_list/search": Endpoint("GET", lambda call: _list(call, search=True)),
    "pin_list/get": Endpoint("GET", pl_get),
    "pin_list/query": Endpoint("GET", pl_query),
    "pin_list/create": Endpoint("POST", pl_create),
    "pin_list/update": Endpoint("POST", pl_update),
    "pin_list/delete": Endpoint("GET", pl_delete),
}
