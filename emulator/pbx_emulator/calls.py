"""Simulated calls: call/* control (manual L15603-16869) and the events they cause.

Phones are simulated through the control API: an extension's endpoint
registers (30007), a phone dials, answers, rejects or hangs up. The API's
call control moves the same calls through their states; every change is
reported as it happens (30008, 30011, 30013, 30015, 30016) and a call that
ends leaves a CDR (30012).
"""

from __future__ import annotations

import asyncio
import re
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from . import events
from .api import Call, Endpoint
from .activity import is_registered as has_registered_device
from .activity import record_call
from .call_log import activity_of
from .errors import (CHANNEL_NOT_FOUND, FAILURE, OPERATION_NOT_SUPPORTED, PARAMETER_ERROR, ApiError,
                     param_error)
from .extension import STATUSES as PRESENCE_STATUSES
from .extension import display_name
from .ring_group import flat_members
from .state import Instance
from .validation import Rule, require_valid

PARKING_SLOTS = tuple(str(n) for n in range(6000, 6050))
PARK_TIME = 60
# 30007's endpoint kinds (table 341) and the device of Ext_Basicinfo's online_status each registers.
KIND_DEVICES = {"Sip": "sip_phone", "Mobile": "linkus_mobile", "Desktop": "linkus_desktop", "Web": "linkus_web",
                "Pad": "linkus_mobile"}
TABLET_TYPES = ("ipad", "pad")
# Call statuses of an extension in 30008 (table 343).
RINGING, BUSY, IDLE = "ringing", "busy", "idle"
TALKING = ("ANSWER", "ANSWERED")


@dataclass
class Member:
    kind: str                 # extension, inbound or outbound
    number: str               # the extension, or the external party
    channel_id: str
    status: str               # MS-6/MS-7 member_status
    peer: str = ""            # inbound: the number called; outbound: the caller
    trunk_name: str = ""
    call_path: str = ""
    muted: bool = False
    held_from: str = ""       # status to restore on unhold
    consulted: bool = False   # the target of an attended transfer not yet completed

    def view(self) -> dict:
        info = {"channel_id": self.channel_id, "member_status": self.status, "call_path": self.call_path}
        if self.kind == "extension":
            return {"extension": {"number": self.number, **info}}
        ends = ({"from": self.number, "to": self.peer} if self.kind == "inbound"
                else {"from": self.peer, "to": self.number})
        return {self.kind: {**ends, "trunk_name": self.trunk_name, **info}}


@dataclass
class LiveCall:
    call_id: str
    call_from: str
    call_to: str
    kind: str                 # Internal, Inbound or Outbound (the 30012 example's spelling)
    members: list[Member] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    answered: float | None = None
    src_trunk: str = ""
    dst_trunk: str = ""
    recording: str = ""       # "", "recording" or "paused"
    recording_file: str = ""
    awaiting_control: bool = False   # an inbound call waiting for accept/refuse (30016)

    def view(self) -> dict:
        return {"call_id": self.call_id, "members": [m.view() for m in self.members]}


@dataclass
class Telephony:
    trunks: dict[str, dict] = field(default_factory=dict)
    calls: dict[str, LiveCall] = field(default_factory=dict)
    parked: dict[str, dict] = field(default_factory=dict)                    # slot -> park entry
    cdrs: list[dict] = field(default_factory=list)
    prompts: list[dict] = field(default_factory=list)
    sequence: int = 0

    def next(self) -> int:
        self.sequence += 1
        return self.sequence


_STATE: "weakref.WeakKeyDictionary[Instance, tuple[Any, Telephony]]" = weakref.WeakKeyDictionary()


def telephony(pbx: Instance) -> Telephony:
    """Live state of the instance; a reset (new data) hangs everything up."""
    entry = _STATE.get(pbx)
    if entry is None or entry[0] is not pbx.data:
        entry = (pbx.data, Telephony())
        _STATE[pbx] = entry
    return entry[1]


# ------------------------------------------------------------ look-ups

def extension_by_number(pbx: Instance, number: str) -> dict | None:
    return next((e for e in pbx.data.extensions.values() if e["number"] == number), None)


