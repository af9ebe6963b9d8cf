"""What ring groups, queues, IVRs and PIN lists share: the number space,
destinations, references between objects, prompts and the read endpoints.

One number space: extensions, ring groups, queues and IVRs are all dialled by
their number, so a number may belong to only one of them (40003).

References: every object can say what it points at (`outgoing`); deleting an
object something else points at is refused with 70091
CONNECTION_RELATION_EXISTS (manual L18542: "the item has associations").
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Sequence

from .api import Call, Endpoint
from .errors import (CONNECTION_RELATION_EXISTS, CONTACTS_NOT_EXISTED, DUPLICATE_KEY_VALUE, PHONEBOOK_NOT_EXISTED,
                     ApiError, not_found)
from .listing import list_schema_for, matches, page_of, sort_items
from .state import Instance
from .validation import Rule, check, coerce_query, parse_id_list, require_valid

# kind -> attribute of pbx.data holding it; the kinds that share the number space.
STORES = {
    "extension": "extensions",
    "ring_group": "ring_groups",
    "queue": "queues",
    "ivr": "ivrs",
    "pin_list": "pin_lists",
    "outbound_route": "outbound_routes",
    "trunk": "trunks",
    "inbound_route": "inbound_routes",
    "company_contact": "company_contacts",
    "phonebook": "phonebooks",
    "organization": "departments",
}
NUMBERED = ("extension", "ring_group", "queue", "ivr")
NUMBER = Rule(str, length=(1, 7), pattern=r"\d+")
NAME = Rule(str, nonempty=True, length=(1, 127))
PLAY_COUNTS = ("1", "2", "3", "4", "5")

# Destination types whose value is the id of an object of a modelled kind.
ID_TARGETS = {"extension": "extension", "ext_vm": "extension", "ivr": "ivr",
              "ring_group": "ring_group", "queue": "queue"}
# Destination types whose objects the emulator never holds: a value can never exist.
UNMODELLED = frozenset({"group_vm", "conference", "call_flow"})
PROMPT_DESTS = frozenset({"play_greeting", "play_prompt"})


# ---------------------------------------------------------------- lookups

def store(pbx: Instance, kind: str) -> dict[int, dict]:
    return getattr(pbx.data, STORES[kind])


def exists(pbx: Instance, kind: str, value: Any) -> bool:
    if isinstance(value, str):
        if not value.isdigit():
            return False
        value = int(value)
    return isinstance(value, int) and value in store(pbx, kind)


# Kinds whose absence has its own code in the error table (L18547, L18551); others 60001.
MISSING_CODES = {"phonebook": PHONEBOOK_NOT_EXISTED, "company_contact": CONTACTS_NOT_EXISTED}


def get_object(pbx: Instance, kind: str, obj_id: int) -> dict:
    obj = store(pbx, kind).get(obj_id)
    if obj is None:
        message = f"{kind} {obj_id} does not exist"
        raise ApiError(MISSING_CODES[kind], submsg=message) if kind in MISSING_CODES else not_found(message)
    return obj


def label(pbx: Instance, kind: str, obj: dict) -> str:
    if kind == "extension":
        return f"extension {obj['number']}"
    if "number" in obj:
        return f"{kind} {obj['number']} ({obj['name']})"
    return f"{kind} {obj.get('name', obj['id'])}"


def ext_name(ext: dict) -> str:
    return " ".join(p for p in (ext["first_name"], ext["last_name"]) if p)


# ---------------------------------------------------------------- number space

def number_taken(pbx: Instance, number: str, own: tuple[str, int | None]) -> dict | None:
    """The duplicate_field_list item if another extension/ring group/queue/IVR has the number."""
    for kind in NUMBERED:
        for obj in store(pbx, kind).values():
            if (kind, obj["id"]) != own and obj["number"] == number:
                holder = obj["number"] if kind == "extension" else obj["name"]
                return {"field": "number", "value": number, "external_source": kind,
                        "external_source_name": holder}
    return None


def require_free_number(pbx: Instance, kind: str, number: str, own_id: int | None,
                        action: str, what: str) -> None:
    taken = number_taken(pbx, number, (kind, own_id))
    if taken:
        raise ApiError(DUPLICATE_KEY_VALUE, duplicate_field_list=[taken],
                       submsg=f"{what} {action} fail for duplicate fields")


def require_unique_name(pbx: Instance, kind: str, name: str, own_id: int | None, action: str, what: str) -> None:
    """Names of trunks, routes, phonebooks and PIN lists are unique per kind (40003)."""
    for other in store(pbx, kind).values():
        if other["id"] != own_id and other["name"] == name:
            raise ApiError(DUPLICATE_KEY_VALUE, submsg=f"{what} {action} fail for duplicate fields",
                           duplicate_field_list=[{"field": "name", "value": name, "external_source": kind,
                                                  "external_source_name": other["name"]}])


# ---------------------------------------------------------------- destinations

def slot_rules(dest: str, prefix: str, value: str, kinds: Sequence[str],
               allow_empty: bool = False) -> dict[str, Rule]:
    enum = tuple(kinds) + (("",) if allow_empty else ())
    return {dest: Rule(str, enum=enum), prefix: Rule(str), value: Rule(str)}


def destination_errors(pbx: Instance, record: dict, dest: str, prefix: str, value: str,
                       errors: list[dict]) -> None:
    """Check one destination slot of the record as it will be stored."""
    kind, pre, val = record.get(dest, ""), record.get(prefix, ""), record.get(value, "")
    if kind in ("", "end_call", "dial_by_name"):
        return
    if not val:
        errors.append({"field": value, "validation_type": "required"})
        return
    if kind in ID_TARGETS:
        check(exists(pbx, ID_TARGETS[kind], val), value, "not_exist", errors)
    elif kind in UNMODELLED:
        errors.append({"field": value, "validation_type": "not_exist"})
    elif kind in PROMPT_DESTS:
        check(val in pbx.data.custom_prompts, value, "not_exist", errors)
        check(pre in ("",) + PLAY_COUNTS, prefix, "range", errors)


def destination_refs(record: dict, dest: str, value: str) -> Iterator[tuple[str, int]]:
    kind, val = record.get(dest, ""), record.get(value, "")
    if kind in ID_TARGETS and isinstance(val, str) and val.isdigit():
        yield ID_TARGETS[kind], int(val)


def prompt_errors(pbx: Instance, record: dict, field: str, errors: list[dict],
                  allow_default: bool = False, allow_moh: bool = False) -> None:
    """A prompt field names an existing custom prompt ('' = none)."""
    name = record.get(field, "")
    if not name:
        return
    ok = (name in pbx.data.custom_prompts or (allow_default and name == "default")
          or (allow_moh and name in moh_playlists(pbx)))
    check(ok, field, "not_exist", errors)


def moh_playlists(pbx: Instance) -> list[str]:
    return ["default"] + [p for p in pbx.data.moh_playlists if p != "default"]


def moh_errors(pbx: Instance, record: dict, field: str, errors: list[dict]) -> None:
    check(record.get(field) in moh_playlists(pbx), field, "not_exist", errors)


# ---------------------------------------------------------------- references

def _extension_refs(ext: dict) -> Iterator[tuple[str, int]]:
    for entry in ext.get("presence_list", []):
        for key, kind in entry.items():
            if key.endswith("_forward_dest"):
                yield from destination_refs(entry, key, key.replace("_dest", "_value"))


def outgoing(pbx: Instance) -> Iterator[tuple[str, dict, tuple[str, int]]]:
    """(holder kind, holder, (target kind, target id)) for every reference."""
    # Imported here: the area modules import this one.
    from . import inbound_route, ivr, queue, ring_group
    for ext in pbx.data.extensions.values():
        for ref in _extension_refs(ext):
            yield "extension", ext, ref
    for route in pbx.data.outbound_routes.values():
        if route.get("pin_protect") == "pin_list" and route.get("pin_list") is not None:
            yield "outbound_route", route, ("pin_list", route["pin_list"])
        for trunk in route["trunk_list"]:
            yield "outbound_route", route, ("trunk", trunk["id"])
        for member in route["other_members"]:
            yield "outbound_route", route, (member["type"], member["id"])
    for trunk in pbx.data.trunks.values():
        for entry in trunk["outbound_cid_list"]:
            for member in entry["ext_list"]:
                if member["type"] == "extension":
                    yield "trunk", trunk, ("extension", member["id"])
    for kind, module in (("ring_group", ring_group), ("queue", queue), ("ivr", ivr),
                         ("inbound_route", inbound_route)):
        for obj in store(pbx, kind).values():
            for ref in module.references(obj):
                yield kind, obj, ref


def refuse_if_referenced(pbx: Instance, kind: str, obj_id: int) -> None:
    users = []
    for holder_kind, holder, target in outgoing(pbx):
        if target == (kind, obj_id) and (holder_kind, holder["id"]) != (kind, obj_id):
            text = label(pbx, holder_kind, holder)
            if text not in users:
                users.append(text)
    if users:
        raise ApiError(CONNECTION_RELATION_EXISTS,
                       submsg=f"{kind} {obj_id} is used by " + ", ".join(users))


# ---------------------------------------------------------------- members

def member_view(pbx: Instance, kind: str, value: str, extra: dict | None = None) -> dict:
    """{text, text2, value, type} of an extension / department member."""
    text = text2 = ""
    if kind == "extension" and exists(pbx, "extension", value):
        ext = pbx.data.extensions[int(value)]
        text, text2 = ext_name(ext), ext["number"]
    elif kind == "organization" and exists(pbx, "organization", value):
        text = text2 = pbx.data.departments[int(value)]["name"]
    return {"text": text, "text2": text2, "value": value, "type": kind, **(extra or {})}


def member_errors(pbx: Instance, members: Iterable[dict], path: str, errors: list[dict],
                  kinds: dict[str, str | None]) -> None:
    """Each member's value must name an existing object of its type; duplicates are invalid.

    kinds maps a member type to the kind it refers to (None: not modelled, never exists).
    """
    seen: set[tuple[str, str]] = set()
    for index, member in enumerate(members):
        mtype, value = member.get("type", "extension"), member["value"]
        target = kinds.get(mtype)
        where = f"{path}[{index}].value"
        if target is None or not exists(pbx, target, value):
            errors.append({"field": where, "validation_type": "not_exist"})
        elif (mtype, value) in seen:
            errors.append({"field": where, "validation_type": "invalid"})
        seen.add((mtype, value))


# ---------------------------------------------------------------- read endpoints

def id_param(call: Call, name: str = "id") -> int:
    schema = {name: Rule(int, required=True)}
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    return params[name]


def query_ids(call: Call, id_alias: bool = False) -> list[int]:
    """The ``ids`` parameter; with id_alias ``id`` is accepted when ``ids`` is absent."""
    params = dict(call.params)
    if id_alias and "ids" not in params and "id" in params:
        params["ids"] = params.pop("id")
    require_valid(params, {"ids": Rule(str, required=True)})
    return list(dict.fromkeys(parse_id_list(params["ids"], "ids")))


def list_call(call: Call, kind: str, sort_fields: Sequence[str], search: bool,
              view: Callable[[dict], dict], search_fields: Sequence[str],
              sortable: bool = True) -> dict:
    return list_views(call, [view(o) for o in store(call.pbx, kind).values()], sort_fields, search,
                      search_fields, sortable)


def list_views(call: Call, views: list[dict], sort_fields: Sequence[str], search: bool,
               search_fields: Sequence[str], sortable: bool = True, default_sort: str = "id") -> dict:
    """One list/search answer over the summary views: search, sort, page."""
    schema = dict(list_schema_for(call.pbx.config, sort_fields, search))
    if not sortable:
        schema.pop("sort_by")
        schema.pop("order_by")
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    wanted = params.get("search_value")
    found = [v for v in views if matches(wanted, *(v.get(f) for f in search_fields))]
    ordered = sort_items(found, params, default_sort)
    return {"total_number": len(ordered), "data": page_of(ordered, params)}


def delete_unreferenced(pbx: Instance, kind: str, obj: dict) -> None:
    refuse_if_referenced(pbx, kind, obj["id"])
    del store(pbx, kind)[obj["id"]]


def object_endpoints(path: str, kind: str, detail: Callable[[Instance, dict], dict],
                     create: Callable[[Instance, dict], int], update: Callable[[Instance, dict], None],
                     delete: Callable[[Instance, str, dict], None] = delete_unreferenced,
                     id_alias: bool = False) -> dict[str, Endpoint]:
    """get/query/create/update/delete of one area; delete is a GET with ?id= (L505-510)."""
    def get(call: Call) -> dict:
        return {"data": detail(call.pbx, get_object(call.pbx, kind, id_param(call)))}

    def query(call: Call) -> dict:
        objs = store(call.pbx, kind)
        return {"data": [detail(call.pbx, objs[i]) for i in query_ids(call, id_alias) if i in objs]}

    def created(call: Call) -> dict:
        return {"id": create(call.pbx, call.params)}

    def updated(call: Call) -> dict:
        update(call.pbx, call.params)
        return {}

    def deleted(call: Call) -> dict:
        delete(call.pbx, kind, get_object(call.pbx, kind, id_param(call)))
        return {}

    return {f"{path}/get": Endpoint("GET", get), f"{path}/query": Endpoint("GET", query),
            f"{path}/create": Endpoint("POST", created), f"{path}/update": Endpoint("POST", updated),
            f"{path}/delete": Endpoint("GET", deleted)}
