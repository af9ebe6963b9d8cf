"""Checks of request bodies: each refusal names the field (errors.invalid)."""

from __future__ import annotations

import re
from typing import Any

from .errors import invalid

NUMBER = re.compile(r"[0-9]{3,64}")


def text(body: dict, name: str, low: int = 1, high: int = 64) -> None:
    value = body.get(name)
    if name in body and (not isinstance(value, str) or not low <= len(value) <= high):
        raise invalid(name, f"must be a string of {low} to {high} characters")


def number(body: dict, name: str) -> None:
    value = body.get(name)
    if not isinstance(value, str) or not NUMBER.fullmatch(value):
        raise invalid(name, "must be 3 to 64 digits ([0-9]{3,64})")


def integer(body: dict, name: str, low: int, high: int | None = None) -> None:
    value = body.get(name)
    if name in body and (not isinstance(value, int) or isinstance(value, bool) or value < low
                         or (high is not None and value > high)):
        raise invalid(name, f"must be an integer from {low}" + (f" to {high}" if high is not None else " up"))


def flag(body: dict, name: str) -> None:
    if name in body and not isinstance(body[name], bool):
        raise invalid(name, "must be true or false")


def choice(body: dict, name: str, allowed: tuple[str, ...]) -> None:
    if name in body and body[name] not in allowed:
        raise invalid(name, f"must be one of {', '.join(allowed)}")


def only(body: dict, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise invalid(unknown[0], "is not a field of this request")


def required(body: dict, *names: str) -> None:
    for name in names:
        if body.get(name) in (None, ""):
            raise invalid(name, "is required")


def objects(body: dict, name: str) -> list[dict]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise invalid(name, "must be a list of objects")
    return value


def nested(body: dict, name: str) -> Any:
    value = body.get(name)
    if name in body and not isinstance(value, dict):
        raise invalid(name, "must be an object")
    return value
