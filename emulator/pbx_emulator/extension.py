"""extension/* : SIP extensions (manual L1538-3932)."""

from __future__ import annotations

import copy
import secrets
from dataclasses import replace
from typing import Any

from . import callflow, events, hotel
from .activity import online_status
from .api import Call, Endpoint
from .errors import (DUPLICATE_KEY_VALUE, MAX_LIMITATION_EXCEEDED, ORGANIZATION_DISABLED,
                     ROLE_NOT_EXISTED, ApiError, not_found)
from .listing import list_schema_for, matches, page_of, sort_items
from .state import Instance
from .validation import (FLAG, TEXT, Rule, check, coerce_query, optional, parse_id_list,
                         raise_if, require_valid)

STATUSES = ("available", "away", "business_trip", "do_not_disturb", "lunch", "off_work")
DESTINATIONS = ("extension", "ext_vm", "ivr", "ring_group", "queue", "group_vm",
                "mobile_number", "external_num", "play_greeting", "end_call")
# Destination types for which the manual marks *_forward_value as required.
NEEDS_VALUE = frozenset({"play_greeting", "extension", "ivr", "ring_group", "queue", "group_vm"})
FORWARDS = tuple(f"{scope}_{case}" for scope in ("in", "ex")
                 for case in ("always", "no_answer", "busy"))
SORT_FIELDS = ("id", "number", "caller_id_name", "email_addr", "mobile_number", "presence_status")
EMAIL = r"(|[^@\s]+@[^@\s]+\.[^@\s]+)"


def _forward_rules(forward: str) -> dict[str, Rule]:
    return {
        f"enb_{forward}_forward": FLAG,
        f"{forward}_forward_dest": Rule(str, enum=DESTINATIONS),
        f"{forward}_forward_prefix": TEXT,
        f"{forward}_forward_value": TEXT,
        f"{forward}_forward_num": TEXT,
    }


PRESENCE_UPDATE: dict[str, Rule] = {
    "status": Rule(str, required=True, enum=STATUSES),
    **{name: rule for forward in FORWARDS for name, rule in _forward_rules(forward).items()},
    "ring_timeout": Rule(int, range=(5, 300)),
    "enb_ring_mobile": FLAG,
}
PRESENCE_CREATE = {**PRESENCE_UPDATE, "ring_timeout": Rule(int, required=True, range=(5, 300))}
# The update table prints the internal Always destination as
# "in_always_forward_destination" (L3793); every other table says "..._dest".
PRESENCE_ALIASES = {"in_always_forward_destination": "in_always_forward_dest"}

CREATE: dict[str, Rule] = {
    "type": Rule(str, required=True, enum=("SIP",)),
    "first_name": TEXT,
    "last_name": TEXT,
    "email_addr": Rule(str, pattern=EMAIL),
    "mobile_number": TEXT,
    "user_password": Rule(str, required=True, length=(10, 63),
                          pattern=r"(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).*"),
    "role_id": Rule(int),
    "organization_list": Rule(list, items={"value": Rule(str, required=True, pattern=r"\d+")}),
    "title": TEXT,
    "number": Rule(str, required=True, length=(1, 7), pattern=r"\d+"),
    "caller_id": Rule(str, length=(0, 31), pattern=r"[0-9A-Za-z().\-+*#]*"),
    "reg_name": Rule(str, required=True, length=(1, 63)),
    "reg_password": Rule(str, required=True, length=(8, 63)),
    # Marked both required and "1 (default)" (L3198): the default wins.
    "concurrent_registrations": Rule(int, enum=(1, 2, 3)),
    "presence_status": Rule(str, required=True, enum=STATUSES),
    "presence_list": Rule(list, items=PRESENCE_CREATE),
    "presence_mobile_prefix": TEXT,
    "agent_id": TEXT,
    "enb_vm": FLAG,
    "enb_vm_pin": FLAG,
    "vm_pin": Rule(str, pattern=r"\d*"),
    "new_vm_notification": Rule(str, enum=("no", "with_attach", "without_attach")),
    "vm_after_notification": Rule(str, enum=("no", "mark_read", "delete")),
    "enb_all_reject_mode_for_endpoints": FLAG,
    "dtmf_mode": Rule(str, enum=("rfc4733", "info", "inband", "auto")),
    "transport": Rule(str, enum=("udp", "tcp", "tls")),
    "enb_qualify": FLAG,
    "enb_t38_support": FLAG,
    "enb_nat": FLAG,
    "enb_srtp": FLAG,
    "allow_reg_remotely": FLAG,
    "disable_outb_call": FLAG,
    "disable_outb_call_outside_business_hours": FLAG,
    "disable_international_call": FLAG,
    "outbound_route_permission": Rule(list, items=Rule(int)),
    "enb_internal_client": FLAG,
    "linkus_mobile_codec": Rule(str, enum=("ulaw", "alaw", "ilbc", "g722", "g729", "opus")),
    "enb_ice": Rule(str, enum=("yes", "no")),
}
READONLY_ON_UPDATE = ("type", "number")
UPDATE: dict[str, Rule] = {
    "id": Rule(int, required=True),
    **optional(CREATE),
    "presence_list": Rule(list, items=PRESENCE_UPDATE),
}

