"""outbound_route/* : outbound routes (manual L8670-9598).

The extension members of a route are derived from the extensions'
outbound_route_permission, so both views always agree. Trunks are stored by id
and shown with their current name and type.
"""

from __future__ import annotations

from . import callflow, route_order, trunk
from .api import Call, Endpoint
from .listing import list_schema_for, matches, page_of, sort_items
from .state import Instance
from .validation import TEXT, Rule, check, coerce_query, optional, raise_if, require_valid

KIND = "outbound_route"
SORT_FIELDS = ("id", "pos", "name", "outb_cid")
DEFAULT_SORT = "pos"
MEMBER_TYPES = ("extension", "ext_group", "organization")
# Digits and the pattern characters of the PBX dial plan: X Z N . ! [ ] - + * #
DIAL_PATTERN = r"[0-9XZNxzn.!\[\]+*#-]+"
CREATE = {
    "name": Rule(str, required=True, nonempty=True, length=(1, 63)),
    "outbound_cid": TEXT,
    "dial_pattern_list": Rule(list, items={
        "pattern": Rule(str, required=True, nonempty=True, pattern=DIAL_PATTERN),
        "strip": Rule(int, range=(0, None)), "prepend": Rule(str, pattern=r"[0-9*#+]*")}),
    "trunk_list": Rule(list, items={
        "id": Rule(int, required=True), "name": TEXT, "type": TEXT}),
    "ext_list": Rule(list, items={
        "id": Rule(int, required=True), "ext_number": TEXT, "ext_name": TEXT,
        "type": Rule(str, required=True, enum=MEMBER_TYPES)}),
    # Required by table 238 but absent from its example: default "disable".
    "pin_protect": Rule(str, enum=("disable", "single_pin", "pin_list")),
    "pin": Rule(str, pattern=r"\d*"),
    "pin_list": Rule(int),
    "pos": route_order.POS,
}
UPDATE = {"id": Rule(int, required=True), **optional(CREATE)}
DEFAULTS = {"outbound_cid": "", "dial_pattern_list": [], "trunk_list": [], "other_members": [],
            "pin_protect": "disable", "pin": "", "pin_list": None}


def _member_errors(pbx: Instance, members: list[dict], errors: list[dict]) -> None:
    callflow.member_errors(pbx, [{"type": m["type"], "value": str(m["id"])} for m in members], "ext_list",
                           errors, {"extension": "extension", "organization": "organization", "ext_group": None})


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items()
                            if k not in ("id", "pos", "dial_pattern_list", "trunk_list", "ext_list")}}
    errors: list[dict] = []
    protect = merged["pin_protect"]
    check(protect != "single_pin" or bool(merged["pin"]), "pin", "required", errors)
    check(protect != "pin_list" or merged["pin_list"] is not None, "pin_list", "required", errors)
    if protect == "pin_list" and merged["pin_list"] is not None:
        check(merged["pin_list"] in pbx.data.pin_lists, "pin_list", "not_exist", errors)
    if "trunk_list" in params:
        merged["trunk_list"] = trunk.list_errors(pbx, params["trunk_list"], errors)
    if "ext_list" in params:
        _member_errors(pbx, params["ext_list"], errors)
        merged["other_members"] = [{"id": m["id"], "type": m["type"]}
                                   for m in params["ext_list"] if m["type"] != "extension"]
    if "dial_pattern_list" in params:
        # "New rules overwrite the existing ones" (Table 243).
        merged["dial_pattern_list"] = [
            {"id": pbx.data.allocate("dial_pattern"), "pattern": p["pattern"],
             "strip": p.get("strip", 0), "prepend": p.get("prepend", "")}
            for p in params["dial_pattern_list"]]
    route_order.position_errors(pbx.data.outbound_routes, params.get("pos"), "id" not in current, errors)
    raise_if(errors)
    callflow.require_unique_name(pbx, KIND, merged["name"], current.get("id"), action, "Outbound route")
    return merged


def _set_extension_members(pbx: Instance, route_id: int, members: list[dict]) -> None:
    wanted = {m["id"] for m in members if m["type"] == "extension"}
    for ext in pbx.data.extensions.values():
        permission = ext["outbound_route_permission"]
        if ext["id"] in wanted and route_id not in permission:
            permission.append(route_id)
        elif ext["id"] not in wanted and route_id in permission:
            permission.remove(route_id)


