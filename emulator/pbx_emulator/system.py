"""system/* : information, capacity, menu options (manual L1255-1534)."""

from __future__ import annotations

import time

from . import callflow
from .api import Call, Endpoint
from .extension import display_name
from .organization import children_of
from .state import Instance
from .validation import Rule, coerce_query, require_valid

MENUS = ("extension", "ext_group", "org_list", "trunk", "role", "phonebook", "group_vm",
         "ivr", "ring_group", "queue", "queue_agent", "conference", "pinset")
MENU_SCHEMA = {"menu": Rule(str, required=True, enum=MENUS), "id": Rule(int)}
CONCURRENT_CALL_CAPACITY = 60


def information(call: Call) -> dict:
    return {"data": {
        "device_name": "PBX",
        "model_name": "P-Series Software Edition",
        "sn": "3631A2124000",
        "firmware_version": "83.7.0.16",
        "system_time": time.strftime("%Y/%m/%d %H:%M:%S"),
        "up_time": int(time.time() - call.pbx.started),
    }}


def capacity(call: Call) -> dict:
    return {"data": {
        "extension_capacity": call.pbx.config.extension_capacity,
        "extension_used": len(call.pbx.data.extensions),
        "cc_capacity": CONCURRENT_CALL_CAPACITY,
        "cc_used": 0,
    }}


def _department_options(pbx: Instance, parent_id: int) -> list[dict]:
    options = []
    for dept in children_of(pbx, parent_id):
        option = {"text": dept["name"], "value": str(dept["id"])}
        items = _department_options(pbx, dept["id"])
        if items:
            option["item"] = items
        options.append(option)
    return options


def _extension_options(pbx: Instance) -> list[dict]:
    return [
        {"text": f"{ext['number']} {display_name(ext)}".strip(), "value": str(ext["id"]),
         "type": ext["type"]}
        for ext in sorted(pbx.data.extensions.values(), key=lambda e: e["id"])
    ]


def _menu_options(pbx: Instance, menu: str, queue_id: int | None = None) -> list[dict]:
    if menu == "role":
        return [{"text": name, "value": str(rid)} for rid, name in sorted(pbx.data.roles.items())]
    if menu == "extension":
        return _extension_options(pbx)
    if menu == "org_list":
        return _department_options(pbx, 0) if pbx.config.department_management else []
    if menu in ("ivr", "ring_group", "queue"):
        objs = callflow.store(pbx, menu)
        return [{"text": f"{o['number']} {o['name']}", "value": str(o["id"])} for _, o in sorted(objs.items())]
    if menu in ("pinset", "phonebook"):
        objs = callflow.store(pbx, "pin_list" if menu == "pinset" else "phonebook")
        return [{"text": o["name"], "value": str(o["id"])} for _, o in sorted(objs.items())]
    if menu == "trunk":
        # "type: for the trunk menu, the trunk type" (Table 26).
        return [{"text": t["name"], "value": str(t["id"]), "type": t["type"]}
                for _, t in sorted(pbx.data.trunks.items())]
    if menu == "queue_agent" and queue_id is not None:
        agents = callflow.get_object(pbx, "queue", queue_id)["agent_state"]
        return [option for option in _extension_options(pbx) if int(option["value"]) in agents]
    # Features the emulator does not model have no objects.
    return []


def get_menuoptions(call: Call) -> dict:
    params = coerce_query(call.params, MENU_SCHEMA)
    require_valid(params, MENU_SCHEMA)
    return {"data": _menu_options(call.pbx, params["menu"], params.get("id"))}


ENDPOINTS = {
    "system/information": Endpoint("GET", information),
    "system/capacity": Endpoint("GET", capacity),
    "system/get_menuoptions": Endpoint("GET", get_menuoptions),
}
