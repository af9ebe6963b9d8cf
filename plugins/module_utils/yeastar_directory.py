# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar company contacts and phonebooks (company contact groups) as data. Source: the API manual's
company_contact/* and phonebook/* chapters.

A company contact is known by first name, last name and company together (the API has no other key a user
sees); options refer to it as "First Last (Company)". Membership can be set from both sides: a contact's
phonebooks (the API's phonebook_id_list) and a phonebook's contacts (the API's add/del lists). yeastar_config
exports it on the phonebooks only, since contacts are created first."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.client import Pending
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, Reference, ResourceSpec, Scalar
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import contact_identity_reference
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import YeastarAdapter, as_id

# The API's num_type values, in the order the manual lists them; each is one option.
NUMBER_TYPES = [
    ("business_number", "Business number."),
    ("business_number2", "Second business number."),
    ("business_fax", "Business fax number."),
    ("mobile_number", "Mobile number."),
    ("mobile_number2", "Second mobile number."),
    ("home_number", "Home number."),
    ("home_number2", "Second home number."),
    ("home_fax", "Home fax number."),
    ("other_number", "Other number."),
]
NUMBER_ORDER = [name for name, _doc in NUMBER_TYPES]
EVERYONE = "sel_all"
SPECIFIC = "sel_specific"
REFUSED_WHILE_REFERENCED = 70091


def not_blank(value):
    if not value.strip() or value != value.strip():
        return "must not be empty nor start or end with spaces"
    return None


class ContactNumber(Scalar):
    """One of a contact's numbers: the entry of the API's number_list whose num_type is the field's API name.
    A write sends the whole list with this entry set (or removed, for ""), so the other numbers stay."""

    def read(self, field, current):
        for entry in current.get("number_list") or []:
            if entry.get("num_type") == field.api:
                return entry.get("number")
        return None

    def payload(self, field, canonical, current):
        numbers = dict((entry.get("num_type"), entry.get("number")) for entry in (current or {}).get("number_list") or [])
        numbers[field.api] = canonical
        order = sorted((kind for kind, number in numbers.items() if number),
                       key=lambda kind: (NUMBER_ORDER.index(kind) if kind in NUMBER_ORDER else len(NUMBER_ORDER), kind))
        return {"number_list": [{"num_type": kind, "number": numbers[kind]} for kind in order]}


class PhonebookMembers(Reference):
    """A phonebook's contacts: read from contacts_list, written as the changes (add_contacts_id_list,
    del_contacts_id_list), the only way the API takes them. An object the task just wrote still holds those
    lists (the engine merges the payload into it), so reading applies them."""

    def __init__(self):
        super(PhonebookMembers, self).__init__(many=True)

    def read(self, field, current):
        if current.get("member_select") == EVERYONE:
            return None  # every contact, by definition: nothing to manage
        removed = set(current.get("del_contacts_id_list") or [])
        members = [as_id(item["id"]) for item in current.get("contacts_list") or []]
        members += [ident for ident in current.get("add_contacts_id_list") or [] if ident not in members]
        return [ident for ident in members if ident not in removed]

    def payload(self, field, canonical, current):
        current = current or {}
        if current.get("member_select") == EVERYONE:
            raise InputError("contacts: a phonebook with member_select sel_all holds every company contact; give "
                             "contacts only with member_select sel_specific")
        have = self.read(field, current) or []
        wanted = list(canonical)
        if "contacts_list" not in current and "add_contacts_id_list" not in current:
            return {"add_contacts_id_list": wanted}  # a creation
        payload = {}
        added = [ident for ident in wanted if ident not in have]
        removed = sorted(ident for ident in have if ident not in wanted)
        if added:
            payload["add_contacts_id_list"] = added
        if removed:
            payload["del_contacts_id_list"] = removed
        return payload


def number_field(name, doc):
    return Field(name, codec=ContactNumber(), reset="", doc=[
        doc, "An empty string removes it. A new contact needs at least one number."])


def text_field(name, doc, **kwargs):
    return Field(name, reset="", doc=[doc, "An empty string clears it."], **kwargs)


COMPANY_CONTACT = ResourceSpec("company_contact", "company contact", [
    Field("first_name", identity=True, required=True, check=not_blank, doc=[
        "First name. With O(last_name) and O(company), identifies the contact: a task that changes any of the three is "
        "about another contact."]),
    Field("last_name", identity=True, doc=["Last name; part of the contact's identity. Not given: none."]),
    Field("company", identity=True, doc=["Company; part of the contact's identity. Not given: none."]),
] + [number_field(name, doc) for name, doc in NUMBER_TYPES] + [
    text_field("email", "Email address.", pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$",
               pattern_hint="an email address such as name@example.com, or empty"),
    text_field("remark", "Remark."),
    text_field("street", "Street."),
    text_field("city", "City."),
    text_field("province", "State or province (the API's C(state) field).", api="state"),
    text_field("zip_code", "ZIP or postal code."),
    text_field("country", "Country."),
    Field("phonebooks", "list", elements="str", api="phonebook_id_list", reference="phonebook", unordered=True,
          check=not_blank, gathered=False, doc=[
              "Names of the phonebooks the contact belongs to; the complete list, in any order. Phonebooks that hold "
              "every contact (member_select C(sel_all)) hold it anyway and are left out of this list.",
              "In M(telephony.pbx.yeastar_config) membership is exported as the phonebooks' C(contacts), and "
              "C(replaced) leaves this option alone: declare membership on one side only."]),
])

PHONEBOOK = ResourceSpec("phonebook", "phonebook", [
    Field("name", identity=True, required=True, check=not_blank, doc=[
        "Phonebook (company contact group) name; identifies the phonebook."]),
    Field("member_select", choices=[SPECIFIC, EVERYONE], create_default=SPECIFIC, reset=SPECIFIC, doc=[
        "C(sel_specific): the phonebook holds the contacts in O(contacts); C(sel_all): every company contact.",
        "When the phonebook is created without it, C(sel_specific)."]),
    Field("contacts", "list", elements="str", api="contacts_list", reference="company_contact", unordered=True,
          codec=PhonebookMembers(), check=not_blank, reset=[], doc=[
              "The company contacts in the phonebook, each written as its first and last name and, when it has a "
              "company, the company in brackets, for example \"Jay Prichett (Closet)\" (see "
              "M(telephony.pbx.yeastar_company_contact)); the complete list, in any order.",
              "Only with O(member_select=sel_specific)."]),
])


class CompanyContactAdapter(YeastarAdapter):
    """Company contacts: the list pages (one request up to 10,000 contacts) give the look-up table, details
    come from query batches."""

    spec = COMPANY_CONTACT
    kind = "company_contact"
    area = "company_contact"

    def list(self):
        listed = list(self.client.pages(self.area + "/list", cache_as=self.area))
        self.client.remember_table(self.kind, self.client.load_company_contacts(listed))
        return [self.completed(item) for item in self.client.query(self.area + "/query", [item["id"] for item in listed])]

    def find(self, identity):
        candidates = [ident for ident in self.client.lookup(self.kind).by_name.get(contact_identity_reference(identity), [])
                      if not isinstance(ident, Pending)]
        wanted = self.key(identity)
        matches = [item for item in (self.client.query(self.area + "/query", candidates) if candidates else [])
                   if self.key(self.identity_of(item)) == wanted]
        if len(matches) > 1:
            raise InputError("%d company contacts on this PBX are %s (IDs %s); the module cannot tell them apart: "
                             "delete the extra ones or change their names on the PBX"
                             % (len(matches), contact_identity_reference(identity),
                                ", ".join(str(item["id"]) for item in matches)))
        return self.completed(matches[0]) if matches else None

    def completed(self, current):
        """The contact with its phonebooks as the option holds them: the ones holding every contact left out."""
        everyone = set(as_id(item["id"]) for item in self.client.listed_phonebooks()
                       if item.get("member_select") == EVERYONE)
        current["phonebook_id_list"] = [as_id(item["id"]) for item in current.get("phonebook_list") or []
                                        if as_id(item["id"]) not in everyone]
        return current

    def references_of(self, current):
        # Membership does not hold a phonebook: deleting a phonebook only ends it (the contacts stay).
        return []

    def identity_of(self, current):
        return {"first_name": current.get("first_name") or "", "last_name": current.get("last_name") or None,
                "company": current.get("company") or None}

    def key(self, identity):
        return (identity.get("first_name") or "", identity.get("last_name") or "", identity.get("company") or "")

    def label(self, identity):
        return "company contact %s" % contact_identity_reference(identity)

    def check_create(self, identity, wanted):
        if not any(wanted.get(name) for name in NUMBER_ORDER):
            raise InputError("%s cannot be created without a number: give at least one of %s"
                             % (self.label(identity), ", ".join(NUMBER_ORDER)))

    def create_payload(self, identity, fields):
        return dict(fields, **dict((name, value) for name, value in identity.items() if value))

    def delete(self, current):
        try:
            super(CompanyContactAdapter, self).delete(current)
        except PBXError as exc:
            if exc.errcode != REFUSED_WHILE_REFERENCED:
                raise
            holders = [item["name"] for item in current.get("phonebook_list") or []
                       if as_id(item["id"]) in current.get("phonebook_id_list", [])]
            raise PBXError(exc.endpoint, exc.errcode, exc.errmsg, exc.detail, exc.invalid, exc.duplicates,
                           exc.http_status, answer=exc.answer, hint=(
                               "%s is still in %s: remove it from %s first (the phonebook's contacts, or this "
                               "contact's phonebooks). Nothing was deleted."
                               % (self.label(self.identity_of(current)),
                                  "phonebook %s" % ", ".join(holders) if holders else "a phonebook",
                                  "them" if len(holders) > 1 else "it")))


class PhonebookAdapter(YeastarAdapter):
    """Phonebooks by name: the list (one request, shared with the look-up table) then query batches."""

    spec = PHONEBOOK
    kind = "phonebook"
    area = "phonebook"

    def list(self):
        return self.client.query(self.area + "/query", [item["id"] for item in self.client.listed_phonebooks()])

    def find(self, identity):
        for ident in self.client.lookup(self.kind).by_name.get(identity["name"], []):
            if not isinstance(ident, Pending):
                return self.client.read(self.area + "/get", id=ident)["data"]
        return None

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"])
