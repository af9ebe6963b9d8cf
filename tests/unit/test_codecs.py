"""Value codecs: each field's declaration picks how its values are read, compared and written."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.spec import (
    UNKNOWN,
    Field,
    Flag,
    KeyedList,
    RecordList,
    Reference,
    Scalar,
    ScalarList,
    codec_for,
)


def no_resolve(kind, names, option):
    raise AssertionError("no reference expected")


PATTERNS = Field("patterns", "list", elements="dict", options=[
    Field("pattern", required=True), Field("strip", "int"), Field("prepend")])
UNORDERED_PATTERNS = Field("patterns", "list", elements="dict", unordered=True, options=PATTERNS.options)


@pytest.mark.parametrize("field, codec", [
    (Field("name"), Scalar),
    (Field("count", "int"), Scalar),
    (Field("enabled", "bool"), Flag),
    (Field("tags", "list", elements="str"), ScalarList),
    (Field("role", reference="role"), Reference),
    (Field("departments", "list", elements="str", reference="department"), Reference),
    (Field("rules", "list", elements="dict", key="status", options=[Field("status")]), KeyedList),
    (PATTERNS, RecordList),
])
def test_the_declaration_picks_the_codec(field, codec):
    assert type(codec_for(field)) is codec


def test_a_record_list_equals_the_api_answer_with_strings_and_empty_fields():
    wanted = PATTERNS.canonical_from_option([{"pattern": "9.", "strip": 1}], no_resolve)
    current = PATTERNS.canonical_from_api([{"pattern": "9.", "strip": "1", "prepend": ""}])
    assert not PATTERNS.differs(wanted, current)


def test_a_record_list_differs_in_any_sub_option_and_in_order():
    current = PATTERNS.canonical_from_api([{"pattern": "9.", "strip": "1"}, {"pattern": "0."}])
    assert PATTERNS.differs(PATTERNS.canonical_from_option([{"pattern": "9.", "strip": 2}, {"pattern": "0."}],
                                                           no_resolve), current)
    assert PATTERNS.differs(PATTERNS.canonical_from_option([{"pattern": "0."}, {"pattern": "9.", "strip": 1}],
                                                           no_resolve), current)
    assert PATTERNS.differs(PATTERNS.canonical_from_option([{"pattern": "9.", "strip": 1}], no_resolve), current)


def test_an_unordered_record_list_ignores_order():
    current = UNORDERED_PATTERNS.canonical_from_api([{"pattern": "9.", "strip": "1"}, {"pattern": "0."}])
    wanted = UNORDERED_PATTERNS.canonical_from_option([{"pattern": "0."}, {"pattern": "9.", "strip": 1}], no_resolve)
    assert not UNORDERED_PATTERNS.differs(wanted, current)


def test_a_record_list_is_written_and_shown_without_empty_sub_options():
    wanted = PATTERNS.canonical_from_option([{"pattern": "9.", "strip": 1}, {"pattern": "0.", "prepend": "00"}],
                                            no_resolve)
    assert PATTERNS.api_from_canonical(wanted) == [{"pattern": "9.", "strip": 1}, {"pattern": "0.", "prepend": "00"}]
    assert PATTERNS.shown(wanted, None) == [{"pattern": "9.", "strip": 1}, {"pattern": "0.", "prepend": "00"}]


def test_an_absent_record_list_is_empty_and_an_empty_list_matches_it():
    assert PATTERNS.canonical_from_api(None) == ()
    assert not PATTERNS.differs(PATTERNS.canonical_from_option([], no_resolve), PATTERNS.canonical_from_api(None))


def test_absent_values_are_empty_per_type():
    assert Field("name").canonical_from_api(None) == ""
    assert Field("count", "int").canonical_from_api(None) is None
    assert Field("count", "int").canonical_from_api("") is None
    assert Field("tags", "list", elements="str").canonical_from_api(None) == ()
    assert Field("secret", secret=True).canonical_from_api(None) is UNKNOWN


def test_reset_values_may_depend_on_the_identity():
    assert Field("reg_name", reset=lambda identity: identity["number"]).reset_value({"number": "1001"}) == "1001"
    assert Field("title", reset="").reset_value({}) == ""
    assert Field("vm_pin", secret=True).reset_value({}) is None
