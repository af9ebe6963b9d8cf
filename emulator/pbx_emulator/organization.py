"""organization/* : departments (manual L3936-4656).

Membership lives on the extensions (their organization_list); department
views compute ext_number/ext_list from it, so the two can never disagree.
"""

from __future__ import annotations

from typing import Callable

from . import callflow, events
from .api import Call, Endpoint
from .errors import (DUPLICATE_KEY_VALUE, ORGANIZATION_DISABLED, PARAMETER_ERROR, ApiError,
                     not_found)
from .extension import members_of
from .listing import list_schema_for, matches, page_of
from .state import ROOT_DEPARTMENT_ID, Instance
from .validation import Rule, coerce_query, parse_id_list, raise_if, require_valid

IS_ALL = Rule(int, enum=(0, 1, 2))
DEFAULT_IS_ALL = 0
CREATE = {
    "name": Rule(str, required=True, nonempty=True),
    "parent_id": Rule(int, required=True),
}
UPDATE = {
    "id": Rule(int, required=True),
    "name": Rule(str, nonempty=True),
    "parent_id": Rule(int),
}


# ---------------------------------------------------------------- tree helpers

def get_department(pbx: Instance, dept_id: int) -> dict:
    dept = pbx.data.departments.get(dept_id)
    if dept is None:
        raise not_found(f"department {dept_id} does not exist")
    return dept


def children_of(pbx: Instance, parent_id: int) -> list[dict]:
    kids = [d for d in pbx.data.departments.values() if d["parent_id"] == parent_id]
    return sorted(kids, key=lambda d: d["order"])


def subtree_ids(pbx: Instance, dept_id: int) -> set[int]:
    ids = {dept_id}
    for child in children_of(pbx, dept_id):
        ids |= subtree_ids(pbx, child["id"])
    return ids


def _renumber(pbx: Instance, parent_id: int) -> None:
    for position, dept in enumerate(children_of(pbx, parent_id), start=1):
        dept["order"] = position


def info_view(dept: dict) -> dict:
    return {key: dept[key] for key in ("id", "name", "parent_id", "order")}


def _members_in_tree_order(pbx: Instance, dept_id: int) -> list[int]:
    # Own members first, then each sub-department's, as in the list example.
    ordered = members_of(pbx, {dept_id})
    for child in children_of(pbx, dept_id):
        ordered += _members_in_tree_order(pbx, child["id"])
    return list(dict.fromkeys(ordered))


def tree_view(pbx: Instance, dept: dict, is_all: int,
              sort: Callable[[list[dict]], list[dict]],
              keep: Callable[[dict], bool]) -> dict:
    view = info_view(dept)
    members = _members_in_tree_order(pbx, dept["id"])
    # Departments without extensions carry no ext_number/ext_list (search example).
    if members and is_all in (0, 1):
        view["ext_number"] = len(members)
    children = [tree_view(pbx, child, is_all, sort, keep)
                for child in sort(children_of(pbx, dept["id"])) if keep(child)]
    if children:
        view["children"] = children
    if members and is_all == 1:
        view["ext_list"] = members
    return view


def _sorter(params: dict) -> Callable[[list[dict]], list[dict]]:
    key = "id" if params.get("sort_by") == "id" else "order"
    reverse = params.get("order_by") == "desc"
    return lambda depts: sorted(depts, key=lambda d: d[key], reverse=reverse)


def _keeper(pbx: Instance, search_value: str | None) -> Callable[[dict], bool]:
    """A department is shown if it matches or has a matching descendant."""
    if not search_value:
        return lambda dept: True
    hits = {d["id"] for d in pbx.data.departments.values() if matches(search_value, d["name"])}
    return lambda dept: bool(subtree_ids(pbx, dept["id"]) & hits)


def _tree(call: Call, search: bool) -> dict:
    schema = {**list_schema_for(call.pbx.config, ("id",), search), "is_all": IS_ALL}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    is_all = params.get("is_all", DEFAULT_IS_ALL)
    sort, keep = _sorter(params), _keeper(call.pbx, params.get("search_value"))
    roots = [d for d in sort(children_of(call.pbx, 0)) if keep(d)]
    views = [tree_view(call.pbx, d, is_all, sort, keep) for d in roots]
    return {"organization_list": page_of(views, params)}


# ---------------------------------------------------------------- changes

def _refuse_root(dept_id: int) -> None:
    if dept_id == ROOT_DEPARTMENT_ID:
        raise ApiError(PARAMETER_ERROR, submsg="the root department cannot be operated on",
                       invalid_param_list=[{"field": "id", "validation_type": "invalid"}])


