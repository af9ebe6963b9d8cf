"""wakeupcall/* and hotel/checkout : the hotel application (manual L15021-15601,
scenario L18430-18514, errors 70516/70524 L18555-18556).

A wake-up call (闹铃, "alarm") belongs to one extension (the room). Choices where
the manual is silent or contradicts itself are listed in docs/emulator.md
("Hotel").
"""

from __future__ import annotations

import re
from typing import Any

from . import callflow, events
from .api import Call, Endpoint
from .errors import CHECKOUT_WHEN_PMS, MAX_LIMITATION_EXCEEDED, WAKEUP_CALL_NOT_EXISTED, ApiError
from .state import Instance
from .validation import Rule, check, coerce_query, parse_id_list, raise_if, require_valid

KIND = "wakeup_call"
DAYS = ("every_monday", "every_tuesday", "every_wednesday", "every_thursday", "every_friday",
        "every_saturday", "every_sunday")
REPEATS = ("never",) + DAYS
MAX_PER_EXTENSION = 23                         # L15347
SNOOZE_DURATION = (1, 60)                      # no range in the manual: emulator choice
TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")

CREATE: dict[str, Rule] = {
    "ext_id": Rule(int, required=True),
    "alarm_time": Rule(str, required=True),
    # Typed Integer at L15362 but its values are strings; update types it String (L15443).
    "repeat_type": Rule(str),
    "number_of_snoozes": Rule(int, enum=(0, 1, 2, 3)),
    "snooze_duration": Rule(int, range=SNOOZE_DURATION),
    "alarm_prompt": Rule(str),
}
UPDATE: dict[str, Rule] = {
    "id": Rule(int, required=True),
    # ext_id is not in the update table: resending the current value is harmless.
    "ext_id": Rule(int),
    **{name: rule for name, rule in CREATE.items() if name != "ext_id"},
}
UPDATE["alarm_time"] = Rule(str)
DEFAULTS: dict[str, Any] = {"repeat_type": "never", "number_of_snoozes": 0, "snooze_duration": 10,
                            "alarm_prompt": ""}
FIELDS = ("id", "alarm_time", "repeat_type", "number_of_snoozes", "snooze_duration", "alarm_prompt")


# ---------------------------------------------------------------- validation

def _normalise_time(value: str, errors: list[dict]) -> str:
    match = TIME.fullmatch(value.strip())
    check(match is not None, "alarm_time", "format", errors)
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else value


def _normalise_repeat(value: str, errors: list[dict]) -> str:
    """Half-width comma list; spaces after commas tolerated (the L15396 example)."""
    parts = list(dict.fromkeys(p.strip() for p in value.split(",")))
    if not all(p in REPEATS for p in parts):
        errors.append({"field": "repeat_type", "validation_type": "enum"})
        return value
    # never cannot be combined with days
    check(parts == ["never"] or "never" not in parts, "repeat_type", "invalid", errors)
    return ",".join(d for d in REPEATS if d in parts)


def _room_exists(pbx: Instance, ext_id: int, errors: list[dict]) -> None:
    check(ext_id in pbx.data.extensions, "ext_id", "not_exist", errors)


def _apply(pbx: Instance, params: dict, current: dict) -> dict:
    merged = {**current, **{k: v for k, v in params.items() if k != "id"}}
    errors: list[dict] = []
    if "alarm_time" in params:
        merged["alarm_time"] = _normalise_time(params["alarm_time"], errors)
    if "repeat_type" in params:
        merged["repeat_type"] = _normalise_repeat(params["repeat_type"], errors)
    callflow.prompt_errors(pbx, merged, "alarm_prompt", errors)
    raise_if(errors)
    return merged


def alarms_of(pbx: Instance, ext_id: int) -> list[dict]:
    return [a for _, a in sorted(pbx.data.wakeup_calls.items()) if a["ext_id"] == ext_id]


def create_wakeup_call(pbx: Instance, params: dict) -> int:
    require_valid(params, CREATE)
    errors: list[dict] = []
    _room_exists(pbx, params["ext_id"], errors)
    raise_if(errors)
    merged = _apply(pbx, params, dict(DEFAULTS))
    if len(alarms_of(pbx, merged["ext_id"])) >= MAX_PER_EXTENSION:
        raise ApiError(MAX_LIMITATION_EXCEEDED, submsg=f"at most {MAX_PER_EXTENSION} wake-up calls per extension")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.wakeup_calls[merged["id"]] = merged
    return merged["id"]


def get_alarm(pbx: Instance, alarm_id: int) -> dict:
    alarm = pbx.data.wakeup_calls.get(alarm_id)
    if alarm is None:
        raise ApiError(WAKEUP_CALL_NOT_EXISTED, submsg=f"wake-up call {alarm_id} does not exist")
    return alarm


def update_wakeup_call(pbx: Instance, params: dict) -> None:
    require_valid(params, UPDATE)
    current = get_alarm(pbx, params["id"])
    errors: list[dict] = []
    check(params.get("ext_id", current["ext_id"]) == current["ext_id"], "ext_id", "invalid", errors)
    raise_if(errors)
    pbx.data.wakeup_calls[current["id"]] = _apply(pbx, params, current)


