"""Extensions: list and get (api:pbx:extension:list / get). Created through the control API's seed."""

from __future__ import annotations

from typing import Any

from .errors import by_id, invalid
from .listing import page, sort
from .request import Call, flag
from .state import new_id

SUMMARY = ("_id", "type", "customer", "name", "number")


def create_extension(pbx: Any, item: dict) -> str:
    number, name = item.get("number"), item.get("name") or ""
    if not isinstance(number, str) or not number.isdigit():
        raise invalid("number", "number must be a string of digits")
    if any(other.get("number") == number for other in pbx.data.dialplan().values()):
        raise invalid("number", f"Number {number} is already in use", status=409)
    ident = new_id()
    pbx.data.extensions[ident] = {"_id": ident, "type": "EXTENSION", "customer": pbx.data.customer,
                                  "name": name, "number": number, "redirect": None, "notes": ""}
    return ident


def view(extension: dict, full: bool) -> dict:
    return dict(extension) if full else {k: extension[k] for k in SUMMARY}


def list_extensions(call: Call) -> dict:
    items = sort(list(call.pbx.data.extensions.values()), call.params.get("sort") or "name",
                 ("number", "name", "redirect", "direct", "employee"))
    return page(call, [view(e, flag(call.params, "full")) for e in items], "extensions")


def get_extension(call: Call, ident: str) -> dict:
    return dict(by_id(call.pbx.data.extensions, ident, "Extension"))
