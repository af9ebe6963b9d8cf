"""Positions of inbound and outbound routes: 1..n without gaps, first match wins.

The manual shows `pos` and `last_pos` (L7731, L8717) but prints no way to set
them; the emulator accepts an optional `pos` on create and update (see
docs/emulator.md), inserting the route there and shifting the others.
"""

from __future__ import annotations

from .validation import Rule, check

POS = Rule(int, range=(1, None))


def last_pos(routes: dict[int, dict]) -> int:
    return max((r["pos"] for r in routes.values()), default=0)


def position_errors(routes: dict[int, dict], pos: int | None, creating: bool, errors: list[dict]) -> None:
    """A new route may go anywhere up to one past the end; a moved one up to the end."""
    if pos is not None:
        check(pos <= last_pos(routes) + int(creating), "pos", "range", errors)


def place(routes: dict[int, dict], route_id: int, pos: int | None) -> None:
    """Put the route at pos (default: keep its place, or last when new) and renumber 1..n."""
    others = sorted((r for r in routes.values() if r["id"] != route_id), key=lambda r: r["pos"])
    current = routes[route_id].get("pos")
    if pos is None:
        pos = current if current else len(others) + 1
    others.insert(pos - 1, routes[route_id])
    for index, route in enumerate(others, start=1):
        route["pos"] = index


def remove(routes: dict[int, dict], route_id: int) -> None:
    del routes[route_id]
    for index, route in enumerate(sorted(routes.values(), key=lambda r: r["pos"]), start=1):
        route["pos"] = index