def ring_group_by_number(pbx: Instance, number: str) -> dict | None:
    return next((g for g in pbx.data.ring_groups.values() if g["number"] == number), None)


def is_registered(pbx: Instance, number: str) -> bool:
    ext = extension_by_number(pbx, number)
    return ext is not None and has_registered_device(activity_of(pbx), ext["id"])


# ------------------------------------------------------------ endpoints and presence

def _kind_of(device: str, entries: list[dict]) -> str:
    if device == "linkus_mobile" and any(e.get("linkus_dev_type") in TABLET_TYPES for e in entries):
        return "Pad"
    return next(kind for kind, known in KIND_DEVICES.items() if known == device)


def register_device(pbx: Instance, ext: dict, device: str, entries: list[dict]) -> None:
    """A device of the extension registers (entries) or unregisters ([]): kept where online_status reads it
    (extension/list, get, query) and calls look, and reported as 30007 (table 341)."""
    registered = activity_of(pbx).registrations.setdefault(ext["id"], {})
    reported = entries or registered.get(device) or [{}]
    registered[device] = entries
    events.publish(pbx, 30007, {"extension": ext["number"], "kind": _kind_of(device, reported),
                                "status": "Registered" if entries else "Unregistered",
                                "registered_ip": reported[0].get("ip", "")})


def change_presence(pbx: Instance, ext: dict, status: str) -> None:
    """The user changes presence on the phone or Linkus (30009)."""
    ext["presence_status"] = status
    events.publish(pbx, 30009, {"extension": ext["number"], "status": status})


def _pattern(pattern: str) -> re.Pattern:
    """A dial pattern (X 0-9, Z 1-9, N 2-9, [..] a set, '.' one or more, '!' zero or more)."""
    out, i = "", 0
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            end = pattern.index("]", i)
            out += pattern[i:end + 1]
            i = end + 1
            continue
        out += {"X": "[0-9]", "Z": "[1-9]", "N": "[2-9]", ".": ".+", "!": ".*"}.get(
            char.upper(), re.escape(char))
        i += 1
    return re.compile(out)


def outbound_route_for(pbx: Instance, permitted: dict, number: str) -> tuple[dict, str] | None:
    """The first route (by position) that the extension may use and whose pattern matches."""
    for route in sorted(pbx.data.outbound_routes.values(), key=lambda r: r["pos"]):
        if route["id"] not in permitted["outbound_route_permission"] or not route["trunk_list"]:
            continue
        for entry in route["dial_pattern_list"]:
            if _pattern(entry["pattern"]).fullmatch(number):
                return route, entry["prepend"] + number[entry["strip"]:]
    return None


def find_channel(pbx: Instance, channel_id: Any) -> tuple[LiveCall, Member]:
    if not isinstance(channel_id, str) or not channel_id:
        raise param_error("channel_id", "required")
    for live in telephony(pbx).calls.values():
        for member in live.members:
            if member.channel_id == channel_id:
                return live, member
    raise ApiError(CHANNEL_NOT_FOUND, submsg=f"no call member has channel {channel_id}")


def not_supported(submsg: str) -> ApiError:
    return ApiError(OPERATION_NOT_SUPPORTED, submsg=submsg)


# ------------------------------------------------------------ state changes and their events

def _channel(tel: Telephony, name: str) -> str:
    return f"PJSIP/{name}-{tel.next():08x}"


def _extension_status(pbx: Instance, member: Member, status: str) -> None:
    if member.kind == "extension":
        events.publish(pbx, 30008, {"extension": member.number, "status": status})


def _report(pbx: Instance, live: LiveCall) -> None:
    events.publish(pbx, 30011, live.view())


def _ring(pbx: Instance, live: LiveCall, members: list[Member]) -> None:
    live.members.extend(members)
    for member in members:
        _extension_status(pbx, member, RINGING)


