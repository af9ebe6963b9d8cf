"""The PortSIP error envelope: 4xx {"errors": [{"code", "message", "detail"}]}."""

from __future__ import annotations

from typing import Any

UNAUTHORIZED = "UNAUTHORIZED"
VALIDATE_FAILED = "VALIDATE_FAILED"
NOT_FOUND = "NOT_FOUND"
UNKNOWN = "UNKNOWN"


class PortsipError(Exception):
    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail

    def body(self) -> dict:
        return {"errors": [{"code": self.code, "message": self.message, "detail": self.detail}]}


def invalid(field: str, reason: str) -> PortsipError:
    """A refused field: detail names it, so clients can say which option was wrong."""
    return PortsipError(400, VALIDATE_FAILED, f"{field}: {reason}", {"field": field, "reason": reason})
