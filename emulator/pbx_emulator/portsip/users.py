"""users: the PortSIP extensions (create, list, show)."""

from __future__ import annotations

from . import fields
from .errors import NOT_FOUND, PortsipError, invalid
from .listing import page
from .request import Request

USER_FIELDS = ("name", "extension_number", "display_name", "email", "enabled", "password", "role")
FILTER_FIELDS = ("extension_number", "name", "display_name")


def create_user(pbx, body: dict) -> str:
    fields.only(body, USER_FIELDS)
    fields.number(body, "extension_number")
    for name in ("name", "display_name"):
        fields.text(body, name)
    fields.flag(body, "enabled")
    holder = pbx.data.number_holder(body["extension_number"])
    if holder:
        raise invalid("extension_number", f"{body['extension_number']} is already used by {holder}")
    ident = pbx.data.new_id()
    number = body["extension_number"]
    pbx.data.users[ident] = {
        "id": ident, "name": body.get("name") or number, "extension_number": number,
        "display_name": body.get("display_name") or "", "email": body.get("email") or None,
        "enabled": body.get("enabled", True), "role": body.get("role") or "user",
    }
    return ident


def create_user_call(call: Request):
    return 200, {"id": create_user(call.pbx, call.body)}


def list_users(call: Request):
    return 200, page(call, call.pbx.data.users.values(), FILTER_FIELDS)


def show_user(call: Request):
    user = call.pbx.data.users.get(call.ident)
    if user is None:
        raise PortsipError(404, NOT_FOUND, "Invalid user ID supplied.")
    return 200, user