def _callee_members(pbx: Instance, tel: Telephony, live: LiveCall, callee: str,
                    permitted: dict | None) -> list[Member] | str:
    """The members a call to ``callee`` rings, or the 30015 reason it fails with."""
    ext = extension_by_number(pbx, callee)
    if ext is not None:
        if not is_registered(pbx, callee):
            return "480 Temporately Unavailable"
        if ext["presence_status"] == "do_not_disturb":
            return "DND"
        return [Member("extension", callee, _channel(tel, callee), "RING")]
    group = ring_group_by_number(pbx, callee)
    if group is not None:
        numbers = [pbx.data.extensions[int(m["value"])]["number"] for m in flat_members(group)
                   if m["type"] == "extension" and int(m["value"]) in pbx.data.extensions]
        ringing = [Member("extension", n, _channel(tel, n), "RING", call_path=callee)
                   for n in numbers if is_registered(pbx, n)]
        return ringing or "480 Temporately Unavailable"
    if permitted is None:
        return "404 NOT found"
    found = outbound_route_for(pbx, permitted, callee)
    if found is None:
        return "NO Outbound Restrictin"     # sic (table of 30015)
    route, dialled = found
    trunk = pbx.data.trunks[route["trunk_list"][0]["id"]]["name"]
    live.kind, live.dst_trunk = "Outbound", trunk
    return [Member("outbound", dialled, f"PJSIP/trunk-{trunk}-endpoint-{tel.next():08x}", "RING",
                   peer=live.call_from, trunk_name=trunk)]


def _fail(pbx: Instance, live: LiveCall, reason: str, status: str) -> None:
    for member in live.members:
        if member.status != "ALERT":       # the caller stays ALERT in the report, as the 30015 example shows
            member.status = "BYE"
    events.publish(pbx, 30015, {"call_id": live.call_id, "reason": reason,
                                "members": [m.view() for m in live.members]})
    _end(pbx, live, status)


def _end(pbx: Instance, live: LiveCall, status: str | None = None) -> None:
    """Everyone leaves: BYE, idle extensions, the CDR (30012), the call is gone."""
    tel = telephony(pbx)
    for member in live.members:
        member.status = "BYE"
    _report(pbx, live)
    for member in live.members:
        _extension_status(pbx, member, IDLE)
    now = time.time()
    cdr = {
        "call_id": live.call_id,
        "time_start": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(live.started)),
        "call_from": live.call_from,
        "call_to": live.call_to,
        "call_duration": int(now - live.started),
        "talk_duration": int(now - live.answered) if live.answered else 0,
        "src_trunk_name": live.src_trunk,
        "dst_trunk_name": live.dst_trunk,
        "pin_code": "",
        "status": status or ("ANSWERED" if live.answered else "NO ANSWER"),
        "type": live.kind,
        "recording": live.recording_file,
        "did_number": live.call_to if live.kind == "Inbound" else "",
        "agent_ring_time": 0,
    }
    tel.cdrs.append(cdr)
    tel.calls.pop(live.call_id, None)
    # The call also joins the call log that cdr/list, cdr/search and recording/list read.
    record_call(activity_of(pbx), {
        "timestamp": int(live.started), "call_type": live.kind, "disposition": cdr["status"],
        "from_number": live.call_from, "from_name": _name_of(pbx, live.call_from),
        "to_number": live.call_to, "to_name": _name_of(pbx, live.call_to),
        "ring_duration": int((live.answered or now) - live.started), "talk_duration": cdr["talk_duration"],
        "src_trunk": live.src_trunk, "dst_trunk": live.dst_trunk, "did_number": cdr["did_number"],
        "record_file": live.recording_file}, recorded=bool(live.recording_file))
    events.publish(pbx, 30012, cdr)


def _name_of(pbx: Instance, number: str) -> str:
    ext = extension_by_number(pbx, number)
    return display_name(ext) if ext else ""