# Defaults for every settable field the create request may omit (chosen to
# match the extension/get example, L1955-2006).
DEFAULTS: dict[str, Any] = {
    "first_name": "", "last_name": "", "email_addr": "", "mobile_number": "",
    "role_id": 0, "organization_list": [], "title": "", "concurrent_registrations": 1,
    "presence_mobile_prefix": "", "agent_id": "", "enb_vm": 1, "enb_vm_pin": 1,
    "new_vm_notification": "no", "vm_after_notification": "no",
    "enb_all_reject_mode_for_endpoints": 0, "dtmf_mode": "rfc4733", "transport": "udp",
    "enb_qualify": 1, "enb_t38_support": 0, "enb_nat": 1, "enb_srtp": 0,
    "allow_reg_remotely": 1, "disable_outb_call": 0,
    "disable_outb_call_outside_business_hours": 0, "disable_international_call": 0,
    "outbound_route_permission": [], "enb_internal_client": 1,
    "linkus_mobile_codec": "g729", "enb_ice": "no",
}


def default_presence(status: str) -> dict:
    entry: dict[str, Any] = {"status": status}
    for forward in FORWARDS:
        # Like the example: No Answer and Busy go to voicemail; Always is
        # enabled only for Do Not Disturb.
        enabled = 1 if (not forward.endswith("always") or status == "do_not_disturb") else 0
        entry.update({
            f"enb_{forward}_forward": enabled,
            f"{forward}_forward_dest": "ext_vm",
            f"{forward}_forward_prefix": "",
            f"{forward}_forward_value": "",
            f"{forward}_forward_num": "",
        })
    entry.update({"enb_ring_mobile": 0, "ring_timeout": 30})
    return entry


# ---------------------------------------------------------------- lookups

def get_extension(pbx: Instance, ext_id: int) -> dict:
    ext = pbx.data.extensions.get(ext_id)
    if ext is None:
        raise not_found(f"extension {ext_id} does not exist")
    return ext


def display_name(ext: dict) -> str:
    return " ".join(p for p in (ext["first_name"], ext["last_name"]) if p)


def members_of(pbx: Instance, department_ids: set[int]) -> list[int]:
    return [ext_id for ext_id, ext in sorted(pbx.data.extensions.items())
            if department_ids.intersection(ext["organization_list"])]


# ---------------------------------------------------------------- views

def basic_view(pbx: Instance, ext: dict) -> dict:
    view = {
        "id": ext["id"],
        "online_status": online_status(pbx.data.activity, ext["id"]),
        "presence_status": ext["presence_status"],
        "number": ext["number"],
        "caller_id_name": display_name(ext),
    }
    # The list examples leave out empty role_name / mobile_number (L1763).
    optional_fields = {
        "role_name": pbx.data.roles.get(ext["role_id"]) if ext["role_id"] else "",
        "email_addr": ext["email_addr"],
        "mobile_number": ext["mobile_number"],
    }
    view.update({k: v for k, v in optional_fields.items() if v})
    return view


