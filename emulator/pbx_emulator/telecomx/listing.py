"""offset/limit paging shared by the list calls (limit 1 to 1000, default 50)."""

from __future__ import annotations

from .errors import invalid
from .request import Call

MAX_LIMIT = 1000


def page(call: Call, items: list[dict], key: str) -> dict:
    offset = _number(call, "offset", 0, 0, None)
    limit = _number(call, "limit", 50, 1, MAX_LIMIT)
    return {"offset": offset, "limit": limit, "total": len(items), key: items[offset:offset + limit]}


def _number(call: Call, name: str, default: int, low: int, high: int | None) -> int:
    raw = call.params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise invalid(name, f"{name} must be a number") from None
    if value < low or (high is not None and value > high):
        allowed = f"{low} to {high}" if high is not None else f"at least {low}"
        raise invalid(name, f"{name} must be {allowed}, got {value}")
    return value


def sort(items: list[dict], order: str, allowed: tuple[str, ...]) -> list[dict]:
    if order not in allowed:
        raise invalid("sort", f"sort must be one of {', '.join(allowed)}")
    # Objects without a value (a group that is not dialable) come last.
    return sorted(items, key=lambda item: (item.get(order) is None, str(item.get(order) or ""), item["_id"]))
