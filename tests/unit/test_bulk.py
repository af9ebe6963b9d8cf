"""The set-based engine's pure parts: dependency order, the gathered shape, failure messages."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import PartialApply, dependency_order, gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter, with_reset_values
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    EXTENSION,
    department_names,
    forward_targets,
    presence_reset,
)


def test_departments_come_after_their_parents_whatever_the_declared_order():
    items = [{"name": "EU", "parent": "Sales/Europe"}, {"name": "Europe", "parent": "Sales"}, {"name": "Sales"},
             {"name": "Spa", "parent": "Existing"}]
    ordered = dependency_order(items, department_names, lambda item: [item["parent"]] if item.get("parent") else [])
    assert [item["name"] for item in ordered] == ["Sales", "Europe", "EU", "Spa"]


def test_extensions_come_after_the_declared_extensions_they_forward_to():
    items = [{"number": "101", "presence_list": [{"status": "away", "in_busy_forward_extension": "102"}]},
             {"number": "102", "presence_list": [{"status": "away", "in_busy_forward_extension": "103"}]},
             {"number": "103"}]
    assert [item["number"] for item in dependency_order(items, lambda item: [item["number"]], forward_targets)] == \
        ["103", "102", "101"]


def test_a_circle_of_references_is_refused_naming_its_members():
    items = [{"number": "1", "presence_list": [{"status": "away", "in_busy_forward_extension": "2"}]},
             {"number": "2", "presence_list": [{"status": "away", "in_busy_forward_extension": "1"}]}]
    with pytest.raises(InputError, match="circle of references through 1, 2"):
        dependency_order(items, lambda item: [item["number"]], forward_targets)


class Directory(ResourceAdapter):
    spec = EXTENSION

    def resolve(self, kind, names, option):
        return [{"role": {"Employee": 3}, "extension": {"102": 12}}[kind][name] for name in names]

    def names(self, kind, ids):
        return [{"role": {3: "Employee"}, "extension": {12: "102"}}[kind][ident] for ident in ids]


def api_presence(**changes):
    entries = []
    for entry in presence_reset({"number": "101"}):
        api = dict((key, (1 if value else 0) if isinstance(value, bool) else value) for key, value in entry.items())
        api.update(changes.get(entry["status"], {}))
        entries.append(api)
    return entries


def test_gathered_leaves_out_secrets_and_values_a_new_extension_has():
    current = {"number": "101", "first_name": "Ann", "last_name": "", "caller_id": "101", "reg_name": "101",
               "reg_password": "", "vm_pin": "1234", "enb_vm": 1, "enb_nat": 0, "role_id": 3, "title": "",
               "presence_list": api_presence(away={"ring_timeout": 45, "in_busy_forward_dest": "extension",
                                                   "in_busy_forward_value": "12"})}
    assert gathered_item(Directory(None), current) == {
        "number": "101", "first_name": "Ann", "enb_nat": False, "role": "Employee",
        "presence_list": [{"status": "away", "in_busy_forward_dest": "extension", "in_busy_forward_extension": "102",
                           "ring_timeout": 45}]}


def test_gathered_shows_a_forward_elsewhere_by_its_raw_value():
    lunch = {"ex_busy_forward_dest": "ivr", "ex_busy_forward_value": "6"}
    current = {"number": "101", "presence_list": api_presence(lunch=lunch)}
    assert gathered_item(Directory(None), current)["presence_list"] == [
        {"status": "lunch", "ex_busy_forward_dest": "ivr", "ex_busy_forward_value": "6"}]


def test_replaced_completes_the_options_with_reset_values_and_keeps_declared_forward_targets():
    complete = with_reset_values(EXTENSION, {"number": "101"}, {
        "first_name": "Ann", "presence_list": [{"status": "away", "in_busy_forward_extension": "102"}]})
    assert complete["first_name"] == "Ann" and complete["title"] == "" and complete["caller_id"] == "101"
    assert "role" not in complete and "user_password" not in complete
    away = [entry for entry in complete["presence_list"] if entry["status"] == "away"][0]
    assert away["in_busy_forward_extension"] == "102" and "in_busy_forward_value" not in away
    assert away["ring_timeout"] == 30
    dnd = [entry for entry in complete["presence_list"] if entry["status"] == "do_not_disturb"][0]
    assert dnd["enb_in_always_forward"] is True and len(complete["presence_list"]) == 6


def test_a_failure_part_way_names_what_was_applied_and_what_was_not():
    error = PartialApply(Exception("The PBX refused extension/create."), ["created extension 1"],
                         ["extension %d" % n for n in range(2, 14)])
    assert str(error) == (
        "The PBX refused extension/create. Applied before the failure: 1 (created extension 1). Not applied: 12 "
        "(extension 2, extension 3, extension 4, extension 5, extension 6, extension 7, extension 8, extension 9, "
        "extension 10, extension 11, and 2 more). Nothing applied was undone; a re-run continues from what the PBX "
        "now holds.")
