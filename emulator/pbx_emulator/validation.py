"""Declarative field rules and the single validator every API area uses.

Each area declares its request schema as a dict ``{field: Rule}``; `validate`
walks a request against it and returns the manual-style
``invalid_param_list`` items (``{"field", "validation_type"}``).

validation_type values (the manual documents only ``required``):
  required  mandatory field missing (or empty where emptiness makes no sense)
  unknown   field not accepted by this endpoint
  type      wrong JSON type (e.g. a string where an Integer is documented)
  enum      value outside the documented set
  length    string length outside the documented bounds
  range     integer outside the documented bounds
  format    string does not match the documented character set / shape
  invalid   value individually fine but not acceptable here
            (cross-field rule, duplicate element, readonly field changed)
  not_exist value refers to an object that does not exist
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Mapping

from .errors import PARAMETER_ERROR, ApiError

Schema = Mapping[str, "Rule"]


@dataclass(frozen=True)
class Rule:
    kind: type                                   # str, int, list or dict
    required: bool = False
    enum: tuple | None = None
    length: tuple[int, int] | None = None        # inclusive min/max length
    range: tuple[int | None, int | None] | None = None
    pattern: str | None = None                   # full-match regex -> "format"
    items: "Rule | Schema | None" = None         # list element rule / schema
    nonempty: bool = False                       # [] or "" counts as missing


FLAG = Rule(int, enum=(0, 1))
TEXT = Rule(str)
# Array<Integer> id fields whose notes also say "separate ids with half-width
# commas" (phonebook_id_list, add/del_contacts_id_list, cid_to_phonebook): see read_ids.
ID_LIST = Rule((list, str))


def optional(schema: Schema) -> dict[str, Rule]:
    """The same rules with nothing required at the top level (partial update)."""
    return {name: replace(rule, required=False) for name, rule in schema.items()}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _type_ok(rule: Rule, value: Any) -> bool:
    if rule.kind is int:
        return _is_int(value)
    return isinstance(value, rule.kind)


def _check_value(rule: Rule, value: Any) -> str | None:
    if not _type_ok(rule, value):
        return "type"
    if rule.nonempty and not value:
        return "required"
    if rule.enum is not None and value not in rule.enum:
        return "enum"
    if rule.length is not None and not rule.length[0] <= len(value) <= rule.length[1]:
        return "length"
    if rule.range is not None:
        low, high = rule.range
        if (low is not None and value < low) or (high is not None and value > high):
            return "range"
    if rule.pattern is not None and not re.fullmatch(rule.pattern, value):
        return "format"
    return None


def validate(data: Mapping[str, Any], schema: Schema, prefix: str = "") -> list[dict]:
    errors: list[dict] = []

    def fail(field: str, kind: str) -> None:
        errors.append({"field": prefix + field, "validation_type": kind})

    for name in data:
        if name not in schema:
            fail(name, "unknown")
    for name, rule in schema.items():
        if name not in data or data[name] is None:
            if rule.required:
                fail(name, "required")
            continue
        value = data[name]
        problem = _check_value(rule, value)
        if problem:
            fail(name, problem)
            continue
        if rule.kind is list and rule.items is not None:
            errors.extend(_validate_items(value, rule.items, f"{prefix}{name}"))
    return errors


def _validate_items(values: list, items: "Rule | Schema", path: str) -> list[dict]:
    errors: list[dict] = []
    for index, element in enumerate(values):
        where = f"{path}[{index}]"
        if isinstance(items, Rule):
            problem = _check_value(items, element)
            if problem:
                errors.append({"field": where, "validation_type": problem})
        elif not isinstance(element, dict):
            errors.append({"field": where, "validation_type": "type"})
        else:
            errors.extend(validate(element, items, where + "."))
    return errors


def require_valid(data: Mapping[str, Any], schema: Schema) -> None:
    raise_if(validate(data, schema))


def raise_if(errors: list[dict]) -> None:
    if errors:
        raise ApiError(PARAMETER_ERROR, invalid_param_list=errors)


def coerce_query(params: Mapping[str, str], schema: Schema) -> dict[str, Any]:
    """Query-string values are text; turn the ones declared Integer into int.

    Values that are not integers are left as text so `validate` reports them
    as ``type`` errors, exactly like a wrong JSON type in a body.
    """
    out: dict[str, Any] = {}
    for name, value in params.items():
        rule = schema.get(name)
        if rule is not None and rule.kind is int and re.fullmatch(r"-?\d+", value.strip()):
            out[name] = int(value)
        else:
            out[name] = value
    return out


def parse_id_list(text: str, field: str) -> list[int]:
    """The manual's ``ids`` parameters: half-width comma separated integers."""
    parts = [p.strip() for p in text.split(",")]
    if not text.strip() or not all(re.fullmatch(r"\d+", p) for p in parts):
        raise_if([{"field": field, "validation_type": "format"}])
    return [int(p) for p in parts]


def check(condition: bool, field: str, kind: str, errors: list[dict]) -> None:
    """Append an error unless condition holds: used for cross-field rules."""
    if not condition:
        errors.append({"field": field, "validation_type": kind})



def read_ids(value: list | str, field: str, errors: list[dict]) -> list[int]:
    """An ID_LIST value: a JSON array of ids, or the text forms "5,6" and "[5,6]"; each id once."""
    if isinstance(value, str):
        text = value.strip().removeprefix("[").removesuffix("]")
        parts = [p.strip() for p in text.split(",")] if text.strip() else []
        if not all(re.fullmatch(r"\d+", p) for p in parts):
            errors.append({"field": field, "validation_type": "format"})
            return []
        value = [int(p) for p in parts]
    for index, item in enumerate(value):
        check(_is_int(item), f"{field}[{index}]", "type", errors)
    ids = [item for item in value if _is_int(item)]
    check(len(set(ids)) == len(ids), field, "invalid", errors)
    return ids


def existing_ids(ids: list[int], known, field: str, errors: list[dict]) -> list[int]:
    """Each id must name a known object (field[i] not_exist)."""
    for index, item in enumerate(ids):
        check(item in known, f"{field}[{index}]", "not_exist", errors)
    return ids