def place(pbx: Instance, caller: str, callee: str, *, trunk: str = "", permitted: dict | None = None,
          inbound_control: bool = False) -> LiveCall:
    """A call from an extension (or, with ``trunk``, from outside) to ``callee``."""
    tel = telephony(pbx)
    call_id = f"{int(time.time())}.{tel.next()}"
    if trunk:
        first = Member("inbound", caller, f"PJSIP/trunk-{trunk}-endpoint-{tel.next():08x}", "ALERT",
                       peer=callee, trunk_name=trunk)
        live = LiveCall(call_id, caller, callee, "Inbound", [first], src_trunk=trunk)
    else:
        first = Member("extension", caller, _channel(tel, caller), "ALERT")
        live = LiveCall(call_id, caller, callee, "Internal", [first])
        _extension_status(pbx, first, BUSY)
    tel.calls[call_id] = live
    if inbound_control:
        live.awaiting_control = True
        events.publish(pbx, 30016, {"call_id": call_id, "members": [first.view()]})
        asyncio.get_running_loop().call_later(pbx.config.inbound_control_window, _route_inbound, pbx, live)
        return live
    _connect(pbx, live, callee, permitted)
    return live


def _connect(pbx: Instance, live: LiveCall, callee: str, permitted: dict | None) -> None:
    tel = telephony(pbx)
    parked = tel.parked.pop(callee, None)
    if parked is not None:
        _retrieve(pbx, live, parked)
        return
    ringing = _callee_members(pbx, tel, live, callee, permitted)
    if isinstance(ringing, str):
        _fail(pbx, live, ringing, "NO ANSWER")
        return
    _ring(pbx, live, ringing)
    _report(pbx, live)


def _route_inbound(pbx: Instance, live: LiveCall) -> None:
    """Nobody decided within the window: the PBX accepts the call (L15862)."""
    if live.awaiting_control and live.call_id in telephony(pbx).calls:
        live.awaiting_control = False
        _connect(pbx, live, live.call_to, None)


def _retrieve(pbx: Instance, live: LiveCall, parked: dict) -> None:
    """Dialling a parking slot joins the caller to the parked party's call (L16328)."""
    tel = telephony(pbx)
    tel.calls.pop(live.call_id, None)
    held = tel.calls[parked["call_id"]]
    retriever = live.members[0]
    retriever.status = "ANSWERED"
    parked_member = parked["member"]
    parked_member.status, parked_member.held_from = "ANSWER", ""
    held.members.append(retriever)
    _report(pbx, held)


def answer(pbx: Instance, live: LiveCall, member: Member) -> None:
    if member.status not in ("RING", "EARLYMEDIA"):
        raise ValueError(f"{member.number} is not ringing")
    member.status = "ANSWER"
    live.answered = live.answered or time.time()
    for other in list(live.members):
        if other is member:
            continue
        if other.status in ("RING", "EARLYMEDIA") and not other.consulted:
            live.members.remove(other)          # the rest of a ring group stops ringing
            _extension_status(pbx, other, IDLE)
        elif other.status == "ALERT":
            other.status = "ANSWERED"
    _extension_status(pbx, member, BUSY)
    _report(pbx, live)


def leave(pbx: Instance, live: LiveCall, member: Member, *, rejected: bool = False) -> None:
    """One member hangs up; a call left with fewer than two parties ends."""
    if rejected and member.status == "RING":
        ringing = [m for m in live.members if m.status == "RING" and m is not member]
        if not ringing:
            _fail(pbx, live, "486 Busy Here", "BUSY")
            return
    member.status = "BYE"
    _report(pbx, live)
    live.members.remove(member)
    _extension_status(pbx, member, IDLE)
    parked = any(p["call_id"] == live.call_id for p in telephony(pbx).parked.values())
    callers = [m for m in live.members if m.status in ("ALERT", "ANSWERED", "ANSWER", "HOLD")]
    if not parked and (len(live.members) < 2 or not callers):
        _end(pbx, live)


# ------------------------------------------------------------ API endpoints

def _channel_param(call: Call) -> tuple[LiveCall, Member]:
    return find_channel(call.pbx, call.params.get("channel_id"))


def _permission(pbx: Instance, caller: dict, dial_permission: Any) -> dict:
    if dial_permission in (None, ""):
        return caller
    ext = extension_by_number(pbx, str(dial_permission))
    if ext is None:
        raise param_error("dial_permission", "not_exist")
    return ext


