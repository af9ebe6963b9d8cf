"""Control API routes that set what happens on the PBX (see ``activity``).

Each handler takes the instance and the JSON body and raises ValueError on bad input
(answered with HTTP 400 by control.py)."""

from __future__ import annotations

import time
from typing import Any

from . import activity as act
from . import callflow
from .calls import change_presence, register_device
from .extension import display_name
from .state import Instance

AGENT_CALL_STATUSES = range(0, 6)
QUEUE_LISTS = ("waiting_list", "ringing_list", "active_list")
CALL_FIELDS = {"call_id": str, "caller_number": str, "caller_display_name": str,
               "callee_number": str, "callee_display_name": str, "duration": int}
PARK_FIELDS = {"parker": str, "parked_party": str, "parking_slot": str, "park_time": int, "channel_id": str}


def _by_number(pbx: Instance) -> dict[str, dict]:
    return {e["number"]: e for e in pbx.data.extensions.values()}


def _integer(value: Any, name: str, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}")
    return value


def extension_status(pbx: Instance, body: dict) -> dict:
    """{"<number>": {"presence_status": ..., "sip_phone": ["IP:port"], "linkus_mobile": ["android"],
    "linkus_desktop": true, "linkus_web": false}}; devices not named keep their state."""
    extensions = _by_number(pbx)
    updates = []
    for number, wanted in body.items():
        if number not in extensions:
            raise ValueError(f"no extension {number}")
        if not isinstance(wanted, dict):
            raise ValueError(f"{number}: give an object")
        unknown = set(wanted) - set(act.DEVICES) - {"presence_status"}
        if unknown:
            raise ValueError(f"{number}: unknown keys {sorted(unknown)}")
        status = wanted.get("presence_status")
        if status is not None and status not in ("available", "away", "business_trip", "do_not_disturb",
                                                 "lunch", "off_work"):
            raise ValueError(f"{number}: presence_status {status!r} is not a presence status")
        devices = {d: act.registration_entries(d, wanted[d]) for d in act.DEVICES if d in wanted}
        updates.append((extensions[number], status, devices))
    # What changes is what the phone or Linkus would report: 30009 and 30007 as with the single-change routes.
    for ext, status, devices in updates:
        if status and status != ext["presence_status"]:
            change_presence(pbx, ext, status)
        registered = pbx.data.activity.registrations.get(ext["id"], {})
        for device, entries in devices.items():
            if entries != registered.get(device, []):
                register_device(pbx, ext, device, entries)
    return {"updated": len(updates)}


def generate_calls(pbx: Instance, body: dict) -> dict:
    """{"count": N, "seed": S, "start": epoch seconds, "days": D}: N calls between the extensions."""
    count = _integer(body.get("count", 100), "count")
    seed = _integer(body.get("seed", 1), "seed")
    days = _integer(body.get("days", 7), "days", 1)
    start = _integer(body.get("start", int(time.time()) - days * 86400), "start")
    extensions = [{"number": e["number"], "name": display_name(e)}
                  for _, e in sorted(pbx.data.extensions.items())]
    if not extensions:
        raise ValueError("seed extensions first: calls are made between them")
    made = act.generate_calls(pbx.data.activity, extensions, count, seed, start, days)
    recorded = sum(1 for cdr in made if cdr["record_file"])
    return {"cdrs": len(made), "recordings": recorded,
            "first_id": made[0]["id"] if made else None, "last_id": made[-1]["id"] if made else None}


def _entries(items: Any, fields: dict[str, type], where: str) -> list[dict]:
    if not isinstance(items, list):
        raise ValueError(f"{where} must be a list")
    entries = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or set(item) - set(fields):
            raise ValueError(f"{where}[{index}] takes {sorted(fields)}")
        entry = {name: item.get(name, 0 if kind is int else "") for name, kind in fields.items()}
        for name, kind in fields.items():
            if not isinstance(entry[name], kind) or isinstance(entry[name], bool):
                raise ValueError(f"{where}[{index}].{name} must be {kind.__name__}")
        entries.append(entry)
    return entries


def queue_status(pbx: Instance, body: dict) -> dict:
    """{"queues": {"<queue number>": {"waiting_list": [...], "ringing_list": [...], "active_list": [...]}},
    "agents": {"<extension number>": call_status}}; lists not named are emptied."""
    queues = {q["number"]: q for q in callflow.store(pbx, "queue").values()}
    calls = {}
    for number, lists in (body.get("queues") or {}).items():
        if number not in queues:
            raise ValueError(f"no queue {number}")
        if not isinstance(lists, dict) or set(lists) - set(QUEUE_LISTS):
            raise ValueError(f"queues.{number} takes {list(QUEUE_LISTS)}")
        calls[queues[number]["id"]] = {name: _entries(lists.get(name, []), CALL_FIELDS, f"{number}.{name}")
                                       for name in QUEUE_LISTS}
    agents = body.get("agents") or {}
    extensions = _by_number(pbx)
    for number, status in agents.items():
        if number not in extensions or status not in AGENT_CALL_STATUSES:
            raise ValueError(f"agents.{number}: an existing extension and a call_status 0-5")
    pbx.data.activity.queue_calls.update(calls)
    pbx.data.activity.agent_call_status.update(agents)
    return {"queues": len(calls), "agents": len(agents)}


def parked_calls(pbx: Instance, body: dict) -> dict:
    """{"calls": [{parker, parked_party, parking_slot, park_time, channel_id}]}: replaces the parked calls."""
    pbx.data.activity.parked_calls = _entries(body.get("calls", []), PARK_FIELDS, "calls")
    return {"parked": len(pbx.data.activity.parked_calls)}


def scheduled_reports(pbx: Instance, body: dict) -> dict:
    """{"reports": [{"name", "date" (YYYY/MM/DD HH:mm:ss), "content" (CSV text)}]}: adds scheduled reports."""
    reports = pbx.data.activity.scheduled_reports
    added = []
    for index, item in enumerate(_entries(body.get("reports", []), {"name": str, "date": str, "content": str},
                                          "reports")):
        if not item["name"]:
            raise ValueError(f"reports[{index}].name is required")
        added.append(dict(item, id=len(reports) + len(added) + 1, format="csv"))
    reports.extend(added)
    return {"ids": [r["id"] for r in added]}


ROUTES = {
    ("POST", "extension_status"): extension_status,
    ("POST", "calls/generate"): generate_calls,
    ("POST", "queue_status"): queue_status,
    ("POST", "parked_calls"): parked_calls,
    ("POST", "scheduled_reports"): scheduled_reports,
}
