"""TelecomX errors: an HTTP status and a short message token, either a generic code (access_denied,
not_found, bad_request, internal_error) or the name of the offending field, as the wiki's error tables list
them. The JSON envelope is not documented; docs/emulator.md records the one chosen."""

from __future__ import annotations

from typing import Any

from .state import OBJECT_ID


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.extra = extra

    def body(self) -> dict:
        return {"error": self.error, "message": self.message, **self.extra}


def bad_request(message: str = "Id not found in requestURI") -> ApiError:
    return ApiError(400, "bad_request", message)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def by_id(table: dict, ident: str, what: str) -> Any:
    """The object an id in a request path names: 400 for a malformed id, 404 for an unknown one."""
    if not OBJECT_ID.fullmatch(ident):
        raise bad_request()
    found = table.get(ident.upper())
    if found is None:
        raise not_found(what)
    return found


def access_denied() -> ApiError:
    return ApiError(403, "access_denied", "Insufficient access level")


def invalid(field: str, message: str, status: int = 422) -> ApiError:
    """A refused value: the message token is the field's name."""
    return ApiError(status, field, message)
