"""outbound_route/* read endpoints (manual L8670-9300); objects come from the control seed.

The extension members of a route are derived from the extensions'
outbound_route_permission, so both views always agree.
"""

from __future__ import annotations

from .api import Call, Endpoint
from .errors import DUPLICATE_KEY_VALUE, ApiError, not_found
from .listing import list_schema_for, matches, page_of, sort_items
from .state import Instance
from .validation import TEXT, Rule, check, coerce_query, parse_id_list, raise_if, require_valid

SORT_FIELDS = ("id", "pos", "name", "outb_cid")
DEFAULT_SORT = "pos"
MEMBER_TYPES = ("extension", "ext_group", "organization")
CREATE = {
    "name": Rule(str, required=True, nonempty=True),
    "outbound_cid": TEXT,
    "dial_pattern_list": Rule(list, items={
        "pattern": TEXT, "strip": Rule(int, range=(0, None)), "prepend": TEXT}),
    "trunk_list": Rule(list, items={
        "id": Rule(int, required=True), "name": TEXT, "type": TEXT}),
    "ext_list": Rule(list, items={
        "id": Rule(int, required=True), "ext_number": TEXT, "ext_name": TEXT,
        "type": Rule(str, required=True, enum=MEMBER_TYPES)}),
    # Required by table 238 but absent from its example: default "disable".
    "pin_protect": Rule(str, enum=("disable", "single_pin", "pin_list")),
    "pin": TEXT,
    "pin_list": Rule(int),
}


def get_route(pbx: Instance, route_id: int) -> dict:
    route = pbx.data.outbound_routes.get(route_id)
    if route is None:
        raise not_found(f"outbound route {route_id} does not exist")
    return route


def _member_errors(pbx: Instance, members: list[dict]) -> list[dict]:
    errors: list[dict] = []
    for index, member in enumerate(members):
        known = {"extension": pbx.data.extensions,
                 "organization": pbx.data.departments}.get(member["type"])
        if known is not None:
            check(member["id"] in known, f"ext_list[{index}].id", "not_exist", errors)
    return errors


def create_route(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    protect = params.get("pin_protect", "disable")
    errors: list[dict] = []
    check(protect != "single_pin" or bool(params.get("pin")), "pin", "required", errors)
    check(protect != "pin_list" or params.get("pin_list") is not None, "pin_list", "required", errors)
    if protect == "pin_list" and params.get("pin_list") is not None:
        check(params["pin_list"] in pbx.data.pin_lists, "pin_list", "not_exist", errors)
    members = params.get("ext_list") or []
    errors += _member_errors(pbx, members)
    raise_if(errors)
    for other in pbx.data.outbound_routes.values():
        if other["name"] == params["name"]:
            raise ApiError(DUPLICATE_KEY_VALUE, duplicate_field_list=[{
                "field": "name", "value": params["name"], "external_source": "outbound_route",
                "external_source_name": other["name"]}])
    route_id = pbx.data.allocate("outbound_route")
    patterns = [{"id": pbx.data.allocate("dial_pattern"), "pattern": p.get("pattern", ""),
                 "strip": p.get("strip", 0), "prepend": p.get("prepend", "")}
                for p in params.get("dial_pattern_list") or []]
    pbx.data.outbound_routes[route_id] = {
        "id": route_id,
        "name": params["name"],
        "outbound_cid": params.get("outbound_cid", ""),
        "dial_pattern_list": patterns,
        "trunk_list": [{"id": t["id"], "name": t.get("name", ""), "type": t.get("type", "")}
                       for t in params.get("trunk_list") or []],
        "other_members": [m for m in members if m["type"] != "extension"],
        "pos": max((r["pos"] for r in pbx.data.outbound_routes.values()), default=0) + 1,
        "pin_protect": protect,
        "pin": params.get("pin", ""),
        "pin_list": params.get("pin_list"),
    }
    for member in members:
        if member["type"] == "extension":
            permission = pbx.data.extensions[member["id"]]["outbound_route_permission"]
            if route_id not in permission:
                permission.append(route_id)
    return route_id


def _members_view(pbx: Instance, route: dict) -> list[dict]:
    members = [
        {"ext_number": ext["number"],
         "ext_name": " ".join(p for p in (ext["first_name"], ext["last_name"]) if p),
         "type": "extension", "id": ext["id"]}
        for ext in sorted(pbx.data.extensions.values(), key=lambda e: e["id"])
        if route["id"] in ext["outbound_route_permission"]
    ]
    for member in route["other_members"]:
        name = member.get("ext_name", "")
        if member["type"] == "organization" and member["id"] in pbx.data.departments:
            name = pbx.data.departments[member["id"]]["name"]
        members.append({"ext_number": member.get("ext_number", ""), "ext_name": name,
                        "type": member["type"], "id": member["id"]})
    return members


def summary_view(route: dict) -> dict:
    return {
        "id": route["id"],
        "name": route["name"],
        "dial_pattern": [p["pattern"] for p in route["dial_pattern_list"]],
        "trunk": [{"id": t["id"], "name": t["name"]} for t in route["trunk_list"]],
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
        "trunk_list": [dict(t) for t in route["trunk_list"]],
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
    views = [summary_view(r) for r in routes if matches(params.get("search_value"), r["name"])]
    ordered = sort_items(views, params, DEFAULT_SORT,
                         key_of=lambda v, f: v["outbound_cid"] if f == "outb_cid" else v.get(f))
    for view in ordered:
        del view["outbound_cid"]
    return {
        "total_number": len(ordered),
        "last_pos": max((r["pos"] for r in routes), default=0),
        "data": page_of(ordered, params),
    }


def route_list(call: Call) -> dict:
    return _list(call, search=False)


def route_search(call: Call) -> dict:
    return _list(call, search=True)


def route_get(call: Call) -> dict:
    schema = {"id": Rule(int, required=True)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    return {"data": detail_view(call.pbx, get_route(call.pbx, params["id"]))}


def route_query(call: Call) -> dict:
    require_valid(call.params, {"ids": Rule(str, required=True)})
    routes = call.pbx.data.outbound_routes
    ids = parse_id_list(call.params["ids"], "ids")
    return {"data": [detail_view(call.pbx, routes[i]) for i in dict.fromkeys(ids) if i in routes]}


ENDPOINTS = {
    "outbound_route/list": Endpoint("GET", route_list),
    "outbound_route/search": Endpoint("GET", route_search),
    "outbound_route/get": Endpoint("GET", route_get),
    "outbound_route/query": Endpoint("GET", route_query),
}
