"""The extensions_from_csv filter: spreadsheet rows to yeastar_config extensions, checked with the modules' rules."""

import csv
import io

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.telephony.pbx.plugins.filter.extensions_from_csv import FilterModule, extensions_from_csv

USER_PASSWORD = "User-Passw0rd-1"
REG_PASSWORD = "Reg-Passw0rd-1"


def read_csv(text):
    """What community.general.read_csv returns in 'list' (a csv.DictReader over the file)."""
    return list(csv.DictReader(io.StringIO(text)))


def refused(text, **kwargs):
    with pytest.raises(AnsibleFilterError) as error:
        extensions_from_csv(read_csv(text), **kwargs)
    return str(error.value)


def test_the_filter_is_registered():
    assert FilterModule().filters()["extensions_from_csv"] is extensions_from_csv


def test_good_rows_become_extensions_with_only_the_cells_set():
    rows = read_csv(
        "number,first_name,last_name,email_addr,role,title,caller_id,mobile_number,presence_status\n"
        "1000,Front,Desk,frontdesk@example.com,Employee,Reception,+4930123,0170123456,available\n"
        "1101,Room,101,,,,,,\n")
    assert extensions_from_csv(rows) == [
        {"number": "1000", "first_name": "Front", "last_name": "Desk", "email_addr": "frontdesk@example.com",
         "role": "Employee", "title": "Reception", "caller_id": "+4930123", "mobile_number": "0170123456",
         "presence_status": "available"},
        {"number": "1101", "first_name": "Room", "last_name": "101"},
    ]


def test_empty_cells_and_spaces_mean_not_set_and_empty_rows_are_skipped():
    rows = read_csv("number,first_name,last_name\n 1001 ,  Ann  ,   \n,,\n1002,,\n")
    assert extensions_from_csv(rows) == [{"number": "1001", "first_name": "Ann"}, {"number": "1002"}]


def test_numbers_stay_text_with_their_leading_zeros():
    rows = read_csv('number,caller_id,mobile_number,last_name\n0100,"0049301",0170,"007"\n')
    assert extensions_from_csv(rows) == [
        {"number": "0100", "caller_id": "0049301", "mobile_number": "0170", "last_name": "007"}]


def test_several_departments_and_routes_split_on_the_separator():
    rows = read_csv("number,departments,outbound_routes\n1001,Rooms; Floor 1 ;Sales/EU,Local;Intl\n1002,Rooms,\n")
    assert extensions_from_csv(rows) == [
        {"number": "1001", "departments": ["Rooms", "Floor 1", "Sales/EU"], "outbound_routes": ["Local", "Intl"]},
        {"number": "1002", "departments": ["Rooms"]},
    ]
    piped = read_csv("number,departments\n1001,Rooms|Floor 1\n")
    assert extensions_from_csv(piped, separator="|") == [{"number": "1001", "departments": ["Rooms", "Floor 1"]}]


def test_flags_and_numbers_are_converted_and_checked():
    rows = read_csv("number,enb_vm,enb_nat,allow_reg_remotely,concurrent_registrations,enb_ice\n"
                    "1001,Yes,0,TRUE,2,off\n")
    assert extensions_from_csv(rows) == [{"number": "1001", "enb_vm": True, "enb_nat": False,
                                          "allow_reg_remotely": True, "concurrent_registrations": 2, "enb_ice": False}]
    message = refused("number,enb_vm,concurrent_registrations\n1001,maybe,5\n")
    assert "CSV line 2: enb_vm must be a boolean" in message
    # One problem per row: the first cell that is wrong.
    assert refused("number,concurrent_registrations\n1001,5\n").endswith(
        "CSV line 2: concurrent_registrations must be one of 1, 2, 3, got 5")
    assert "concurrent_registrations must be a whole number, got 'two'" in refused(
        "number,concurrent_registrations\n1001,two\n")


def test_choices_are_the_modules():
    message = refused("number,presence_status\n1001,sleeping\n")
    assert "CSV line 2: presence_status must be one of available, away, business_trip, do_not_disturb, lunch, " \
           "off_work, got 'sleeping'" in message


def test_unknown_column_is_refused_on_the_header_line_with_the_allowed_columns():
    message = refused("number,first_name,room_type\n1001,Ann,double\n")
    assert "CSV line 1 (header): unknown column 'room_type'" in message
    assert "first_name" in message and "email_addr" in message and "departments" in message


def test_presence_list_has_no_column_and_the_message_says_why():
    message = refused("number,presence_list\n1001,x\n")
    assert "unknown column 'presence_list'" in message and "cannot hold" in message


def test_bad_email_is_refused_with_its_line_and_what_is_allowed():
    message = refused("number,email_addr\n1001,ann@example.com\n1002,bob.example.com\n")
    assert "CSV line 3: email_addr must be an email address such as name@example.com, or empty, got " \
           "'bob.example.com'" in message
    assert "nothing was imported" in message


def test_every_problem_is_reported_at_once():
    message = refused("number,email_addr,caller_id\n12345678,,\n1002,x,\n1003,,call me\n1004,,\n")
    assert message.startswith("extensions_from_csv: 3 problems in the CSV")
    assert "CSV line 2: number must be digits only, at most 7, got '12345678'" in message
    assert "CSV line 3: email_addr" in message
    assert "CSV line 4: caller_id must be digits, letters and ( ) . - + * #" in message