def _store(pbx: Instance, params: dict, route: dict) -> int:
    routes = pbx.data.outbound_routes
    routes[route["id"]] = route
    route_order.place(routes, route["id"], params.get("pos"))
    if "ext_list" in params:
        _set_extension_members(pbx, route["id"], params["ext_list"])
    return route["id"]


def create_route(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    route = _apply(pbx, params, dict(DEFAULTS), "create")
    route["id"] = pbx.data.allocate(KIND)
    return _store(pbx, params, route)


def update_route(pbx: Instance, params: dict) -> None:
    require_valid(params, UPDATE)
    current = callflow.get_object(pbx, KIND, params["id"])
    _store(pbx, params, _apply(pbx, params, current, "update"))


def delete_route(pbx: Instance, _kind: str, route: dict) -> None:
    callflow.refuse_if_referenced(pbx, KIND, route["id"])
    _set_extension_members(pbx, route["id"], [])
    route_order.remove(pbx.data.outbound_routes, route["id"])


def _members_view(pbx: Instance, route: dict) -> list[dict]:
    members = [
        {"ext_number": ext["number"],
         "ext_name": " ".join(p for p in (ext["first_name"], ext["last_name"]) if p),
         "type": "extension", "id": ext["id"]}
        for ext in sorted(pbx.data.extensions.values(), key=lambda e: e["id"])
        if route["id"] in ext["outbound_route_permission"]
    ]
    for member in route["other_members"]:
        name = pbx.data.departments[member["id"]]["name"] if member["type"] == "organization" else ""
        members.append({"ext_number": "", "ext_name": name, "type": member["type"], "id": member["id"]})
    return members


def _trunks(pbx: Instance, route: dict) -> list[dict]:
    return [trunk.reference(pbx.data.trunks[t["id"]]) for t in route["trunk_list"]]


def summary_view(pbx: Instance, route: dict) -> dict:
    return {
        "id": route["id"],
        "name": route["name"],
        "dial_pattern": [p["pattern"] for p in route["dial_pattern_list"]],
        "trunk": [{"id": t["id"], "name": t["name"]} for t in _trunks(pbx, route)],
        "pos": route["pos"],
        "outbound_cid": route["outbound_cid"],  # sort key only, removed below
    }


def detail_view(pbx: Instance, route: dict) -> dict:
    view = {
        "id": route["id"],
        "name": route["name"],
        "outbound_cid": route["outbound_cid"],
        # Empty prepend is omitted, as in the examples.
        "dial_pattern_list": [{k: v for k, v in p.items() if k != "prepend" or v}
                              for p in route["dial_pattern_list"]],
        "trunk_list": _trunks(pbx, route),
        "ext_list": _members_view(pbx, route),
        "pos": route["pos"],
        "pin_protect": route["pin_protect"],
    }
    if route["pin_protect"] == "single_pin":
        view["pin"] = route["pin"]
    if route["pin_protect"] == "pin_list":
        view["pin_list"] = route["pin_list"]
    return view


def _list(call: Call, search: bool) -> dict:
    schema = list_schema_for(call.pbx.config, SORT_FIELDS, search)
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    routes = call.pbx.data.outbound_routes.values()
    views = [summary_view(call.pbx, r) for r in routes if matches(params.get("search_value"), r["name"])]
    ordered = sort_items(views, params, DEFAULT_SORT,
                         key_of=lambda v, f: v["outbound_cid"] if f == "outb_cid" else v.get(f))
    for view in ordered:
        del view["outbound_cid"]
    return {
        "total_number": len(ordered),
        "last_pos": route_order.last_pos(call.pbx.data.outbound_routes),
        "data": page_of(ordered, params),
    }


def route_list(call: Call) -> dict:
    return _list(call, search=False)


def route_search(call: Call) -> dict:
    return _list(call, search=True)


ENDPOINTS = {
    "outbound_route/list": Endpoint("GET", route_list),
    "outbound_route/search": Endpoint("GET", route_search),
    **callflow.object_endpoints("outbound_route", KIND, detail_view, create_route, update_route,
                                delete=delete_route),
}
