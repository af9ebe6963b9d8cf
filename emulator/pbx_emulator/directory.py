"""company_contact/* and phonebook/* : company contacts and their groups (manual L6169-7685).

Membership is stored once, on the phonebook (the ids of its contacts); a
contact's phonebook_list and phonebook_id_list are derived from it. A sel_all
phonebook holds every contact without storing them. Deleting a contact that a
sel_specific phonebook holds fails with 70091 (error table, L18541).
"""

from __future__ import annotations

from . import callflow
from .api import Call, Endpoint
from .errors import CONNECTION_RELATION_EXISTS, ApiError
from .state import Instance
from .validation import (ID_LIST, TEXT, Rule, check, existing_ids, optional, raise_if, read_ids,
                         require_valid)

CONTACT = "company_contact"
PHONEBOOK = "phonebook"
# num_type -> the flat field of the summary (Tables 140/150: same descriptions).
FLAT_NUMBERS = {
    "business_number": "business", "business_number2": "business2", "mobile_number": "mobile",
    "mobile_number2": "mobile2", "home_number": "home", "home_number2": "home2",
    "business_fax": "business_fax", "home_fax": "home_fax", "other_number": "other",
}
ADDRESS = ("zip_code", "street", "city", "state", "country")
CONTACT_TEXT = ("last_name", "company", "email", "remark") + ADDRESS
CONTACT_CREATE = {
    "first_name": Rule(str, required=True, nonempty=True, length=(1, 127)),
    **{name: TEXT for name in CONTACT_TEXT},
    "email": Rule(str, pattern=r"|[^@\s]+@[^@\s]+"),
    "phonebook_id_list": ID_LIST,
    "number_list": Rule(list, required=True, nonempty=True, items={
        "num_type": Rule(str, required=True, enum=tuple(FLAT_NUMBERS)),
        "number": Rule(str, required=True, nonempty=True, pattern=r"[0-9+*#()\- ]+")}),
}
CONTACT_UPDATE = {"id": Rule(int, required=True), **optional(CONTACT_CREATE)}
CONTACT_SORT = ("id", "contact_name", "company", "email", "business", "mobile", "home", "business_fax")
PHONEBOOK_CREATE = {
    "name": Rule(str, required=True, nonempty=True, length=(1, 63)),
    "member_select": Rule(str, enum=("sel_all", "sel_specific")),
    "add_contacts_id_list": ID_LIST,
}
PHONEBOOK_UPDATE = {"id": Rule(int, required=True), **optional(PHONEBOOK_CREATE), "del_contacts_id_list": ID_LIST}
PHONEBOOK_SORT = ("name", "total", "id")


def _members(pbx: Instance, book: dict) -> list[int]:
    if book["member_select"] == "sel_all":
        return sorted(pbx.data.company_contacts)
    return list(book["contacts"])


def _books_of(pbx: Instance, contact_id: int) -> list[dict]:
    """Specific phonebooks holding the contact, then the sel_all ones (order of the examples)."""
    books = sorted(pbx.data.phonebooks.values(), key=lambda b: b["id"])
    return ([b for b in books if b["member_select"] == "sel_specific" and contact_id in b["contacts"]]
            + [b for b in books if b["member_select"] == "sel_all"])


# ---------------------------------------------------------------- contacts

def _apply_contact(pbx: Instance, params: dict, current: dict) -> tuple[dict, list[int] | None]:
    merged = {**current, **{k: v for k, v in params.items() if k not in ("id", "phonebook_id_list")}}
    errors: list[dict] = []
    kinds = [n["num_type"] for n in merged["number_list"]]
    check(len(set(kinds)) == len(kinds), "number_list", "invalid", errors)
    merged["number_list"] = [{"num_type": n["num_type"], "number": n["number"]} for n in merged["number_list"]]
    books = None
    if "phonebook_id_list" in params:
        books = existing_ids(read_ids(params["phonebook_id_list"], "phonebook_id_list", errors),
                             pbx.data.phonebooks, "phonebook_id_list", errors)
    raise_if(errors)
    return merged, books


def _set_books(pbx: Instance, contact_id: int, books: list[int] | None) -> None:
    """phonebook_id_list replaces the contact's specific phonebooks (sel_all ones hold it anyway)."""
    if books is None:
        return
    for book in pbx.data.phonebooks.values():
        if book["id"] in books and contact_id not in book["contacts"]:
            book["contacts"].append(contact_id)
        elif book["id"] not in books and contact_id in book["contacts"]:
            book["contacts"].remove(contact_id)


def create_contact(pbx: Instance, params: dict) -> int:
    require_valid(params, CONTACT_CREATE)
    blank = {"first_name": "", "number_list": [], **{name: "" for name in CONTACT_TEXT}}
    contact, books = _apply_contact(pbx, params, blank)
    contact["id"] = pbx.data.allocate(CONTACT)
    pbx.data.company_contacts[contact["id"]] = contact
    _set_books(pbx, contact["id"], books)
    return contact["id"]


def update_contact(pbx: Instance, params: dict) -> None:
    require_valid(params, CONTACT_UPDATE)
    current = callflow.get_object(pbx, CONTACT, params["id"])
    contact, books = _apply_contact(pbx, params, current)
    pbx.data.company_contacts[current["id"]] = contact
    _set_books(pbx, current["id"], books)


