"""Field and ResourceSpec: validation, the option/canonical/api conversions, comparison, display
and the argument spec they build."""

import importlib

import pytest
from ansible.module_utils.basic import PASSWORD_MATCH

from ansible_collections.telephony.pbx.plugins.module_utils.spec import (
    SECRET_SHOWN,
    UNKNOWN,
    Field,
    InputError,
    build_argument_spec,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import DEPARTMENT, EXTENSION

ext = EXTENSION.by_name
PRESENCE = ext["presence_list"]

ROLES = {"Employee": 2, "Manager": 3}
DEPARTMENTS = {"Sales": 7, "Support": 4, "Marketing": 9}


class FakeDirectory:
    """resolve(kind, names, option) / names(kind, ids) over fixed name tables, recording each call."""

    def __init__(self, **tables):
        self.tables = tables
        self.calls = []

    def resolve(self, kind, names, option):
        self.calls.append((kind, list(names), option))
        return [self.tables[kind][name] for name in names]

    def names(self, kind, ids):
        by_id = dict((ident, name) for name, ident in self.tables[kind].items())
        return [by_id[ident] for ident in ids]


def directory():
    return FakeDirectory(role=ROLES, department=DEPARTMENTS)


def no_resolve(kind, names, option):
    raise AssertionError("resolve must not be called for %s" % option)


def rejection(field, value):
    with pytest.raises(InputError) as info:
        field.validate(value)
    return str(info.value)


# ------------------------------------------------------------------ validation
@pytest.mark.parametrize("field, value, message", [
    (ext["caller_id"], "1" * 32, "caller_id must be at most 31 characters long, got 32"),
    (ext["reg_name"], "", "reg_name must be 1 to 63 characters long, got 0"),
    (ext["reg_name"], "r" * 64, "reg_name must be 1 to 63 characters long, got 64"),
    (PRESENCE.options[-2], 4, "ring_timeout must be between 5 and 300, got 4"),
    (PRESENCE.options[-2], 301, "ring_timeout must be between 5 and 300, got 301"),
    (ext["number"], "12a", "number must be digits only, at most 7, got '12a'"),
    (ext["number"], "12345678", "number must be digits only, at most 7, got '12345678'"),
    (ext["caller_id"], "12 34", "caller_id must be digits, letters and ( ) . - + * #, got '12 34'"),
    (ext["user_password"], "alllowercase1", "user_password must contain digits, uppercase and lowercase letters"),
])
def test_invalid_values_are_rejected_naming_the_option_and_the_rule(field, value, message):
    assert rejection(field, value) == message


@pytest.mark.parametrize("field, value", [
    (ext["caller_id"], "1" * 31),
    (ext["caller_id"], ""),
    (ext["reg_name"], "r"),
    (PRESENCE.options[-2], 5),
    (PRESENCE.options[-2], 300),
    (ext["number"], "1234567"),
    (ext["user_password"], "Abcdefghi1"),
    (ext["first_name"], None),
])
def test_values_within_the_rules_pass(field, value):
    field.validate(value)


def test_ring_timeout_field_is_the_one_with_the_range():
    # The parametrized cases above rely on this position in PRESENCE_FIELDS.
    assert PRESENCE.options[-2].name == "ring_timeout"


def test_sub_options_of_a_list_are_validated_with_their_position():
    value = [{"status": "away", "ring_timeout": 20}, {"status": "lunch", "ring_timeout": 2}]
    assert rejection(PRESENCE, value) == "presence_list[1].ring_timeout must be between 5 and 300, got 2"


def test_list_elements_are_validated_with_their_index():
    field = Field("codes", "list", elements="str", pattern=r"^[0-9]+$", pattern_hint="digits")
    assert rejection(field, ["12", "x"]) == "codes[1] must be digits, got 'x'"


def test_repeated_keys_in_a_keyed_list_are_rejected():
    value = [{"status": "away"}, {"status": "lunch"}, {"status": "away"}, {"status": "lunch"}, {"status": "off_work"}]
    assert rejection(PRESENCE, value) == "presence_list: each status may appear once; repeated: away, lunch"


@pytest.mark.parametrize("field, value", [
    (ext["user_password"], "Short1"),
    (ext["user_password"], "nodigitsORupper"),
    (ext["reg_password"], "Tiny1"),
    (ext["reg_password"], "x" * 64),
    (Field("pin", secret=True, pattern=r"^[0-9]+$", pattern_hint="digits only"), "12ab-hunter2"),
    (Field("pin", secret=True, check=lambda v: "is not a PIN"), "hunter2-secret"),
])
def test_rejections_of_secrets_never_echo_the_value(field, value):
    message = rejection(field, value)
    assert message.startswith(field.name)
    assert value not in message


def test_pattern_rejection_of_a_secret_shows_it_masked():
    field = Field("pin", secret=True, pattern=r"^[0-9]+$", pattern_hint="digits only")
    assert rejection(field, "abc") == "pin must be digits only, got %s" % SECRET_SHOWN


def test_range_rejection_of_a_secret_never_echoes_the_value():
    field = Field("pin", "int", secret=True, value_range=(0, 9999))
    assert "987654" not in rejection(field, 987654)


def test_booleans_are_not_range_checked():
    Field("count", "int", value_range=(5, 10)).validate(True)


# ------------------------------------------------------- option -> canonical
@pytest.mark.parametrize("field, option, canonical", [
    (ext["enb_vm"], True, True),
    (ext["enb_ice"], False, False),
    (ext["first_name"], "Ann", "Ann"),
    (ext["first_name"], None, None),
    (Field("codes", "list", elements="str", unordered=True), ["b", "c", "a"], ("a", "b", "c")),
    (Field("codes", "list", elements="str"), ["b", "c", "a"], ("b", "c", "a")),
])
def test_canonical_from_option_without_references(field, option, canonical):
    assert field.canonical_from_option(option, no_resolve) == canonical


def test_single_reference_resolves_to_one_id():
    names = directory()
    assert ext["role"].canonical_from_option("Manager", names.resolve) == 3
    assert names.calls == [("role", ["Manager"], "role")]


def test_reference_list_resolves_to_sorted_ids():
    names = directory()
    assert ext["departments"].canonical_from_option(["Marketing", "Sales", "Support"], names.resolve) == (4, 7, 9)
    assert names.calls == [("department", ["Marketing", "Sales", "Support"], "departments")]


def test_keyed_list_becomes_entries_by_key_with_only_the_keys_set():
    option = [{"status": "away", "ring_timeout": 20, "enb_ring_mobile": None},
              {"status": "lunch", "enb_in_always_forward": True}]
    assert PRESENCE.canonical_from_option(option, no_resolve) == {
        "away": {"ring_timeout": 20},
        "lunch": {"enb_in_always_forward": True},
    }


# ---------------------------------------------------------- api -> canonical
@pytest.mark.parametrize("field, api, canonical", [
    (ext["enb_vm"], 1, True),
    (ext["enb_vm"], 0, False),
    (ext["enb_vm"], "1", True),
    (ext["enb_vm"], "0", False),
    (ext["enb_ice"], "yes", True),
    (ext["enb_ice"], "no", False),
    (ext["concurrent_registrations"], "2", 2),
    (ext["number"], 1001, "1001"),
    (ext["first_name"], None, ""),  # an absent field reads as empty
    (ext["role"], 3, 3),
    (ext["departments"], [{"value": "9"}, {"value": "4"}], (4, 9)),
    (ext["departments"], [], ()),
    (ext["outbound_routes"], [5, 1, 3], (1, 3, 5)),
    (Field("codes", "list", elements="int"), ["3", "1"], (3, 1)),
])
def test_canonical_from_api(field, api, canonical):
    assert field.canonical_from_api(api) == canonical


@pytest.mark.parametrize("field, api", [
    (ext["reg_password"], ""),
    (ext["reg_password"], None),
    (ext["user_password"], "whatever"),
    (ext["user_password"], None),
    (Field("hidden", readable=False), "x"),
])
def test_values_the_api_does_not_reveal_are_unknown(field, api):
    assert field.canonical_from_api(api) is UNKNOWN


def test_a_readable_secret_is_compared_by_value():
    assert ext["reg_password"].canonical_from_api("Sip-pass-1") == "Sip-pass-1"


def test_keyed_list_from_api_is_indexed_by_key_with_every_sub_option():
    api = [{"status": "away", "enb_ring_mobile": 1, "ring_timeout": "25", "unmanaged": "x"}]
    entries = PRESENCE.canonical_from_api(api)
    assert list(entries) == ["away"]
    away = entries["away"]
    assert (away["enb_ring_mobile"], away["ring_timeout"], away["in_always_forward_dest"]) == (True, 25, "")
    assert set(away) == set(sub.name for sub in PRESENCE.options) - {"status"}


# ---------------------------------------------------------- canonical -> api
@pytest.mark.parametrize("field, canonical, api", [
    (ext["enb_vm"], True, 1),
    (ext["enb_vm"], False, 0),
    (ext["enb_ice"], True, "yes"),
    (ext["enb_ice"], False, "no"),
    (ext["role"], 3, 3),
    (ext["departments"], (4, 9), [{"value": "4"}, {"value": "9"}]),
    (ext["outbound_routes"], (1, 3), [1, 3]),
    (ext["first_name"], "Ann", "Ann"),
])
def test_api_from_canonical(field, canonical, api):
    assert field.api_from_canonical(canonical) == api


def current_presence():
    """Two entries as extension/get reports them, with the response-only mobile_prefix."""
    return [
        {"status": "available", "enb_ring_mobile": 0, "ring_timeout": 30, "mobile_prefix": "9"},
        {"status": "away", "enb_ring_mobile": 0, "ring_timeout": 30, "in_busy_forward_dest": "ext_vm",
         "mobile_prefix": "9"},
    ]


def test_keyed_list_merges_into_the_current_entries_without_dropping_fields():
    wanted = {"away": {"ring_timeout": 20, "enb_ring_mobile": True}}
    assert PRESENCE.api_from_canonical(wanted, current_presence()) == [
        {"status": "available", "enb_ring_mobile": 0, "ring_timeout": 30},
        {"status": "away", "enb_ring_mobile": 1, "ring_timeout": 20, "in_busy_forward_dest": "ext_vm"},
    ]


def test_keyed_list_merge_leaves_out_response_only_keys():
    merged = PRESENCE.api_from_canonical({"away": {"ring_timeout": 20}}, current_presence())
    settable = set(sub.api for sub in PRESENCE.options)
    assert all(set(entry) <= settable for entry in merged)
    assert all("mobile_prefix" not in entry for entry in merged)


def test_keyed_list_appends_new_keys_after_the_current_ones():
    wanted = {"off_work": {"ring_timeout": 10}, "lunch": {"enb_ring_mobile": False}}
    merged = PRESENCE.api_from_canonical(wanted, current_presence())
    assert [entry["status"] for entry in merged] == ["available", "away", "lunch", "off_work"]
    assert merged[2:] == [{"status": "lunch", "enb_ring_mobile": 0}, {"status": "off_work", "ring_timeout": 10}]


def test_keyed_list_merge_leaves_the_current_value_untouched():
    current = current_presence()
    PRESENCE.api_from_canonical({"away": {"ring_timeout": 20}}, current)
    assert current == current_presence()


# ----------------------------------------------------------------- comparison
@pytest.mark.parametrize("field, option, api", [
    (ext["enb_vm"], True, 1),
    (ext["enb_vm"], False, "0"),
    (ext["enb_ice"], True, "yes"),
    (ext["number"], "1001", 1001),
    (ext["concurrent_registrations"], 2, "2"),
    (ext["departments"], ["Support", "Sales"], [{"value": "7"}, {"value": "4"}]),
    (ext["role"], "Manager", 3),
])
def test_the_same_value_in_option_and_api_form_does_not_differ(field, option, api):
    wanted = field.canonical_from_option(option, directory().resolve)
    assert not field.differs(wanted, field.canonical_from_api(api))


@pytest.mark.parametrize("field, option, api", [
    (ext["enb_vm"], True, 0),
    (ext["enb_ice"], False, "yes"),
    (ext["departments"], ["Support"], [{"value": "7"}, {"value": "4"}]),
    (ext["role"], "Employee", 3),
    (ext["first_name"], "Ann", None),
])
def test_different_values_differ(field, option, api):
    wanted = field.canonical_from_option(option, directory().resolve)
    assert field.differs(wanted, field.canonical_from_api(api))


@pytest.mark.parametrize("field, wanted", [
    (ext["reg_password"], "Same-as-before-1"),
    (ext["first_name"], None),
    (ext["enb_vm"], False),
])
def test_unknown_always_differs(field, wanted):
    assert field.differs(wanted, UNKNOWN)


def test_keyed_list_compares_only_the_keys_the_user_set():
    current = PRESENCE.canonical_from_api(current_presence())
    assert not PRESENCE.differs({"away": {"ring_timeout": 30}}, current)
    assert PRESENCE.differs({"away": {"ring_timeout": 20}}, current)
    assert PRESENCE.differs({"away": {"ring_timeout": 30, "in_busy_forward_dest": "queue"}}, current)


def test_keyed_list_entry_missing_on_the_pbx_differs():
    current = PRESENCE.canonical_from_api(current_presence())
    assert PRESENCE.differs({"lunch": {"ring_timeout": 30}}, current)


def test_only_set_keeps_the_current_values_of_the_keys_the_user_set():
    current = PRESENCE.canonical_from_api(current_presence())
    wanted = {"away": {"ring_timeout": 20}, "lunch": {"enb_ring_mobile": True}}
    assert PRESENCE.only_set(current, wanted) == {"away": {"ring_timeout": 30}, "lunch": {"enb_ring_mobile": None}}


def test_an_ordered_reference_list_in_the_same_order_does_not_differ():
    field = Field("routes", "list", elements="str", reference="department")
    wanted = field.canonical_from_option(["Marketing", "Sales"], directory().resolve)  # ids 9, 7
    assert not field.differs(wanted, field.canonical_from_api([9, 7]))


# -------------------------------------------------------------------- display
@pytest.mark.parametrize("field, canonical, shown", [
    (ext["reg_password"], "Sip-pass-1", SECRET_SHOWN),
    (ext["user_password"], UNKNOWN, SECRET_SHOWN),
    (Field("hidden", readable=False), UNKNOWN, "(not readable)"),
    (ext["first_name"], None, None),
    (ext["enb_vm"], True, True),
    (ext["role"], 3, "Manager"),
    (ext["departments"], (4, 7), ["Support", "Sales"]),
    (Field("codes", "list", elements="str"), ("a", "b"), ["a", "b"]),
])
def test_shown(field, canonical, shown):
    assert field.shown(canonical, directory().names) == shown


def test_keyed_list_is_shown_as_entries_sorted_by_key_with_the_key_first():
    canonical = {"lunch": {"ring_timeout": 10}, "away": {"enb_ring_mobile": True, "ring_timeout": 20}}
    shown = PRESENCE.shown(canonical, directory().names)
    assert shown == [{"status": "away", "ring_timeout": 20, "enb_ring_mobile": True},
                     {"status": "lunch", "ring_timeout": 10}]
    assert list(shown[0])[0] == "status"


# -------------------------------------------------------------- ResourceSpec
def test_wanted_options_leave_out_identity_and_unset_sub_options():
    params = {"number": "1001", "first_name": "Ann", "last_name": None,
              "presence_list": [{"status": "away", "ring_timeout": 20, "enb_ring_mobile": None}]}
    assert EXTENSION.wanted_options(params) == {
        "first_name": "Ann", "presence_list": [{"status": "away", "ring_timeout": 20}]}


def test_wanted_options_are_validated_identity_included():
    with pytest.raises(InputError, match="^number must be digits only"):
        EXTENSION.wanted_options({"number": "10a1", "first_name": "Ann"})


def test_identity_and_its_description():
    identity = DEPARTMENT.identity({"name": "Floor 1", "parent": "Rooms", "state": "present"})
    assert identity == {"name": "Floor 1", "parent": "Rooms"}
    assert DEPARTMENT.describe(identity) == "department Floor 1 Rooms"
    assert DEPARTMENT.describe({"name": "Reception", "parent": None}) == "department Reception"


@pytest.mark.parametrize("api, option", [
    ("role_id", "role"),
    ("organization_list", "departments"),
    ("outbound_route_permission", "outbound_routes"),
    ("first_name", "first_name"),
    ("not_a_field", "not_a_field"),
])
def test_option_name_of_an_api_field(api, option):
    assert EXTENSION.option_name(api) == option


# ------------------------------------------------------------- argument spec
def test_argument_spec_entry_carries_type_choices_default_required_elements_and_options():
    spec = build_argument_spec([
        Field("name", required=True),
        Field("mode", choices=["a", "b"], default="a"),
        Field("rules", "list", elements="dict", options=[Field("status", required=True), Field("timeout", "int")]),
    ])
    assert spec == {
        "name": {"type": "str", "required": True},
        "mode": {"type": "str", "choices": ["a", "b"], "default": "a"},
        "rules": {"type": "list", "elements": "dict", "options": {
            "status": {"type": "str", "required": True},
            "timeout": {"type": "int"},
        }},
    }


@pytest.mark.parametrize("field, no_log", [
    (Field("reg_password", secret=True), True),
    (Field("vm_pin", secret=True), True),
    (Field("update_password", choices=["on_create", "always"]), False),
    (Field("api_key"), False),
    (Field("token_name"), False),
    (Field("key_0", "dict"), False),
    (Field("key_hash", "dict", options=[Field("type")]), False),
    (Field("pin_length", "int"), None),
    (Field("enb_vm_pin", "bool"), None),
    (Field("first_name"), None),
])
def test_no_log_is_set_for_secrets_and_declined_for_look_alikes(field, no_log):
    assert build_argument_spec([field])[field.name].get("no_log") == no_log


def all_options(spec, prefix=""):
    for name, entry in spec.items():
        yield prefix + name, entry
        yield from all_options(entry.get("options") or {}, prefix + name + ".")


MODULES = ["yeastar_department", "yeastar_extension", "yeastar_info", "yeastar_ivr", "yeastar_pin_list"]


@pytest.mark.parametrize("module_name", MODULES)
def test_module_options_that_look_like_passwords_state_no_log(module_name):
    module = importlib.import_module("ansible_collections.telephony.pbx.plugins.modules." + module_name)
    spec = build_argument_spec(module.FIELDS)
    looks_secret = [name for name, entry in all_options(spec) if PASSWORD_MATCH.search(name.rsplit(".", 1)[-1])]
    assert [name for name in looks_secret if "no_log" not in dict(all_options(spec))[name]] == []
    for field in module.FIELDS:
        if field.secret:
            assert spec[field.name]["no_log"] is True, field.name


def test_extension_secrets_are_no_log():
    spec = build_argument_spec(EXTENSION.fields)
    assert [name for name, entry in spec.items() if entry.get("no_log")] == ["user_password", "reg_password", "vm_pin"]


def test_clearing_a_field_the_pbx_leaves_out_of_its_answer_is_no_change():
    assert not ext["title"].differs(ext["title"].canonical_from_option("", None), ext["title"].canonical_from_api(None))
    assert ext["title"].differs(ext["title"].canonical_from_option("CEO", None), ext["title"].canonical_from_api(None))