def _registered_extension(pbx: Instance, number: Any, field_name: str) -> dict:
    ext = extension_by_number(pbx, str(number)) if isinstance(number, str) else None
    if ext is None:
        raise param_error(field_name, "not_exist")
    if not is_registered(pbx, ext["number"]):
        raise ApiError(FAILURE, submsg=f"extension {ext['number']} has no registered endpoint",
                       invalid_param_list=[{"field": field_name, "validation_type": "unregistered"}])
    return ext


def call_query(call: Call) -> dict:
    calls = list(telephony(call.pbx).calls.values())
    params = call.params
    if params.get("call_id"):
        calls = [c for c in calls if c.call_id == params["call_id"]]
    elif params.get("type"):
        if params["type"] not in ("inbound", "outbound", "internal"):
            raise param_error("type", "enum")
        calls = [c for c in calls if c.kind.lower() == params["type"]]
    elif params.get("number"):
        calls = [c for c in calls if any(m.kind == "extension" and m.number == params["number"]
                                         for m in c.members)]
    return {"data": [c.view() for c in calls]}


def call_dial(call: Call) -> dict:
    require_valid(call.params, {"caller": Rule(str, required=True, nonempty=True),
                                "callee": Rule(str, required=True, nonempty=True),
                                "dial_permission": Rule(str),
                                "auto_answer": Rule(str, enum=("yes", "no"))})
    caller = _registered_extension(call.pbx, call.params["caller"], "caller")
    permitted = _permission(call.pbx, caller, call.params.get("dial_permission"))
    live = place(call.pbx, caller["number"], call.params["callee"], permitted=permitted)
    return {"call_id": live.call_id}


def _awaiting(call: Call) -> LiveCall:
    live, member = _channel_param(call)
    if member.kind != "inbound" or not live.awaiting_control:
        raise not_supported("the channel is not an inbound call waiting for acceptance")
    live.awaiting_control = False
    return live


def call_accept_inbound(call: Call) -> dict:
    live = _awaiting(call)
    _connect(call.pbx, live, live.call_to, None)
    return {"call_id": live.call_id}


def call_refuse_inbound(call: Call) -> dict:
    live = _awaiting(call)
    _fail(call.pbx, live, "603 Declined", "NO ANSWER")
    return {"call_id": live.call_id}


def _talking(live: LiveCall, member: Member) -> None:
    if member.status not in TALKING or not live.answered:
        raise not_supported(f"channel {member.channel_id} is not in an answered call")


def call_hold(call: Call) -> dict:
    live, member = _channel_param(call)
    _talking(live, member)
    others = [m for m in live.members if m is not member and m.status in TALKING]
    if not others:
        raise not_supported("the call is already on hold")
    for other in others:
        other.held_from, other.status = other.status, "HOLD"
    _report(call.pbx, live)
    return {"call_id": live.call_id}


def call_unhold(call: Call) -> dict:
    live, member = _channel_param(call)
    held = [m for m in live.members if m is not member and m.status == "HOLD"]
    if not held:
        raise not_supported("the call is not on hold")
    for other in held:
        other.status, other.held_from = other.held_from or "ANSWER", ""
    _report(call.pbx, live)
    return {"call_id": live.call_id}


def _set_mute(call: Call, muted: bool) -> dict:
    live, member = _channel_param(call)
    if member.muted == muted:
        raise not_supported(f"channel {member.channel_id} is already {'muted' if muted else 'unmuted'}")
    member.muted = muted
    return {"call_id": live.call_id}


def call_mute(call: Call) -> dict:
    return _set_mute(call, True)


def call_unmute(call: Call) -> dict:
    return _set_mute(call, False)