def contact_name(contact: dict) -> str:
    return " ".join(p for p in (contact["first_name"], contact["last_name"]) if p)


def flat_view(contact: dict) -> dict:
    """Contact_Info without phonebook_list (= Contacts_List of a phonebook): empty values left out."""
    view = {"id": contact["id"], "contact_name": contact_name(contact), "company": contact["company"],
            "email": contact["email"], "remark": contact["remark"]}
    view.update({FLAT_NUMBERS[n["num_type"]]: n["number"] for n in contact["number_list"]})
    return {k: v for k, v in view.items() if v != ""}


def _book_refs(pbx: Instance, contact: dict) -> list[dict]:
    return [{"id": b["id"], "name": b["name"]} for b in _books_of(pbx, contact["id"])]


def summary_view(pbx: Instance, contact: dict) -> dict:
    return {**flat_view(contact), "phonebook_list": _book_refs(pbx, contact)}


def detail_view(pbx: Instance, contact: dict) -> dict:
    view = {k: contact[k] for k in ("first_name", "last_name", "email", "company") + ADDRESS}
    view["number_list"] = [dict(n) for n in contact["number_list"]]
    view.update({"id": contact["id"], "phonebook_list": _book_refs(pbx, contact), "remark": contact["remark"]})
    return view


def _contact_list(call: Call, search: bool) -> dict:
    views = [summary_view(call.pbx, c) for c in call.pbx.data.company_contacts.values()]
    searched = ("contact_name", "company", "email", *FLAT_NUMBERS.values())
    return callflow.list_views(call, views, CONTACT_SORT, search, searched)


def delete_contact(pbx: Instance, _kind: str, contact: dict) -> None:
    holders = [b["name"] for b in _books_of(pbx, contact["id"]) if b["member_select"] == "sel_specific"]
    if holders:
        raise ApiError(CONNECTION_RELATION_EXISTS,
                       submsg=f"company contact {contact['id']} is in phonebook " + ", ".join(holders))
    del pbx.data.company_contacts[contact["id"]]


# ---------------------------------------------------------------- phonebooks

def _contact_ids(pbx: Instance, params: dict, field: str, errors: list[dict]) -> list[int]:
    ids = read_ids(params.get(field) or [], field, errors)
    return existing_ids(ids, pbx.data.company_contacts, field, errors)


def _apply_phonebook(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items()
                            if k in ("name", "member_select")}}
    errors: list[dict] = []
    added = _contact_ids(pbx, params, "add_contacts_id_list", errors)
    removed = _contact_ids(pbx, params, "del_contacts_id_list", errors)
    check(not set(added) & set(removed), "del_contacts_id_list", "invalid", errors)
    raise_if(errors)
    callflow.require_unique_name(pbx, PHONEBOOK, merged["name"], current.get("id"), action, "Phonebook")
    # Incremental: re-adding a member or removing a non-member changes nothing (update example, L7614).
    contacts = [c for c in current["contacts"] if c not in removed]
    merged["contacts"] = contacts + [c for c in added if c not in contacts]
    return merged


def create_phonebook(pbx: Instance, params: dict) -> int:
    require_valid(params, PHONEBOOK_CREATE)
    book = _apply_phonebook(pbx, params, {"member_select": "sel_specific", "contacts": []}, "create")
    book["id"] = pbx.data.allocate(PHONEBOOK)
    pbx.data.phonebooks[book["id"]] = book
    return book["id"]


def update_phonebook(pbx: Instance, params: dict) -> None:
    require_valid(params, PHONEBOOK_UPDATE)
    current = callflow.get_object(pbx, PHONEBOOK, params["id"])
    pbx.data.phonebooks[current["id"]] = _apply_phonebook(pbx, params, current, "update")


def phonebook_summary(pbx: Instance, book: dict) -> dict:
    return {"id": book["id"], "name": book["name"], "total": len(_members(pbx, book)),
            "member_select": book["member_select"]}


def phonebook_detail(pbx: Instance, book: dict) -> dict:
    contacts = pbx.data.company_contacts
    members = _members(pbx, book)
    return {"id": book["id"], "name": book["name"], "member_select": book["member_select"],
            "contacts_list": [flat_view(contacts[c]) for c in members], "total": len(members)}


def _phonebook_list(call: Call, search: bool) -> dict:
    views = [phonebook_summary(call.pbx, b) for b in call.pbx.data.phonebooks.values()]
    return callflow.list_views(call, views, PHONEBOOK_SORT, search, ("name",))


ENDPOINTS = {
    "company_contact/list": Endpoint("GET", lambda call: _contact_list(call, search=False)),
    "company_contact/search": Endpoint("GET", lambda call: _contact_list(call, search=True)),
    # The query table says ids, the example sends id=3,4 (L6639): both.
    **callflow.object_endpoints("company_contact", CONTACT, detail_view, create_contact, update_contact,
                                delete=delete_contact, id_alias=True),
    "phonebook/list": Endpoint("GET", lambda call: _phonebook_list(call, search=False)),
    "phonebook/search": Endpoint("GET", lambda call: _phonebook_list(call, search=True)),
    **callflow.object_endpoints("phonebook", PHONEBOOK, phonebook_detail, create_phonebook, update_phonebook),
}
