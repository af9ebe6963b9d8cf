"""inbound_route/* : inbound routes (manual L7687-8668).

A route matches calls arriving on its trunks by DID (did_option) and caller ID
(cid_option) and sends them to its default destination, or, with a time
condition, to the business-hours / outside-hours / holiday destination. The
time-condition fields appear only in list/search in the manual; the emulator
also accepts them on create/update and returns them in get/query (see
docs/emulator.md). Routes are ordered by pos, like outbound routes.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import callflow, route_order, trunk
from .api import Call, Endpoint
from .state import Instance
from .validation import ID_LIST, TEXT, Rule, check, existing_ids, optional, raise_if, read_ids, require_valid

KIND = "inbound_route"
SORT_FIELDS = ("id", "pos", "name")
DEFAULT_SORT = "pos"
# DEST-A (def_dest, Table 204) = DEST-C (the time-condition destinations).
DESTINATIONS = ("disabled", "end_call", "extension", "pattern_to_ext", "range_to_ext", "pattern_to_ext_list",
                "ext_vm", "ivr", "ring_group", "queue", "group_vm", "conference", "external_num", "outroute",
                "play_greeting", "fax_to_email")
# current_destination (DEST-B) has no disabled / pattern_to_ext_list and spells range_to_ext_dest.
CURRENT_NAMES = {"disabled": "end_call", "range_to_ext": "range_to_ext_dest",
                 "pattern_to_ext_list": "pattern_to_ext"}
# Destinations that take no value (the extension list of pattern_to_ext is separate).
VALUELESS = frozenset({"disabled", "end_call", "fax_to_email", "pattern_to_ext", "pattern_to_ext_list"})
DID_OPTIONS = ("patterns", "pattern_to_ext", "range_to_ext", "pattern_to_ext_list")
CID_OPTIONS = ("patterns", "phonebook")
TIME_CONDITIONS = ("disabled", "global", "route_scope", "custom")
TIME_SLOTS = ("business_hours_destination", "outside_business_hours_destination", "holidays_hours_destination")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PERIOD = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)")
DIGITS = Rule(str, required=True, nonempty=True, pattern=r"\d+")
PATTERN = r"[0-9XZNxzn.!\[\]+*#-]+"
# Fields that become required when an option takes a value (the "注" of Table 204).
REQUIRED_BY = {
    ("did_option", "patterns"): ("did_pattern_list",),
    ("did_option", "pattern_to_ext"): ("did_pattern_to_ext",),
    ("did_option", "range_to_ext"): ("did_to_ext_start", "did_to_ext_end"),
    ("did_option", "pattern_to_ext_list"): ("did_pattern_to_ext_list",),
    ("cid_option", "patterns"): ("cid_pattern_list",),
    ("cid_option", "phonebook"): ("cid_to_phonebook",),
    ("def_dest", "pattern_to_ext"): ("def_dest_ext_list",),
    ("time_condition", "route_scope"): ("time_condition_value",),
    ("time_condition", "custom"): ("time_condition_value",),
}
EXT_MEMBER = {"value": Rule(str, required=True, nonempty=True), "name": TEXT, "number": TEXT,
              "type": Rule(str, enum=("extension", "ext_group"))}
CREATE = {
    "name": Rule(str, required=True, nonempty=True, length=(1, 63)),
    "alert_info": TEXT,
    "did_option": Rule(str, enum=DID_OPTIONS),
    "did_pattern_list": Rule(list, items={"did_pattern": Rule(str, required=True, nonempty=True,
                                                              pattern=PATTERN)}),
    "did_pattern_to_ext": TEXT,
    "did_to_ext_start": Rule(str, pattern=r"\d+"),
    "did_to_ext_end": Rule(str, pattern=r"\d+"),
    "did_pattern_to_ext_list": Rule(list, items={"did_pattern": DIGITS, "did_pattern_to_ext": DIGITS}),
    "cid_option": Rule(str, enum=CID_OPTIONS),
    "cid_pattern_list": Rule(list, items={"cid_pattern": Rule(str, required=True, nonempty=True,
                                                              pattern=PATTERN)}),
    # Array<Integer> in the tables, the string "[10,5]" in the get example: both accepted.
    "cid_to_phonebook": ID_LIST,
    "trunk_list": Rule(list, required=True, nonempty=True, items={
        "id": Rule(int, required=True), "name": TEXT, "type": TEXT}),
    "def_dest": Rule(str, required=True, enum=DESTINATIONS),
    "def_dest_prefix": TEXT,
    "def_dest_value": TEXT,
    "def_dest_ext_list": Rule(list, items=EXT_MEMBER),
    "time_condition": Rule(str, enum=TIME_CONDITIONS),
    "time_condition_value": Rule(list, items={"days_of_week": Rule(str, required=True, nonempty=True),
                                              "times": Rule(list, required=True, nonempty=True,
                                                            items=Rule(str, pattern=PERIOD.pattern))}),
    **{name: rule for slot in TIME_SLOTS
       for name, rule in ((slot, Rule(str, enum=DESTINATIONS)), (slot + "_value", TEXT))},
    "pos": route_order.POS,
}
UPDATE = {"id": Rule(int, required=True), **optional(CREATE)}
DEFAULTS = {
    "alert_info": "", "did_option": "patterns", "did_pattern_list": [], "did_pattern_to_ext": "",
    "did_to_ext_start": "", "did_to_ext_end": "", "did_pattern_to_ext_list": [], "cid_option": "patterns",
    "cid_pattern_list": [], "cid_to_phonebook": [], "trunk_list": [], "def_dest_prefix": "",
    "def_dest_value": "", "def_dest_ext_list": [], "time_condition": "disabled", "time_condition_value": [],
    **{name: value for slot in TIME_SLOTS for name, value in ((slot, "end_call"), (slot + "_value", ""))},
}
LISTS = ("did_pattern_list", "did_pattern_to_ext_list", "cid_pattern_list", "def_dest_ext_list",
         "time_condition_value", "trunk_list", "cid_to_phonebook")


# ---------------------------------------------------------------- validation

def _range(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d+)-(\d+)", text)
    if not match or int(match[1]) > int(match[2]):
        return None
    return int(match[1]), int(match[2])


def _destination_errors(pbx: Instance, record: dict, dest: str, prefix: str, value: str,
                        errors: list[dict]) -> None:
    kind, val = record[dest], record.get(value, "")
    if kind in VALUELESS:
        return
    if not val:
        errors.append({"field": value, "validation_type": "required"})
    elif kind == "outroute":
        check(callflow.exists(pbx, "outbound_route", val), value, "not_exist", errors)
    elif kind == "range_to_ext":
        check(_range(val) is not None, value, "format", errors)
    elif kind == "external_num":
        check(bool(re.fullmatch(r"[0-9*#+]+", val)), value, "format", errors)
    else:
        callflow.destination_errors(pbx, record, dest, prefix, value, errors)


def _times_errors(entries: list[dict], errors: list[dict]) -> None:
    for index, entry in enumerate(entries):
        where = f"time_condition_value[{index}]."
        days = entry["days_of_week"].split()
        check(all(d in DAYS for d in days) and len(set(days)) == len(days), where + "days_of_week", "format",
              errors)
        for number, period in enumerate(entry["times"]):
            match = PERIOD.fullmatch(period)
            check(match is not None and match[1] + match[2] < match[3] + match[4],
                  f"{where}times[{number}]", "invalid", errors)


def _option_errors(params: dict, merged: dict, errors: list[dict]) -> None:
    """Fields an option needs, when the request sets that option (an omitted
    did/cid option defaults to patterns with no pattern: every DID / caller)."""
    for (option, value), needed in REQUIRED_BY.items():
        if merged[option] == value and (option in params or option in ("def_dest", "time_condition")):
            for name in needed:
                check(bool(merged[name]), name, "required", errors)


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k not in ("id", "pos") + LISTS}}
    errors: list[dict] = []
    if "did_pattern_list" in params:
        merged["did_pattern_list"] = [{"id": pbx.data.allocate("did_pattern"), "did_pattern": p["did_pattern"]}
                                      for p in params["did_pattern_list"]]
    if "cid_pattern_list" in params:
        merged["cid_pattern_list"] = [{"id": pbx.data.allocate("cid_pattern"), "cid_pattern": p["cid_pattern"]}
                                      for p in params["cid_pattern_list"]]
    if "did_pattern_to_ext_list" in params:
        for index, item in enumerate(params["did_pattern_to_ext_list"]):
            check(callflow.exists(pbx, "extension", item["did_pattern_to_ext"]),
                  f"did_pattern_to_ext_list[{index}].did_pattern_to_ext", "not_exist", errors)
        merged["did_pattern_to_ext_list"] = [
            {"id": pbx.data.allocate("did_pattern_to_ext"), "did_pattern": i["did_pattern"],
             "did_pattern_to_ext": i["did_pattern_to_ext"]} for i in params["did_pattern_to_ext_list"]]
    if "cid_to_phonebook" in params:
        merged["cid_to_phonebook"] = existing_ids(read_ids(params["cid_to_phonebook"], "cid_to_phonebook", errors),
                                                  pbx.data.phonebooks, "cid_to_phonebook", errors)
    if "trunk_list" in params:
        merged["trunk_list"] = trunk.list_errors(pbx, params["trunk_list"], errors)
    if "def_dest_ext_list" in params:
        members = [{"value": m["value"], "type": m.get("type", "extension")} for m in params["def_dest_ext_list"]]
        callflow.member_errors(pbx, members, "def_dest_ext_list", errors, {"extension": "extension",
                                                                           "ext_group": None})
        merged["def_dest_ext_list"] = members
    if "time_condition_value" in params:
        _times_errors(params["time_condition_value"], errors)
        merged["time_condition_value"] = [{"days_of_week": " ".join(e["days_of_week"].split()),
                                           "times": list(e["times"])} for e in params["time_condition_value"]]
    if merged["did_option"] == "range_to_ext" and merged["did_to_ext_start"] and merged["did_to_ext_end"]:
        check(int(merged["did_to_ext_start"]) <= int(merged["did_to_ext_end"]), "did_to_ext_end", "invalid",
              errors)
    for dest, prefix, value in (("def_dest", "def_dest_prefix", "def_dest_value"),
                                *((slot, None, slot + "_value") for slot in TIME_SLOTS)):
        if merged[dest] in VALUELESS:
            # A value left from the previous destination would only show up stale.
            merged.update({value: ""}, **({prefix: ""} if prefix else {}))
    _option_errors(params, merged, errors)
    _destination_errors(pbx, merged, "def_dest", "def_dest_prefix", "def_dest_value", errors)
    # "DID matched to specified extensions" needs the DID-to-extension list.
    check(merged["def_dest"] != "pattern_to_ext_list" or merged["did_option"] == "pattern_to_ext_list",
          "def_dest", "invalid", errors)
    for slot in TIME_SLOTS:
        # A time slot has no extension list, so "match extension" cannot be set there.
        check(merged[slot] != "pattern_to_ext", slot, "invalid", errors)
        _destination_errors(pbx, merged, slot, slot + "_prefix", slot + "_value", errors)
    route_order.position_errors(pbx.data.inbound_routes, params.get("pos"), "id" not in current, errors)
    raise_if(errors)
    callflow.require_unique_name(pbx, KIND, merged["name"], current.get("id"), action, "Inbound route")
    return merged


def _store(pbx: Instance, params: dict, route: dict) -> int:
    pbx.data.inbound_routes[route["id"]] = route
    route_order.place(pbx.data.inbound_routes, route["id"], params.get("pos"))
    return route["id"]


def create_inbound_route(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    route = _apply(pbx, params, dict(DEFAULTS), "create")
    route["id"] = pbx.data.allocate(KIND)
    return _store(pbx, params, route)


def update_inbound_route(pbx: Instance, params: dict) -> None:
    require_valid(params, UPDATE)
    current = callflow.get_object(pbx, KIND, params["id"])
    _store(pbx, params, _apply(pbx, params, current, "update"))


def _active_slots(route: dict) -> list[str]:
    return ["def_dest"] + (list(TIME_SLOTS) if route["time_condition"] != "disabled" else [])


def references(route: dict) -> Iterator[tuple[str, int]]:
    """What the route uses now: fields of options not chosen are kept but do not count."""
    for item in route["trunk_list"]:
        yield "trunk", item["id"]
    if route["cid_option"] == "phonebook":
        for book in route["cid_to_phonebook"]:
            yield "phonebook", book
    if route["did_option"] == "pattern_to_ext_list":
        for item in route["did_pattern_to_ext_list"]:
            yield "extension", int(item["did_pattern_to_ext"])
    if route["def_dest"] == "pattern_to_ext":
        for member in route["def_dest_ext_list"]:
            if member["type"] == "extension":
                yield "extension", int(member["value"])
    for dest in _active_slots(route):
        value = dest + "_value" if dest != "def_dest" else "def_dest_value"
        if route[dest] == "outroute" and route[value].isdigit():
            yield "outbound_route", int(route[value])
        yield from callflow.destination_refs(route, dest, value)


# ---------------------------------------------------------------- views

def _display(pbx: Instance, dest: str, value: str) -> str:
    """What list/search print as a destination value: "2005-Kristin Hale", "6300-Support", a number..."""
    target = {**callflow.ID_TARGETS, "outroute": "outbound_route"}.get(dest)
    if target is None:
        return value if dest in ("external_num", "play_greeting", "range_to_ext") else ""
    if not callflow.exists(pbx, target, value):
        return ""
    obj = callflow.store(pbx, target)[int(value)]
    if target == "extension":
        return "-".join(p for p in (obj["number"], callflow.ext_name(obj)) if p)
    return f"{obj['number']}-{obj['name']}" if "number" in obj else obj["name"]


def _time_view(route: dict, display=None) -> dict:
    if route["time_condition"] == "disabled":
        return {}
    view: dict = {}
    if route["time_condition"] in ("route_scope", "custom"):
        view["time_condition_value"] = [dict(e, times=list(e["times"])) for e in route["time_condition_value"]]
    for slot in TIME_SLOTS:
        view[slot] = route[slot]
        shown = display(route[slot], route[slot + "_value"]) if display else route[slot + "_value"]
        if shown:
            view[slot + "_value"] = shown
    return view


def summary_view(pbx: Instance, route: dict) -> dict:
    if route["time_condition"] == "disabled":
        current, current_value = route["def_dest"], route["def_dest_value"]
    else:
        slot = TIME_SLOTS[0]
        current, current_value = route[slot], route[slot + "_value"]
    view = {"id": route["id"], "pos": route["pos"], "name": route["name"],
            "default_destination": route["def_dest"],
            "current_destination": CURRENT_NAMES.get(current, current),
            "time_condition": route["time_condition"]}
    # The examples' spelling (L7795): the documented default_destination_value never appears.
    for key, dest, value in (("default_desination_value", route["def_dest"], route["def_dest_value"]),
                             ("current_desination_value", current, current_value)):
        shown = _display(pbx, dest, value)
        if shown:
            view[key] = shown
    view.update(_time_view(route, lambda dest, value: _display(pbx, dest, value)))
    return view


def _did_view(route: dict) -> dict:
    option = route["did_option"]
    if option == "patterns":
        return {"did_pattern_list": [dict(p) for p in route["did_pattern_list"]]}
    if option == "pattern_to_ext":
        return {"did_pattern_to_ext": route["did_pattern_to_ext"]}
    if option == "range_to_ext":
        return {"did_to_ext_start": route["did_to_ext_start"], "did_to_ext_end": route["did_to_ext_end"]}
    return {"did_pattern_to_ext_list": [dict(p) for p in route["did_pattern_to_ext_list"]]}


def _cid_view(route: dict) -> dict:
    if route["cid_option"] == "phonebook":
        # A string, as both examples print it (L8132, L8302).
        return {"cid_to_phonebook": "[" + ",".join(map(str, route["cid_to_phonebook"])) + "]"}
    return {"cid_pattern_list": [dict(p) for p in route["cid_pattern_list"]]} if route["cid_pattern_list"] else {}


def detail_view(pbx: Instance, route: dict) -> dict:
    view: dict = {"id": route["id"], "name": route["name"]}
    if route["alert_info"]:
        view["alert_info"] = route["alert_info"]
    view["did_option"] = route["did_option"]
    view.update(_did_view(route))
    view["cid_option"] = route["cid_option"]
    view.update(_cid_view(route))
    view["trunk_list"] = [trunk.reference(pbx.data.trunks[t["id"]]) for t in route["trunk_list"]]
    view["def_dest"] = route["def_dest"]
    for key in ("def_dest_prefix", "def_dest_value"):
        if route[key]:
            view[key] = route[key]
    if route["def_dest"] == "pattern_to_ext":
        view["def_dest_ext_list"] = []
        for member in route["def_dest_ext_list"]:
            shown = callflow.member_view(pbx, member["type"], member["value"])
            view["def_dest_ext_list"].append({"value": member["value"], "name": shown["text"],
                                              "number": shown["text2"], "type": member["type"]})
    view["time_condition"] = route["time_condition"]
    view.update(_time_view(route))
    return view


# ---------------------------------------------------------------- endpoints

def _list(call: Call, search: bool) -> dict:
    routes = call.pbx.data.inbound_routes
    views = [summary_view(call.pbx, r) for r in routes.values()]
    answer = callflow.list_views(call, views, SORT_FIELDS, search, ("name",), default_sort=DEFAULT_SORT)
    return {"total_number": answer["total_number"], "last_pos": route_order.last_pos(routes),
            "data": answer["data"]}


def _delete(pbx: Instance, _kind: str, route: dict) -> None:
    route_order.remove(pbx.data.inbound_routes, route["id"])


ENDPOINTS = {
    "inbound_route/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "inbound_route/search": Endpoint("GET", lambda call: _list(call, search=True)),
    **callflow.object_endpoints("inbound_route", KIND, detail_view, create_inbound_route, update_inbound_route,
                                delete=_delete),
}