def detail_view(pbx: Instance, ext: dict, *, include_user_password: bool) -> dict:
    clients = ext["enb_internal_client"]
    view = {
        "id": ext["id"],
        "first_name": ext["first_name"],
        "last_name": ext["last_name"],
        "email_addr": ext["email_addr"],
        "mobile_number": ext["mobile_number"],
        "role_id": ext["role_id"],
        "caller_id": ext["caller_id"],
        "title": ext["title"],
        "organization_list": [
            {"text": pbx.data.departments[d]["name"], "value": str(d)}
            for d in ext["organization_list"] if d in pbx.data.departments
        ],
        "reg_name": ext["reg_name"],
        # The examples always show reg_password "" although it is mandatory
        # (8-63 chars): the PBX masks it.
        "reg_password": "",
        "concurrent_registrations": ext["concurrent_registrations"],
        "type": ext["type"],
        "number": ext["number"],
    }
    for name in ("dtmf_mode", "enb_nat", "enb_qualify", "enb_srtp", "enb_t38_support",
                 "transport", "enb_vm", "enb_vm_pin", "vm_pin", "new_vm_notification",
                 "vm_after_notification", "allow_reg_remotely", "disable_international_call",
                 "disable_outb_call_outside_business_hours", "disable_outb_call"):
        view[name] = ext[name]
    view.update({
        "enb_mobile_client": clients, "enb_desktop_client": clients,
        "enb_web_client": clients, "enb_pad_client": clients,
        "enb_internal_client": clients,
        "presence_status": ext["presence_status"],
        "agent_id": ext["agent_id"],
        "presence_list": [
            {**entry, "mobile_prefix": ext["presence_mobile_prefix"],
             "mobile_number": ext["mobile_number"]}
            for entry in ext["presence_list"]
        ],
        "enb_all_reject_mode_for_endpoints": ext["enb_all_reject_mode_for_endpoints"],
        "linkus_mobile_codec": ext["linkus_mobile_codec"],
        "enb_ice": ext["enb_ice"],
        "outbound_route_permission": list(ext["outbound_route_permission"]),
    })
    if include_user_password:
        view["user_password"] = ""   # listed in the query table, masked like reg_password
    return view


# ---------------------------------------------------------------- validation

def _normalise_presence(params: dict) -> dict:
    entries = params.get("presence_list")
    if not isinstance(entries, list):
        return params
    fixed = [
        {PRESENCE_ALIASES.get(k, k): v for k, v in e.items()} if isinstance(e, dict) else e
        for e in entries
    ]
    return {**params, "presence_list": fixed}


def _organization_ids(entries: list[dict]) -> list[int]:
    seen: list[int] = []
    for entry in entries:
        dept = int(entry["value"])
        if dept not in seen:
            seen.append(dept)
    return seen


def merge_presence(current: list[dict], requested: list[dict]) -> list[dict]:
    by_status = {entry["status"]: dict(entry) for entry in current}
    for entry in requested:
        by_status[entry["status"]].update(entry)
    return [by_status[status] for status in STATUSES]


def _presence_errors(pbx: Instance, current: list[dict], requested: list[dict],
                     errors: list[dict]) -> None:
    seen: set[str] = set()
    by_status = {entry["status"]: entry for entry in current}
    for index, asked in enumerate(requested):
        where = f"presence_list[{index}]."
        check(asked["status"] not in seen, where + "status", "invalid", errors)
        seen.add(asked["status"])
        # Conditional rules apply to the entry as it will be stored.
        entry = {**by_status[asked["status"]], **asked}
        for forward in FORWARDS:
            dest = entry.get(f"{forward}_forward_dest")
            value = entry.get(f"{forward}_forward_value", "")
            prefix = entry.get(f"{forward}_forward_prefix", "")
            if dest in NEEDS_VALUE:
                check(bool(value), where + f"{forward}_forward_value", "required", errors)
            if dest in callflow.ID_TARGETS and dest != "ext_vm" and value:
                check(callflow.exists(pbx, dest, value),
                      where + f"{forward}_forward_value", "not_exist", errors)
            if dest == "play_greeting" and prefix:
                check(prefix in ("1", "2", "3", "4", "5"),
                      where + f"{forward}_forward_prefix", "range", errors)