def call_park(call: Call) -> dict:
    require_valid(call.params, {"channel_id": Rule(str, required=True), "parking_slot": Rule(str)})
    live, member = _channel_param(call)
    _talking(live, member)
    tel = telephony(call.pbx)
    slot = call.params.get("parking_slot") or next((s for s in PARKING_SLOTS if s not in tel.parked), None)
    if slot is None:
        raise not_supported("every parking slot is taken")
    if slot not in PARKING_SLOTS or slot in tel.parked:
        raise param_error("parking_slot", "invalid")
    parker = next((m for m in live.members if m is not member), None)
    member.held_from, member.status = member.status, "HOLD"
    tel.parked[slot] = {"call_id": live.call_id, "member": member, "slot": slot,
                        "parker": parker.number if parker else "", "time": time.time()}
    for other in [m for m in live.members if m is not member]:
        leave(call.pbx, live, other)
    return {"call_id": live.call_id, "parking_slot": slot}


def call_park_status(call: Call) -> dict:
    """Calls parked through call control, after those the control API seeded (control `parked_calls`)."""
    seeded = [dict(p) for p in activity_of(call.pbx).parked_calls]
    return {"data": seeded + [{"parker": p["parker"], "parked_party": p["member"].number, "parking_slot": slot,
                               "park_time": PARK_TIME, "channel_id": p["member"].channel_id}
                              for slot, p in sorted(telephony(call.pbx).parked.items())]}


def _transfer_target(call: Call, live: LiveCall, operator: Member) -> list[Member]:
    number = call.params.get("number")
    if not isinstance(number, str) or not number:
        raise param_error("number", "required")
    caller = extension_by_number(call.pbx, operator.number)
    permitted = _permission(call.pbx, caller, call.params.get("dial_permission")) if caller else None
    targets = _callee_members(call.pbx, telephony(call.pbx), live, number, permitted)
    if isinstance(targets, str):
        raise not_supported(f"{number} cannot be reached: {targets}")
    return targets


def _transferred(pbx: Instance, live: LiveCall) -> None:
    events.publish(pbx, 30013, live.view())
    _report(pbx, live)


def call_transfer(call: Call) -> dict:
    require_valid(call.params, {
        "type": Rule(str, required=True, enum=("blind", "attended")), "channel_id": Rule(str, required=True),
        "number": Rule(str), "dial_permission": Rule(str),
        "attended_operate": Rule(str, enum=("abort", "complete", "threeway", "swap"))})
    live, member = _channel_param(call)
    _talking(live, member)
    if call.params["type"] == "blind":
        # member is the party transferred: the others leave, the target rings for it.
        targets = _transfer_target(call, live, member)
        for other in [m for m in live.members if m is not member]:
            live.members.remove(other)
            _extension_status(call.pbx, other, IDLE)
        member.status = "ALERT"
        _ring(call.pbx, live, targets)
        _transferred(call.pbx, live)
    elif call.params.get("attended_operate"):
        _attended_operate(call.pbx, live, member, call.params["attended_operate"])
    else:
        if any(m.consulted for m in live.members):
            raise not_supported("an attended transfer is already in progress")
        targets = _transfer_target(call, live, member)
        for other in live.members:
            if other is not member and other.status in TALKING:
                other.held_from, other.status = other.status, "HOLD"
        for target in targets:
            target.consulted = True
        _ring(call.pbx, live, targets)
        _report(call.pbx, live)
    return {"call_id": live.call_id}


def _attended_operate(pbx: Instance, live: LiveCall, operator: Member, operate: str) -> None:
    consulted = [m for m in live.members if m.consulted]
    waiting = [m for m in live.members if m is not operator and not m.consulted]
    if not consulted:
        raise not_supported("no attended transfer is in progress on this call")
    if operate == "abort":
        for target in consulted:
            live.members.remove(target)
            _extension_status(pbx, target, IDLE)
        _resume(waiting)
    elif operate == "swap":
        talking, held = (consulted, waiting) if waiting[0].status == "HOLD" else (waiting, consulted)
        for member in talking:
            member.held_from, member.status = member.status, "HOLD"
        _resume(held)
    else:
        _resume(waiting + consulted)
        for target in consulted:
            target.consulted = False
        if operate == "complete":
            live.members.remove(operator)
            _extension_status(pbx, operator, IDLE)
            _transferred(pbx, live)
            return
    _report(pbx, live)


def _resume(members: list[Member]) -> None:
    for member in members:
        if member.status == "HOLD":
            member.status, member.held_from = member.held_from or "ANSWER", ""