def _check_unique_name(pbx: Instance, name: str, parent_id: int, own_id: int | None) -> None:
    for sibling in children_of(pbx, parent_id):
        if sibling["id"] != own_id and sibling["name"] == name:
            raise ApiError(DUPLICATE_KEY_VALUE, submsg="Organization name already exists",
                           duplicate_field_list=[{
                               "field": "name", "value": name,
                               "external_source": "organization",
                               "external_source_name": sibling["name"]}])


def _check_parent(pbx: Instance, parent_id: int) -> None:
    if parent_id not in pbx.data.departments:
        raise_if([{"field": "parent_id", "validation_type": "not_exist"}])


def create_department(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    _check_parent(pbx, params["parent_id"])
    _check_unique_name(pbx, params["name"], params["parent_id"], None)
    dept_id = pbx.data.allocate("department")
    pbx.data.departments[dept_id] = {
        "id": dept_id, "name": params["name"], "parent_id": params["parent_id"],
        "order": len(children_of(pbx, params["parent_id"])) + 1,
    }
    return dept_id


def update_department(pbx: Instance, params: dict) -> None:
    require_valid(params, UPDATE)
    dept = get_department(pbx, params["id"])
    _refuse_root(dept["id"])
    old_parent = dept["parent_id"]
    new_parent = params.get("parent_id", old_parent)
    if new_parent != old_parent:
        _check_parent(pbx, new_parent)
        if new_parent in subtree_ids(pbx, dept["id"]):
            raise_if([{"field": "parent_id", "validation_type": "invalid"}])
    name = params.get("name", dept["name"])
    _check_unique_name(pbx, name, new_parent, dept["id"])
    dept["name"] = name
    if new_parent != old_parent:
        # A moved department goes to the end of its new parent's children.
        dept["parent_id"] = new_parent
        dept["order"] = len(children_of(pbx, new_parent)) + 1
        _renumber(pbx, old_parent)
        _renumber(pbx, new_parent)


def delete_department(pbx: Instance, dept_id: int) -> None:
    dept = get_department(pbx, dept_id)
    _refuse_root(dept_id)
    if children_of(pbx, dept_id):
        raise ApiError(PARAMETER_ERROR, submsg="the department has sub-departments; delete them first",
                       invalid_param_list=[{"field": "id", "validation_type": "invalid"}])
    callflow.refuse_if_referenced(pbx, "organization", dept_id)
    del pbx.data.departments[dept_id]
    for ext in pbx.data.extensions.values():
        if dept_id in ext["organization_list"]:
            ext["organization_list"] = [d for d in ext["organization_list"] if d != dept_id]
    _renumber(pbx, dept["parent_id"])


# ---------------------------------------------------------------- endpoints

def _id_param(call: Call) -> int:
    schema = {"id": Rule(int, required=True)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    return params["id"]


def org_list(call: Call) -> dict:
    return _tree(call, search=False)


def org_search(call: Call) -> dict:
    return _tree(call, search=True)


def org_get(call: Call) -> dict:
    return {"organization_info": info_view(get_department(call.pbx, _id_param(call)))}


def org_query(call: Call) -> dict:
    # The table names the parameter "ids", the example sends "id=2,3" (L4462).
    params = dict(call.params)
    if "ids" not in params and "id" in params:
        params["ids"] = params.pop("id")
    require_valid(params, {"ids": Rule(str, required=True)})
    ids = parse_id_list(params["ids"], "ids")
    depts = call.pbx.data.departments
    return {"data": [info_view(depts[i]) for i in dict.fromkeys(ids) if i in depts]}


def org_create(call: Call) -> dict:
    dept_id = create_department(call.pbx, call.params)
    events.department_changed(call.pbx, [dept_id], "create")
    return {"id": dept_id}


def org_update(call: Call) -> dict:
    update_department(call.pbx, call.params)
    events.department_changed(call.pbx, [call.params["id"]], "update")
    return {}


def org_delete(call: Call) -> dict:
    dept_id = _id_param(call)
    delete_department(call.pbx, dept_id)
    events.department_changed(call.pbx, [dept_id], "delete")
    return {}


def _requires_department_management(handler: Callable[[Call], dict]) -> Callable[[Call], dict]:
    def guarded(call: Call) -> dict:
        if not call.pbx.config.department_management:
            raise ApiError(ORGANIZATION_DISABLED)
        return handler(call)
    return guarded


ENDPOINTS = {
    f"organization/{name}": Endpoint(method, _requires_department_management(handler))
    for name, method, handler in (
        ("list", "GET", org_list),
        ("search", "GET", org_search),
        ("get", "GET", org_get),
        ("query", "GET", org_query),
        ("create", "POST", org_create),
        ("update", "POST", org_update),
        ("delete", "GET", org_delete),
    )
}