def _semantic_errors(pbx: Instance, params: dict, merged: dict, current: dict) -> list[dict]:
    errors: list[dict] = []
    check(not (merged["vm_after_notification"] == "delete"
               and merged["new_vm_notification"] != "with_attach"),
          "vm_after_notification", "invalid", errors)
    for index, dept in enumerate(params.get("organization_list") or []):
        check(int(dept["value"]) in pbx.data.departments,
              f"organization_list[{index}].value", "not_exist", errors)
    for index, route in enumerate(params.get("outbound_route_permission") or []):
        check(route in pbx.data.outbound_routes,
              f"outbound_route_permission[{index}]", "not_exist", errors)
    _presence_errors(pbx, current["presence_list"], params.get("presence_list") or [], errors)
    return errors


def _duplicates(pbx: Instance, merged: dict, own_id: int | None) -> list[dict]:
    # One number space with ring groups, queues and IVRs.
    taken = callflow.number_taken(pbx, merged["number"], ("extension", own_id))
    found = [taken] if taken else []
    for field in ("email_addr", "reg_name"):
        value = merged[field]
        if not value:
            continue
        for other in pbx.data.extensions.values():
            if other["id"] != own_id and other[field].lower() == value.lower():
                found.append({"field": field, "value": value, "external_source": "extension",
                              "external_source_name": other["number"]})
                break
    return found


def _apply(pbx: Instance, params: dict, current: dict, creating: bool) -> dict:
    """Validate a create/update request against current values, return the merged record."""
    if params.get("organization_list") and not pbx.config.department_management:
        raise ApiError(ORGANIZATION_DISABLED)
    merged = {**current, **{k: v for k, v in params.items() if k not in ("presence_list", "id")}}
    if "organization_list" in params:
        merged["organization_list"] = _organization_ids(params["organization_list"])
    if "outbound_route_permission" in params:
        merged["outbound_route_permission"] = list(dict.fromkeys(params["outbound_route_permission"]))
    raise_if(_semantic_errors(pbx, params, merged, current))
    merged["presence_list"] = merge_presence(current["presence_list"],
                                             params.get("presence_list") or [])
    if merged["role_id"] not in pbx.data.roles:
        raise ApiError(ROLE_NOT_EXISTED)
    duplicates = _duplicates(pbx, merged, current.get("id"))
    if duplicates:
        action = "create" if creating else "update"
        raise ApiError(DUPLICATE_KEY_VALUE, duplicate_field_list=duplicates,
                       submsg=f"Extension {action} fail for duplicate fields")
    return merged


# ---------------------------------------------------------------- operations

def _schema(pbx: Instance, base: dict[str, Rule], creating: bool) -> dict[str, Rule]:
    """organization_list is mandatory (and may not be emptied) while
    Department Management is enabled (L3188, L3717)."""
    if not pbx.config.department_management:
        return base
    rule = base["organization_list"]
    return {**base, "organization_list": replace(rule, required=creating, nonempty=True)}


def create_extension(pbx: Instance, params: dict) -> int:
    params = _normalise_presence(params)
    require_valid(params, _schema(pbx, CREATE, creating=True))
    # A deep copy: list defaults (route permissions, departments) are changed in place later.
    template = {**copy.deepcopy(DEFAULTS), "presence_list": [default_presence(s) for s in STATUSES],
                "caller_id": params["number"], "vm_pin": f"{secrets.randbelow(10000):04d}"}
    merged = _apply(pbx, params, template, creating=True)
    if len(pbx.data.extensions) >= pbx.config.extension_capacity:
        raise ApiError(MAX_LIMITATION_EXCEEDED, submsg="extension capacity reached")
    merged["id"] = pbx.data.allocate("extension")
    pbx.data.extensions[merged["id"]] = merged
    return merged["id"]