def call_hangup(call: Call) -> dict:
    live, member = _channel_param(call)
    leave(call.pbx, live, member)
    return {"call_id": live.call_id}


def _record(call: Call, needed: str, result: str) -> dict:
    live, member = _channel_param(call)
    _talking(live, member)
    if live.recording != needed:
        state = live.recording or "not recording"
        raise not_supported(f"the call is {state}")
    if not live.recording_file:
        stamp = time.strftime("%Y%m%d%H%M%S")
        live.recording_file = f"{stamp}-{live.call_id}-{live.call_from}-{live.call_to}-{live.kind}.wav"
    live.recording = result
    return {"call_id": live.call_id}


def call_record_start(call: Call) -> dict:
    return _record(call, "", "recording")


def call_record_pause(call: Call) -> dict:
    return _record(call, "recording", "paused")


def call_record_unpause(call: Call) -> dict:
    return _record(call, "paused", "recording")


def call_play_prompt(call: Call) -> dict:
    require_valid(call.params, {"number": Rule(str, required=True, nonempty=True),
                                "prompts": Rule(list, required=True, nonempty=True, items=Rule(str)),
                                "count": Rule(int, range=(1, None)), "volume": Rule(int, range=(0, 20)),
                                "dial_permission": Rule(str), "auto_answer": Rule(str, enum=("yes", "no"))})
    unknown = [p for p in call.params["prompts"] if p not in call.pbx.data.custom_prompts]
    if unknown:
        raise ApiError(PARAMETER_ERROR, submsg=f"not custom prompts: {', '.join(unknown)}",
                       invalid_param_list=[{"field": "prompts", "validation_type": "not_exist"}])
    _registered_extension(call.pbx, call.params["number"], "number")
    telephony(call.pbx).prompts.append({k: call.params[k] for k in ("number", "prompts") if k in call.params})
    return {}


ENDPOINTS = {
    "call/query": Endpoint("GET", call_query),
    "call/dial": Endpoint("POST", call_dial),
    "call/accept_inbound": Endpoint("POST", call_accept_inbound),
    "call/refuse_inbound": Endpoint("POST", call_refuse_inbound),
    "call/hold": Endpoint("POST", call_hold),
    "call/unhold": Endpoint("POST", call_unhold),
    "call/mute": Endpoint("POST", call_mute),
    "call/unmute": Endpoint("POST", call_unmute),
    "call/park": Endpoint("POST", call_park),
    "call/park_status": Endpoint("GET", call_park_status),
    "call/transfer": Endpoint("POST", call_transfer),
    "call/hangup": Endpoint("POST", call_hangup),
    "call/record_start": Endpoint("POST", call_record_start),
    "call/record_pause": Endpoint("POST", call_record_pause),
    "call/record_unpause": Endpoint("POST", call_record_unpause),
    "call/play_prompt": Endpoint("POST", call_play_prompt),
}


# ------------------------------------------------------------ control API: the phones

def _text(body: dict, name: str, default: str | None = None) -> str:
    value = body.get(name, default)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    return value


def _known_extension(pbx: Instance, body: dict) -> dict:
    number = _text(body, "extension")
    ext = extension_by_number(pbx, number)
    if ext is None:
        raise ValueError(f"no extension {number}")
    return ext


def set_registration(pbx: Instance, body: dict) -> dict:
    """An endpoint of an extension registers or unregisters (30007)."""
    ext = _known_extension(pbx, body)
    kind, status = _text(body, "kind", "Sip"), _text(body, "status", "Registered")
    address = _text(body, "registered_ip", "192.0.2.10")
    if kind not in KIND_DEVICES or status not in ("Registered", "Unregistered"):
        raise ValueError(f"kind must be one of {tuple(KIND_DEVICES)}; status Registered or Unregistered")
    entry = {"ip": address}
    if kind in ("Mobile", "Pad"):
        entry["linkus_dev_type"] = "pad" if kind == "Pad" else "android"
    register_device(pbx, ext, KIND_DEVICES[kind], [entry] if status == "Registered" else [])
    return {"registrations": _registrations(pbx, ext)}


