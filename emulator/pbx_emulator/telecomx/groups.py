"""PBX groups (ring groups): list, get, create, partial update, delete with referential integrity.

Fields and their meaning from seed 002 (api:pbx:group:get); update ("as little as a single property") and
delete ("only if no other dialplan items points to it") from the wiki notes. Create is inferred
(POST /pbx/group, the wiki's pattern for other resources)."""

from __future__ import annotations

from typing import Any

from .errors import ApiError, bad_request, by_id, invalid
from .listing import page, sort
from .request import Call, flag
from .state import OBJECT_ID, new_id

STRATEGIES = ("ALL", "SEQUENTIAL", "RANDOM")
PERMISSIONS = ("pickup", "steal", "spy", "setPresence", "queueMember", "viewOtherParty", "sms",
               "readCalendar", "writeCalendar", "readPhonebook", "writePhonebook")
# The seed's field table spells the last permission writePhoneBook, its example writePhonebook: the
# example (a real answer) is what the emulator answers; the table's spelling is accepted on writes.
ALIASES = {"writePhoneBook": "writePhonebook"}
MAX_RING_TIME = 3600
SUMMARY = ("_id", "type", "customer", "name", "number")
READ_ONLY = ("_id", "type", "customer")


def defaults(pbx: Any) -> dict:
    return {"type": "GROUP", "customer": pbx.data.customer, "name": None, "number": None, "startAudio": None,
            "redirect": None, "notes": "", "members": [], "controllers": [],
            **{name: False for name in PERMISSIONS}, "strategy": "ALL", "ringTime": 20, "timeoutGoto": None}


def _string_or_null(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise invalid(name, f"{name} must be a string or null")


def _id_or_null(name: str, value: Any) -> None:
    if value is not None and not (isinstance(value, str) and OBJECT_ID.fullmatch(value)):
        raise invalid(name, f"{name} must be an id (24 hex characters) or null")


def checked(pbx: Any, changes: dict, ident: str | None) -> dict:
    """The changes, validated against the group they apply to (`ident`, None for a new one)."""
    changes = {ALIASES.get(k, k): v for k, v in changes.items() if k not in READ_ONLY}
    unknown = sorted(set(changes) - set(defaults(pbx)))
    if unknown:
        raise invalid(unknown[0], f"Unknown property {unknown[0]}")
    if "name" in changes and not (isinstance(changes["name"], str) and changes["name"].strip()):
        raise invalid("name", "name must be a non-empty string")
    number = changes.get("number")
    if number is not None:
        if not (isinstance(number, str) and number.isdigit()):
            raise invalid("number", "number must be a string of digits or null")
        holder = next((item for key, item in pbx.data.dialplan().items()
                       if key != ident and item.get("number") == number), None)
        if holder is not None:
            raise invalid("number", f"Number {number} is already used by {describe(holder)}", status=409)
    for name in ("redirect", "notes"):
        _string_or_null(name, changes.get(name))
    _id_or_null("startAudio", changes.get("startAudio"))
    _id_or_null("timeoutGoto", changes.get("timeoutGoto"))
    goto = changes.get("timeoutGoto")
    if goto is not None and goto.upper() not in pbx.data.dialplan():
        raise invalid("timeoutGoto", f"Dialplan item {goto} not found", status=404)
    for name in ("members", "controllers"):
        if name in changes:
            ids = changes[name]
            if not isinstance(ids, list):
                raise invalid(name, f"{name} must be an array of extension ids")
            for index, member in enumerate(ids):
                if not (isinstance(member, str) and member.upper() in pbx.data.extensions):
                    raise invalid(f"{name}[{index}]", f"Extension {member} not found", status=404)
            changes[name] = [member.upper() for member in ids]
    for name in PERMISSIONS:
        if name in changes and not isinstance(changes[name], bool):
            raise invalid(name, f"{name} must be a boolean")
    if "strategy" in changes and changes["strategy"] not in STRATEGIES:
        raise invalid("strategy", f"strategy must be one of {', '.join(STRATEGIES)}")
    ring = changes.get("ringTime")
    if "ringTime" in changes and not (isinstance(ring, int) and not isinstance(ring, bool)
                                      and 0 <= ring <= MAX_RING_TIME):
        raise invalid("ringTime", f"ringTime must be a number of seconds from 0 (ring forever) to {MAX_RING_TIME}")
    return changes


def describe(item: dict) -> str:
    number = f" ({item['number']})" if item.get("number") else ""
    return f"{item.get('type', 'ITEM')} {item.get('name')!r}{number}"


def create_group(pbx: Any, body: dict) -> str:
    if not isinstance(body, dict):
        raise bad_request("The body must be a JSON object")
    changes = checked(pbx, body, None)
    if "name" not in changes:
        raise invalid("name", "name is required")
    ident = new_id()
    pbx.data.groups[ident] = {"_id": ident, **defaults(pbx), **changes}
    return ident


def _group(call: Call, ident: str) -> dict:
    return by_id(call.pbx.data.groups, ident, "Group")


def view(pbx: Any, group: dict, params: dict, full: bool) -> dict:
    if not full:
        return {k: group[k] for k in SUMMARY}
    shown = dict(group)
    if flag(params, "expandExtension"):
        for name in ("members", "controllers"):
            shown[name] = [{k: pbx.data.extensions[i][k] for k in ("_id", "number", "name")}
                           for i in group[name] if i in pbx.data.extensions]
    return shown


def list_groups(call: Call) -> dict:
    params = call.params
    full = any(flag(params, name) for name in ("full", "expandExtension", "expandGoto"))
    items = sort(list(call.pbx.data.groups.values()), params.get("sort") or "number", ("number", "name", "direct"))
    return page(call, [view(call.pbx, g, params, full) for g in items], "groups")


def get_group(call: Call, ident: str) -> dict:
    return view(call.pbx, _group(call, ident), call.params, True)


def create(call: Call) -> dict:
    ident = create_group(call.pbx, call.body)
    return view(call.pbx, call.pbx.data.groups[ident], call.params, True)


def update(call: Call, ident: str) -> dict:
    group = _group(call, ident)
    if not isinstance(call.body, dict):
        raise bad_request("The body must be a JSON object")
    group.update(checked(call.pbx, call.body, group["_id"]))
    return view(call.pbx, group, call.params, True)


def referrers(pbx: Any, ident: str) -> list[dict]:
    """Dialplan items that point at an item: their timeoutGoto, or any goto of a seeded item."""
    return [item for item in pbx.data.dialplan().values()
            if item.get("timeoutGoto") == ident or ident in (item.get("gotos") or [])]


def delete(call: Call, ident: str) -> dict:
    group = _group(call, ident)
    holders = referrers(call.pbx, group["_id"])
    if holders:
        raise ApiError(409, "in_use", "Group cannot be deleted while other dialplan items point to it: "
                       + ", ".join(describe(h) for h in holders),
                       references=[{k: h.get(k) for k in ("_id", "type", "name", "number")} for h in holders])
    del call.pbx.data.groups[group["_id"]]
    return {"success": True}