def update_extension(pbx: Instance, params: dict) -> None:
    params = _normalise_presence(params)
    require_valid(params, _schema(pbx, UPDATE, creating=False))
    current = get_extension(pbx, params["id"])
    errors: list[dict] = []
    for field in READONLY_ON_UPDATE:
        # type/number are not in the update table: resending the current value
        # is harmless, changing it is refused.
        check(params.get(field, current[field]) == current[field], field, "invalid", errors)
    raise_if(errors)
    params = {k: v for k, v in params.items() if k not in READONLY_ON_UPDATE}
    pbx.data.extensions[current["id"]] = _apply(pbx, params, current, creating=False)


def _id_param(call: Call) -> int:
    schema = {"id": Rule(int, required=True)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    return params["id"]


def _list(call: Call, search: bool) -> dict:
    schema = list_schema_for(call.pbx.config, SORT_FIELDS, search)
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    views = [basic_view(call.pbx, ext) for ext in call.pbx.data.extensions.values()]
    wanted = params.get("search_value")
    views = [v for v in views if matches(wanted, v["number"], v["caller_id_name"],
                                         v.get("email_addr"), v.get("mobile_number"))]
    ordered = sort_items(views, params)
    return {"total_number": len(ordered), "data": page_of(ordered, params)}


def ext_list(call: Call) -> dict:
    return _list(call, search=False)


def ext_search(call: Call) -> dict:
    return _list(call, search=True)


def ext_get(call: Call) -> dict:
    ext = get_extension(call.pbx, _id_param(call))
    return {"data": detail_view(call.pbx, ext, include_user_password=False)}


def ext_query(call: Call) -> dict:
    require_valid(call.params, {"ids": Rule(str, required=True)})
    ids = parse_id_list(call.params["ids"], "ids")
    found = [call.pbx.data.extensions[i] for i in dict.fromkeys(ids) if i in call.pbx.data.extensions]
    return {"data": [detail_view(call.pbx, ext, include_user_password=True) for ext in found]}


def ext_create(call: Call) -> dict:
    ext_id = create_extension(call.pbx, call.params)
    events.extension_changed(call.pbx, call.pbx.data.extensions[ext_id]["number"], "CREATE")
    return {"id": ext_id}


def ext_update(call: Call) -> dict:
    update_extension(call.pbx, call.params)
    events.extension_changed(call.pbx, call.pbx.data.extensions[call.params["id"]]["number"], "UPDATE")
    return {}


def ext_delete(call: Call) -> dict:
    ext = get_extension(call.pbx, _id_param(call))
    callflow.refuse_if_referenced(call.pbx, "extension", ext["id"])
    del call.pbx.data.extensions[ext["id"]]
    hotel.clear_room(call.pbx, ext["id"])     # its wake-up calls go with it (docs: Hotel)
    events.extension_changed(call.pbx, ext["number"], "DELETE")
    return {}


def ext_send_welcome_email(call: Call) -> dict:
    schema = {"id_list": Rule(list, required=True, nonempty=True, items=Rule(int))}
    require_valid(call.params, schema)
    targets = [get_extension(call.pbx, ext_id) for ext_id in dict.fromkeys(call.params["id_list"])]
    for ext in targets:
        if ext["email_addr"]:
            call.pbx.data.welcome_emails.append({"id": ext["id"], "email_addr": ext["email_addr"]})
    return {}


ENDPOINTS = {
    "extension/list": Endpoint("GET", ext_list),
    "extension/search": Endpoint("GET", ext_search),
    "extension/get": Endpoint("GET", ext_get),
    "extension/query": Endpoint("GET", ext_query),
    "extension/create": Endpoint("POST", ext_create),
    "extension/update": Endpoint("POST", ext_update),
    "extension/delete": Endpoint("GET", ext_delete),
    "extension/send_welcome_email": Endpoint("POST", ext_send_welcome_email),
}