def test_duplicate_numbers_are_refused_with_both_lines():
    message = refused("number,first_name\n1001,Ann\n1002,Bob\n1001,Carl\n")
    assert "CSV line 4: number '1001' is already on line 2" in message


def test_duplicate_email_addresses_ignore_case():
    message = refused("number,email_addr\n1001,ann@example.com\n1002,Ann@Example.com\n")
    assert "CSV line 3: email_addr 'Ann@Example.com' is already on line 2" in message


def test_a_row_without_number_and_a_header_without_number():
    assert "CSV line 3: number is empty" in refused("number,first_name\n1001,Ann\n,Bob\n")
    assert "the column number, which identifies each extension, is missing" in refused("first_name\nAnn\n")


def test_a_row_with_more_cells_than_the_header():
    assert "CSV line 2: the row has 1 more cell than the header has columns" in refused("number,first_name\n1001,Ann,x\n")


def test_an_unnamed_empty_trailing_column_is_ignored_but_not_one_with_values():
    assert extensions_from_csv(read_csv("number,first_name,\n1001,Ann,\n")) == [{"number": "1001", "first_name": "Ann"}]
    assert "a column without a name has values (first on line 3)" in refused("number,\n1001,\n1002,x\n")


def test_default_secrets_per_extension_secrets_and_cells():
    rows = read_csv("number,reg_password\n1001,\n1002,Cell-Passw0rd\n1003,\n")
    extensions = extensions_from_csv(rows, user_password=USER_PASSWORD, reg_password=REG_PASSWORD,
                                     secrets={"1003": {"reg_password": "Vault-Passw0rd-3", "vm_pin": "4711"}})
    assert extensions == [
        {"number": "1001", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD},
        {"number": "1002", "user_password": USER_PASSWORD, "reg_password": "Cell-Passw0rd"},
        {"number": "1003", "user_password": USER_PASSWORD, "reg_password": "Vault-Passw0rd-3", "vm_pin": "4711"},
    ]


def test_weak_or_misplaced_secrets_are_refused_without_showing_them():
    message = refused("number,user_password\n1001,weakpassword1\n")
    assert "CSV line 2: user_password must contain digits, uppercase and lowercase letters" in message
    assert "weakpassword1" not in message
    message = refused("number\n1001\n", user_password="short")
    assert "user_password must be 10 to 63 characters long" in message and "short" not in message
    assert "secrets[1009]" not in refused("number\n1001\n", secrets={"1009": {"reg_password": REG_PASSWORD}})
    assert "which no CSV row has" in refused("number\n1001\n", secrets={"1009": {"reg_password": REG_PASSWORD}})
    assert "may hold only" in refused("number\n1001\n", secrets={"1001": {"password": "x"}})


def test_defaults_apply_where_the_row_has_no_value():
    rows = read_csv("number,role,departments\n1001,,\n1002,Manager,Sales\n")
    assert extensions_from_csv(rows, defaults={"role": "Employee", "departments": ["Rooms"], "enb_vm": True}) == [
        {"number": "1001", "role": "Employee", "departments": ["Rooms"], "enb_vm": True},
        {"number": "1002", "role": "Manager", "departments": ["Sales"], "enb_vm": True},
    ]
    with pytest.raises(AnsibleFilterError, match="defaults.presence_status presence_status must be one of"):
        extensions_from_csv(rows, defaults={"presence_status": "asleep"})
    for unique in ("number", "email_addr", "reg_name"):
        with pytest.raises(AnsibleFilterError, match="defaults cannot set %s, which must differ" % unique):
            extensions_from_csv(rows, defaults={unique: "1"})


def test_csv_text_gives_exact_lines_across_blank_lines_and_multiline_cells():
    text = 'number,title\n\n1001,"Head of\nHousekeeping"\n1002,ok\n\n1003,x\n1001,again\n'
    with pytest.raises(AnsibleFilterError) as error:
        extensions_from_csv(text)
    assert "CSV line 8: number '1001' is already on line 3" in str(error.value)
    assert extensions_from_csv("\ufeffnumber,title\n1001,\"Head of\nHousekeeping\"\n") == [
        {"number": "1001", "title": "Head of\nHousekeeping"}]
    with pytest.raises(AnsibleFilterError, match="column number appears more than once"):
        extensions_from_csv("number,number\n1,2\n")


def test_the_whole_read_csv_result_is_accepted_and_other_input_is_refused():
    assert extensions_from_csv({"dict": {}, "list": read_csv("number\n1001\n")}) == [{"number": "1001"}]
    with pytest.raises(AnsibleFilterError, match="expects the list of rows"):
        extensions_from_csv(42)


def test_a_delimiter_for_spreadsheets_that_write_semicolons():
    text = "number;first_name;departments\n1001;Ann;Rooms|Floor 1\n"
    assert extensions_from_csv(text, delimiter=";", separator="|") == [
        {"number": "1001", "first_name": "Ann", "departments": ["Rooms", "Floor 1"]}]
    with pytest.raises(AnsibleFilterError, match="delimiter and separator are both ';'"):
        extensions_from_csv(text, delimiter=";")