def _registrations(pbx: Instance, ext: dict) -> dict[str, list[dict]]:
    return {device: entries for device, entries in activity_of(pbx).registrations.get(ext["id"], {}).items()
            if entries}


def set_presence(pbx: Instance, body: dict) -> dict:
    """The user changes presence on the phone or Linkus (30009)."""
    ext = _known_extension(pbx, body)
    status = _text(body, "status")
    if status not in PRESENCE_STATUSES:
        raise ValueError(f"status must be one of {PRESENCE_STATUSES}")
    change_presence(pbx, ext, status)
    return {"extension": ext["number"], "status": status}


def set_trunk_status(pbx: Instance, body: dict) -> dict:
    """A SIP trunk's registration status changes (30010, table 348)."""
    name = _text(body, "trunk_name")
    status = body.get("status")
    if status not in (0, 1, 2, 3, 4, 41, 42, 43, 44):
        raise ValueError("status must be a trunk status of table 348 (0-4, 41-44)")
    report = {"trunk_name": name, "kind": "PJSIP", "status": status,
              "registered_ip": _text(body, "registered_ip", "198.51.100.1:5060")}
    telephony(pbx).trunks[name] = report
    events.publish(pbx, 30010, report)
    return report


def phone_dials(pbx: Instance, body: dict) -> dict:
    """A phone (or, with ``trunk``, an outside caller) places a call."""
    callee = _text(body, "callee")
    if body.get("trunk"):
        live = place(pbx, _text(body, "caller"), callee, trunk=_text(body, "trunk"),
                     inbound_control=bool(body.get("inbound_control")))
    else:
        caller = _known_extension(pbx, {"extension": body.get("caller")})
        if not is_registered(pbx, caller["number"]):
            raise ValueError(f"extension {caller['number']} has no registered endpoint")
        live = place(pbx, caller["number"], callee, permitted=caller)
    return {"call_id": live.call_id}


def _member_of(pbx: Instance, body: dict) -> tuple[LiveCall, Member]:
    wanted = body.get("channel_id") or body.get("number")
    for live in telephony(pbx).calls.values():
        for member in live.members:
            if wanted in (member.channel_id, member.number):
                return live, member
    raise ValueError(f"no call member {wanted!r} (give number or channel_id)")


def phone_answers(pbx: Instance, body: dict) -> dict:
    live, member = _member_of(pbx, body)
    answer(pbx, live, member)
    return {"call_id": live.call_id}


def phone_hangs_up(pbx: Instance, body: dict) -> dict:
    live, member = _member_of(pbx, body)
    leave(pbx, live, member)
    return {"call_id": live.call_id}


def phone_rejects(pbx: Instance, body: dict) -> dict:
    live, member = _member_of(pbx, body)
    leave(pbx, live, member, rejected=True)
    return {"call_id": live.call_id}


def live_state(pbx: Instance, body: dict) -> dict:
    tel = telephony(pbx)
    return {"calls": [c.view() for c in tel.calls.values()],
            "parked": [{"slot": s, "call_id": p["call_id"], "channel_id": p["member"].channel_id}
                       for s, p in sorted(tel.parked.items())],
            "registrations": {number: devices for number, devices in
                              ((e["number"], _registrations(pbx, e)) for e in pbx.data.extensions.values()) if devices},
            "trunks": tel.trunks, "cdrs": tel.cdrs,
            "prompts": tel.prompts,
            "muted": [m.channel_id for c in tel.calls.values() for m in c.members if m.muted],
            "recording": {c.call_id: c.recording for c in tel.calls.values() if c.recording}}


CONTROL_ROUTES: dict[tuple[str, str], Any] = {
    ("POST", "registrations"): set_registration,
    ("POST", "presence"): set_presence,
    ("POST", "trunk_status"): set_trunk_status,
    ("POST", "calls"): phone_dials,
    ("POST", "calls/answer"): phone_answers,
    ("POST", "calls/hangup"): phone_hangs_up,
    ("POST", "calls/reject"): phone_rejects,
    ("GET", "calls"): live_state,
}
