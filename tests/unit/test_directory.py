"""Company contacts and phonebooks as data: numbers as options over one number_list, membership written as
additions and removals, the natural key of a contact, what gathered exports."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter, apply_plan, plan_present
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import (
    Named,
    contact_identity_reference,
    contact_reference,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_directory import (
    COMPANY_CONTACT,
    PHONEBOOK,
    CompanyContactAdapter,
)

JAY = {"first_name": "Jay", "last_name": "Prichett", "company": "Closet"}


class Adapter(ResourceAdapter):
    """A spec with fixed reference tables."""

    tables = {"phonebook": {"Suppliers": 5, "Press": 6},
              "company_contact": {"Jay Prichett (Closet)": 4, "Joseph Goffin (Ticketsales)": 3, "Phil Dunphy": 9}}

    def __init__(self, spec):
        self.spec = spec
        self.client = None

    def resolve(self, kind, names, option):
        return [self.tables[kind][name] for name in names]

    def names(self, kind, ids):
        by_id = dict((ident, name) for name, ident in self.tables[kind].items())
        return [by_id[ident] for ident in ids]

    def create_payload(self, identity, fields):
        return dict(fields, **identity)

    def update(self, current, payload):
        pass


def contact(**fields):
    current = {"id": 4, "first_name": "Jay", "last_name": "Prichett", "company": "Closet", "email": "", "remark": "",
               "zip_code": "", "street": "", "city": "", "state": "", "country": "",
               "number_list": [{"num_type": "business_number", "number": "0015503308"},
                               {"num_type": "mobile_number", "number": "15735810000"}],
               "phonebook_list": [{"id": 5, "name": "Suppliers"}, {"id": 3, "name": "All Company Contacts_Phonebook"}],
               "phonebook_id_list": [5]}
    current.update(fields)
    return current


def phonebook(**fields):
    current = {"id": 5, "name": "Suppliers", "member_select": "sel_specific", "total": 2,
               "contacts_list": [{"id": 4, "contact_name": "Jay Prichett", "company": "Closet"},
                                 {"id": 3, "contact_name": "Joseph Goffin", "company": "Ticketsales"}]}
    current.update(fields)
    return current


def plan_contact(wanted, current=None, reset=False):
    return plan_present(Adapter(COMPANY_CONTACT), dict(JAY), wanted, current, "on_create", reset=reset)


def plan_phonebook(wanted, current=None, reset=False):
    return plan_present(Adapter(PHONEBOOK), {"name": "Suppliers"}, wanted, current, "on_create", reset=reset)


def test_numbers_are_options_sent_as_one_list_in_the_manuals_order():
    created = plan_contact({"mobile_number": "15735810000", "business_number": "0015503308", "phonebooks": ["Suppliers"]})
    assert created.payload == {
        "first_name": "Jay", "last_name": "Prichett", "company": "Closet", "phonebook_id_list": [5],
        "number_list": [{"num_type": "business_number", "number": "0015503308"},
                        {"num_type": "mobile_number", "number": "15735810000"}]}


def test_changing_one_number_keeps_the_others_and_an_empty_one_removes_it():
    changed = plan_contact({"mobile_number": "15735810001", "home_number": "5550100"}, contact())
    assert changed.payload == {"number_list": [
        {"num_type": "business_number", "number": "0015503308"},
        {"num_type": "mobile_number", "number": "15735810001"},
        {"num_type": "home_number", "number": "5550100"}]}
    assert (changed.before["mobile_number"], changed.after["mobile_number"]) == ("15735810000", "15735810001")
    removed = plan_contact({"mobile_number": ""}, contact())
    assert removed.payload == {"number_list": [{"num_type": "business_number", "number": "0015503308"}]}
    assert plan_contact({"business_number": "0015503308", "home_number": ""}, contact()).action is None


def test_a_contact_without_any_number_is_refused_before_any_request():
    adapter = CompanyContactAdapter(client=None)
    with pytest.raises(InputError, match="company contact Jay Prichett \\(Closet\\) cannot be created without a number"):
        plan_present(adapter, dict(JAY), {"email": "jay@example.com"}, None, "on_create")


def test_phonebooks_compare_as_a_set_of_names():
    assert plan_contact({"phonebooks": ["Suppliers"]}, contact()).action is None
    both = plan_contact({"phonebooks": ["Press", "Suppliers"]}, contact())
    assert both.payload == {"phonebook_id_list": [5, 6]}
    assert both.after["phonebooks"] == ["Suppliers", "Press"]


def test_replaced_clears_undeclared_fields_but_leaves_phonebooks_alone():
    planned = plan_contact({"business_number": "0015503308"}, contact(city="Baltimore", phonebook_id_list=[5, 6]),
                           reset=True)
    assert planned.payload == {"number_list": [{"num_type": "business_number", "number": "0015503308"}], "city": ""}


def test_members_are_written_as_additions_and_removals():
    planned = plan_phonebook({"contacts": ["Jay Prichett (Closet)", "Phil Dunphy"]}, phonebook())
    assert planned.payload == {"add_contacts_id_list": [9], "del_contacts_id_list": [3]}
    assert (planned.before["contacts"], planned.after["contacts"]) == (
        ["Joseph Goffin (Ticketsales)", "Jay Prichett (Closet)"], ["Jay Prichett (Closet)", "Phil Dunphy"])
    assert plan_phonebook({"contacts": ["Joseph Goffin (Ticketsales)", "Jay Prichett (Closet)"]}, phonebook()).action \
        is None
    created = plan_phonebook({"contacts": ["Jay Prichett (Closet)"]})
    assert created.payload == {"name": "Suppliers", "member_select": "sel_specific", "add_contacts_id_list": [4]}


def test_a_written_phonebook_reads_back_with_its_changes_applied():
    adapter = Adapter(PHONEBOOK)
    planned = plan_phonebook({"contacts": ["Phil Dunphy"]}, phonebook())
    after = apply_plan(adapter, planned, {"name": "Suppliers"})
    field = PHONEBOOK.by_name["contacts"]
    assert field.canonical_from_api(field.read(after)) == (9,)
    assert adapter.references_of(after) == [("company_contact", 9)]


def test_contacts_of_a_phonebook_of_everyone_are_refused_and_not_exported():
    everyone = phonebook(member_select="sel_all")
    with pytest.raises(InputError, match="member_select sel_all holds every company contact"):
        plan_phonebook({"contacts": ["Phil Dunphy"]}, everyone)
    with pytest.raises(InputError, match="member_select sel_all"):
        plan_phonebook({"member_select": "sel_all", "contacts": ["Phil Dunphy"]})
    assert plan_phonebook({"member_select": "sel_all"}, everyone).action is None
    assert gathered_item(Adapter(PHONEBOOK), everyone) == {"name": "Suppliers", "member_select": "sel_all"}


def test_gathered_exports_membership_on_the_phonebooks_only():
    adapter = Adapter(COMPANY_CONTACT)
    adapter.identity_of = CompanyContactAdapter(client=None).identity_of
    assert gathered_item(adapter, contact(city="Baltimore")) == dict(
        JAY, business_number="0015503308", mobile_number="15735810000", city="Baltimore")
    assert gathered_item(Adapter(PHONEBOOK), phonebook())["contacts"] == [
        "Joseph Goffin (Ticketsales)", "Jay Prichett (Closet)"]


def test_a_contact_is_referred_to_as_first_last_and_company():
    assert contact_reference("Jay  Prichett ", "Closet") == "Jay Prichett (Closet)"
    assert contact_reference("Phil Dunphy", "") == "Phil Dunphy"
    assert contact_identity_reference({"first_name": "Phil", "last_name": None, "company": None}) == "Phil"
    table = Named("company contact", contact_identity_reference, [(4, "Jay Prichett (Closet)")])
    table.add(7, {"first_name": "Phil", "last_name": "Dunphy", "company": None})
    assert table.ids(["Phil Dunphy", "Jay Prichett (Closet)"], "contacts") == [7, 4]
    with pytest.raises(InputError, match="no company contact named 'Jay Prichett' exists"):
        table.ids(["Jay Prichett"], "contacts")


def test_the_contacts_state_field_is_the_province_option():
    assert COMPANY_CONTACT.option_name("state") == "province"
    assert plan_contact({"province": "Kentucky (KY)"}, contact()).payload == {"state": "Kentucky (KY)"}