def clear_room(pbx: Instance, ext_id: int) -> None:
    """Drop an extension's wake-up calls, voicemail and call records
    (on checkout, and when the extension is deleted)."""
    for alarm in alarms_of(pbx, ext_id):
        del pbx.data.wakeup_calls[alarm["id"]]
    pbx.data.voicemails.pop(ext_id, None)
    pbx.data.call_records.pop(ext_id, None)


# ---------------------------------------------------------------- views

def wakeup_info(pbx: Instance, ext_id: int) -> dict:
    return {"ext_id": ext_id, "wakeup_call": [{k: a[k] for k in FIELDS} for a in alarms_of(pbx, ext_id)]}


def _ext_param(call: Call) -> int:
    schema = {"ext_id": Rule(int, required=True)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    errors: list[dict] = []
    _room_exists(call.pbx, params["ext_id"], errors)
    raise_if(errors)
    return params["ext_id"]


def _rooms(pbx: Instance) -> list[int]:
    return sorted({a["ext_id"] for a in pbx.data.wakeup_calls.values()})


# ---------------------------------------------------------------- endpoints

def wc_list(call: Call) -> dict:
    schema = {"page": Rule(int, range=(1, None)), "page_size": Rule(int, range=(1, call.pbx.config.max_page_size))}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    rooms = _rooms(call.pbx)
    size = params.get("page_size", call.pbx.config.max_page_size)
    start = (params.get("page", 1) - 1) * size
    return {"data": [wakeup_info(call.pbx, ext_id) for ext_id in rooms[start:start + size]]}


def wc_get(call: Call) -> dict:
    # Typed Array<Wakeup_Info> (L15158) but the example is one object (L15203).
    return {"data": wakeup_info(call.pbx, _ext_param(call))}


def wc_query(call: Call) -> dict:
    require_valid(call.params, {"ext_id": Rule(str, required=True)})
    ids = parse_id_list(call.params["ext_id"], "ext_id")
    return {"data": [wakeup_info(call.pbx, i) for i in dict.fromkeys(ids) if i in call.pbx.data.extensions]}


def wc_create(call: Call) -> dict:
    return {"id": create_wakeup_call(call.pbx, call.params)}


def wc_update(call: Call) -> dict:
    update_wakeup_call(call.pbx, call.params)
    return {}


def wc_delete(call: Call) -> dict:
    schema = {"ext_id": Rule(int, required=True), "wakeup_call_id": Rule(str)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    ext_id = params["ext_id"]
    errors: list[dict] = []
    _room_exists(call.pbx, ext_id, errors)
    raise_if(errors)
    if "wakeup_call_id" not in params:
        targets = [a["id"] for a in alarms_of(call.pbx, ext_id)]
    else:
        targets = list(dict.fromkeys(parse_id_list(params["wakeup_call_id"], "wakeup_call_id")))
        for alarm_id in targets:
            # An alarm of another room is as unknown here as a missing one: nothing is deleted.
            if get_alarm(call.pbx, alarm_id)["ext_id"] != ext_id:
                raise ApiError(WAKEUP_CALL_NOT_EXISTED,
                               submsg=f"wake-up call {alarm_id} does not belong to extension {ext_id}")
    for alarm_id in targets:
        del call.pbx.data.wakeup_calls[alarm_id]
    return {}


def checkout(pbx: Instance, ext_id: int) -> None:
    """What hotel/checkout clears (L15549-15552, plus call records L18507/L18510)."""
    ext = pbx.data.extensions[ext_id]
    ext.update({"first_name": "", "last_name": "", "email_addr": "", "mobile_number": "",
                "user_password": "", "presence_status": "available", "outbound_route_permission": []})
    clear_room(pbx, ext_id)


def hotel_checkout(call: Call) -> dict:
    require_valid(call.params, {"ext_id": Rule(int, required=True)})
    if call.pbx.config.pms_integration:
        raise ApiError(CHECKOUT_WHEN_PMS)
    errors: list[dict] = []
    _room_exists(call.pbx, call.params["ext_id"], errors)
    raise_if(errors)
    checkout(call.pbx, call.params["ext_id"])
    # Checkout edits the room's extension (name, presence...): 30022 UPDATE.
    events.extension_changed(call.pbx, call.pbx.data.extensions[call.params["ext_id"]]["number"], "UPDATE")
    return {}


ENDPOINTS = {
    "wakeupcall/list": Endpoint("GET", wc_list),
    "wakeupcall/get": Endpoint("GET", wc_get),
    "wakeupcall/query": Endpoint("GET", wc_query),
    "wakeupcall/create": Endpoint("POST", wc_create),
    "wakeupcall/update": Endpoint("POST", wc_update),
    "wakeupcall/delete": Endpoint("GET", wc_delete),
    "hotel/checkout": Endpoint("POST", hotel_checkout),
}
