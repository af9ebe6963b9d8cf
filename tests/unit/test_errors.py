"""Yeastar's error envelope becomes the neutral PBXError: option names, duplicates and hints."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import HINTS, yeastar_error
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION


def envelope(errcode=40002, errmsg="PARAMETER ERROR", **lists):
    return dict({"errcode": errcode, "errmsg": errmsg}, **lists)


def rendered(answer, option_name=EXTENSION.option_name, endpoint="extension/create"):
    return str(yeastar_error(endpoint, answer, option_name))


def test_plain_refusal():
    assert rendered(envelope(40002, "PARAMETER ERROR")) == "The PBX refused extension/create: errcode 40002 PARAMETER ERROR."


def test_submsg_is_shown_in_parentheses():
    assert rendered(envelope(40002, "PARAMETER ERROR", submsg="too many tokens")) == \
        "The PBX refused extension/create: errcode 40002 PARAMETER ERROR (too many tokens)."


@pytest.mark.parametrize("item, shown", [
    ({"field": "role_id", "validation_type": "not_exist"}, "role (API field role_id) (not_exist)"),
    ({"field": "organization_list", "validation_type": "required"}, "departments (API field organization_list) (required)"),
    ({"field": "first_name", "validation_type": "max_length"}, "first_name (max_length)"),
    ({"field": "caller_id", "reason": "format", "value": "12 34"}, "caller_id (format, value '12 34')"),
    ({"field": "caller_id", "value": ""}, "caller_id (rejected)"),
    ({}, "? (rejected)"),
])
def test_invalid_fields_are_named_by_their_option(item, shown):
    assert rendered(envelope(invalid_param_list=[item])).endswith(" Invalid: %s." % shown)


def test_several_invalid_fields_are_joined():
    text = rendered(envelope(invalid_param_list=[{"field": "role_id", "validation_type": "a"},
                                                 {"field": "title", "validation_type": "b"}]))
    assert "Invalid: role (API field role_id) (a); title (b)." in text


def test_without_option_name_the_api_names_are_used():
    text = rendered(envelope(invalid_param_list=[{"field": "role_id", "validation_type": "x"}]), option_name=None)
    assert text.endswith("Invalid: role_id (x).")


@pytest.mark.parametrize("item, shown", [
    ({"field": "email_addr", "value": "a@example.com", "external_source": "extension", "external_source_name": "1011"},
     "email_addr 'a@example.com' is already used by extension 1011"),
    ({"field": "reg_name", "value": "desk"}, "reg_name 'desk' is already used by another object"),
    ({"field": "organization_list", "value": 3, "external_source": "organization"},
     "departments (API field organization_list) 3 is already used by organization"),
])
def test_duplicates_say_who_holds_the_value(item, shown):
    assert rendered(envelope(40003, "DUPLICATE KEY VALUE", duplicate_field_list=[item])).endswith(
        " Already in use: %s." % shown)


@pytest.mark.parametrize("errcode", sorted(HINTS))
def test_known_errcodes_carry_a_hint(errcode):
    assert rendered(envelope(errcode, "ERR")).endswith(". " + HINTS[errcode])


def test_unknown_errcodes_carry_no_hint():
    assert rendered(envelope(49999, "ODD")) == "The PBX refused extension/create: errcode 49999 ODD."


def test_hint_comes_after_the_field_lists():
    text = rendered(envelope(60002, "LIMIT", invalid_param_list=[{"field": "title", "validation_type": "x"}]))
    assert text.index("Invalid:") < text.index(HINTS[60002])


def test_answer_without_envelope():
    error = PBXError("extension/list", errmsg="<html>", http_status=502)
    assert str(error) == "The PBX answered extension/list with HTTP 502 and no API error format: <html>"


def test_as_dict_is_vendor_neutral_and_keeps_the_raw_answer():
    invalid = [{"field": "role_id", "validation_type": "not_exist", "value": 9}]
    answer = envelope(invalid_param_list=invalid, submsg="s")
    error = yeastar_error("extension/update", answer, EXTENSION.option_name)
    assert error.as_dict() == {
        "endpoint": "extension/update", "errcode": 40002, "errmsg": "PARAMETER ERROR", "detail": "s",
        "invalid": [{"field": "role (API field role_id)", "reason": "not_exist", "value": 9}], "duplicates": [],
        "http_status": None, "answer": answer,
    }
