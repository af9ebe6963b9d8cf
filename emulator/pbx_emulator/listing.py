"""Pagination, sorting and search shared by every list/search endpoint.

The manual gives defaults only for company contacts (page defaults to the
first page, page_size default and maximum 10000, L6186-6187); the emulator
applies that one documented precedent to every list/search endpoint.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from .validation import Rule, Schema

DEFAULT_PAGE_SIZE = 10000


def paging_schema(max_page_size: int, sort_fields: Sequence[str]) -> dict[str, Rule]:
    return {
        "page": Rule(int, range=(1, None)),
        "page_size": Rule(int, range=(1, max_page_size)),
        "sort_by": Rule(str, enum=tuple(sort_fields)),
        "order_by": Rule(str, enum=("asc", "desc")),
    }


def search_schema(max_page_size: int, sort_fields: Sequence[str]) -> dict[str, Rule]:
    return {**paging_schema(max_page_size, sort_fields), "search_value": Rule(str)}


def _sort_key(value: Any) -> tuple:
    # Integers before text so mixed/missing values never raise; missing
    # values sort as empty text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value, "")
    return (1, 0, "" if value is None else str(value).lower())


def sort_items(items: Iterable[dict], params: Mapping[str, Any], default: str = "id",
               key_of: Callable[[dict, str], Any] | None = None) -> list[dict]:
    field = params.get("sort_by") or default
    reverse = params.get("order_by") == "desc"
    get = key_of or (lambda item, name: item.get(name))
    # Ties are broken by id so pages are stable between requests.
    ordered = sorted(items, key=lambda item: item.get("id", 0))
    return sorted(ordered, key=lambda item: _sort_key(get(item, field)), reverse=reverse)


def page_of(items: Sequence[dict], params: Mapping[str, Any]) -> list[dict]:
    page = params.get("page") or 1
    size = params.get("page_size") or DEFAULT_PAGE_SIZE
    start = (page - 1) * size
    return list(items[start:start + size])


def matches(search_value: str | None, *texts: Any) -> bool:
    """Case-insensitive substring match on any of the given texts."""
    if not search_value:
        return True
    needle = search_value.lower()
    return any(needle in str(text).lower() for text in texts if text not in (None, ""))


def list_schema_for(pbx_config, sort_fields: Sequence[str], search: bool) -> Schema:
    build = search_schema if search else paging_schema
    return build(pbx_config.max_page_size, sort_fields)
