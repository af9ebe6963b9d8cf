"""API events (manual L17062-18428): the envelope and the per-instance bus.

Writes publish here; WebSocket subscribers (websocket.py) receive what they
subscribed to. Nothing is stored: an event nobody is subscribed to is gone,
as with the PBX, which keeps no event history.
"""

from __future__ import annotations

import json
import weakref
from typing import Any, Callable

from .state import Instance

# The sn of system/information: events carry the PBX serial number.
SERIAL_NUMBER = "3631A2124000"
# The tables and examples of these events have no sn (digest 04 section 4.1).
WITHOUT_SN = frozenset({30022, 30023, 30025, 30026})
# These examples show msg as a JSON object; every other event's msg is a
# JSON-encoded string (the escaped form of 30005-30010, 30019, 30022-30024).
OBJECT_MSG = frozenset({30025, 30026})
EVENT_IDS = frozenset({*range(30005, 30021), *range(30022, 30027)})

Listener = Callable[[dict], None]


def envelope(event_id: int, msg: dict) -> dict:
    report: dict[str, Any] = {"type": event_id}
    if event_id not in WITHOUT_SN:
        report["sn"] = SERIAL_NUMBER
    report["msg"] = msg if event_id in OBJECT_MSG else json.dumps(msg, ensure_ascii=False)
    return report


class EventBus:
    def __init__(self) -> None:
        self.listeners: list[Listener] = []
        self.published = 0

    def publish(self, event_id: int, msg: dict) -> None:
        self.published += 1
        report = envelope(event_id, msg)
        for listener in list(self.listeners):
            listener(report)


_BUSES: "weakref.WeakKeyDictionary[Instance, EventBus]" = weakref.WeakKeyDictionary()


def bus(pbx: Instance) -> EventBus:
    """The instance's bus; it outlives a state reset, like the connections on it."""
    if pbx not in _BUSES:
        _BUSES[pbx] = EventBus()
    return _BUSES[pbx]


def publish(pbx: Instance, event_id: int, msg: dict) -> None:
    bus(pbx).publish(event_id, msg)


def extension_changed(pbx: Instance, number: str, option: str) -> None:
    """30022 (L18232): option CREATE, UPDATE or DELETE."""
    publish(pbx, 30022, {"ext_number": number, "option": option})


def department_changed(pbx: Instance, ids: list[int], action: str) -> None:
    """30006 (L17100): create, update, delete, update_order or update_extension."""
    publish(pbx, 30006, {"id_list": list(ids), "action": action, "sn": SERIAL_NUMBER})


def trunk_changed(pbx: Instance, trunk_name: str, option: str) -> None:
    """30023 (L18267): for the trunk write paths (trunk/create, update, delete)."""
    publish(pbx, 30023, {"trunk_name": trunk_name, "option": option})
