"""Lists: skip/top paging, {count, items}, and the subset of the OData-style filter the emulator understands."""

from __future__ import annotations

import re
from typing import Iterable

from .errors import VALIDATE_FAILED, PortsipError, invalid
from .request import Request

MAX_TOP = 100
# "field eq 'value'" terms joined by "and": what clients need to find objects by number or name.
FILTER_TERM = re.compile(r"^\s*(?P<field>[a-z_]+)\s+eq\s+'(?P<value>(?:[^']|'')*)'\s*$")


def _integer(call: Request, name: str, default: int, low: int, high: int | None) -> int:
    text = call.query.get(name)
    if text is None:
        return default
    if not re.fullmatch(r"\d+", text) or int(text) < low or (high is not None and int(text) > high):
        raise invalid(name, f"must be an integer from {low}" + (f" to {high}" if high is not None else " up"))
    return int(text)


def parse_filter(text: str | None, fields: tuple[str, ...]) -> dict[str, str]:
    if not text:
        return {}
    terms = {}
    for part in re.split(r"\s+and\s+", text):
        match = FILTER_TERM.match(part)
        if not match or match["field"] not in fields:
            raise PortsipError(400, VALIDATE_FAILED,
                               f"Unsupported filter {text!r}: the emulator understands \"<field> eq '<value>'\" "
                               f"terms joined by 'and', on {', '.join(fields)}", {"field": "filter"})
        terms[match["field"]] = match["value"].replace("''", "'")
    return terms


def page(call: Request, objects: Iterable[dict], fields: tuple[str, ...]) -> dict:
    skip = _integer(call, "skip", 0, 0, None)
    top = _integer(call, "top", MAX_TOP, 1, MAX_TOP)
    terms = parse_filter(call.query.get("filter"), fields)
    chosen = [o for o in objects if all(str(o.get(k)) == v for k, v in terms.items())]
    return {"count": len(chosen), "items": chosen[skip:skip + top]}
