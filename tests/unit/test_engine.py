"""The resource engine against a fake adapter: plans, payloads, check mode, diff and masking."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.engine import (
    SECRET_CHANGED,
    ResourceAdapter,
    apply_plan,
    ensure,
    mask_secrets,
    plan_absent,
    plan_present,
)
from ansible_collections.telephony.pbx.plugins.module_utils.spec import SECRET_SHOWN, InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION

ROLES = {"Employee": 2, "Manager": 3}
DEPARTMENTS = {"Sales": 7, "Support": 4}
USER_PASSWORD = "User-Pass-123"
REG_PASSWORD = "Sip-Pass-456"


class FakeClient:
    """Records writes as the real client does: sent, or only planned in check mode."""

    def __init__(self):
        self.sent = []
        self.planned = []
        self.check_mode = False

    def write(self, request):
        (self.planned if self.check_mode else self.sent).append(request)

    def report(self):
        return {"sent": list(self.sent), "planned": list(self.planned)}


class FakeAdapter(ResourceAdapter):
    """The extension spec over an in-memory object; writes go to the fake client."""

    spec = EXTENSION

    def __init__(self, current=None):
        self.current = current
        self.client = FakeClient()
        self.payloads = []

    def find(self, identity):
        return self.current

    def resolve(self, kind, names, option):
        table = {"role": ROLES, "department": DEPARTMENTS}[kind]
        return [table[name] for name in names]

    def names(self, kind, ids):
        table = {"role": ROLES, "department": DEPARTMENTS}[kind]
        by_id = dict((ident, name) for name, ident in table.items())
        return [by_id[ident] for ident in ids]

    def create_payload(self, identity, fields):
        return dict(fields, number=identity["number"])

    def create(self, payload):
        self.payloads.append(payload)
        self.client.write("POST extension/create")
        return dict(payload) if self.client.check_mode else dict(payload, id=42)

    def update(self, current, payload):
        self.payloads.append(payload)
        self.client.write("POST extension/update")

    def delete(self, current):
        self.client.write("GET extension/delete")

    def created(self, current, identity):
        self.created_objects = getattr(self, "created_objects", []) + [identity]

    def deleted(self, current):
        pass


def existing(**changes):
    current = {
        "id": 42, "number": "1001", "type": "SIP", "first_name": "Ann", "last_name": "Lee", "role_id": 2,
        "organization_list": [{"value": "4"}], "reg_name": "1001", "reg_password": REG_PASSWORD,
        "user_password": "", "vm_pin": "", "enb_vm": 0, "enb_ice": "no", "concurrent_registrations": 1,
        "presence_status": "available",
        "presence_list": [
            {"status": "available", "ring_timeout": 30, "enb_ring_mobile": 0, "in_busy_forward_dest": "ext_vm"},
            {"status": "away", "ring_timeout": 30, "enb_ring_mobile": 0, "in_busy_forward_dest": "ext_vm"},
        ],
    }
    current.update(changes)
    return current


def present(adapter, update_password="on_create", **options):
    identity = {"number": "1001"}
    return plan_present(adapter, identity, options, adapter.current, update_password)


def run(adapter, check_mode=False, **params):
    params.setdefault("number", "1001")
    params.setdefault("state", "present")
    adapter.client.check_mode = check_mode
    return ensure(adapter, params)


def new_extension(**options):
    return dict(dict(user_password=USER_PASSWORD, reg_password=REG_PASSWORD), **options)


# --------------------------------------------------------------------- create
def test_create_payload_holds_the_options_the_create_defaults_and_the_identity():
    plan = present(FakeAdapter(), **new_extension(first_name="Ann", enb_vm=True, role="Manager"))
    assert plan.action == "create"
    assert plan.payload == {
        "number": "1001", "first_name": "Ann", "enb_vm": 1, "role_id": 3,
        "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
        "reg_name": "1001", "concurrent_registrations": 1, "presence_status": "available",
    }


def test_options_given_win_over_create_defaults():
    plan = present(FakeAdapter(), **new_extension(reg_name="desk", concurrent_registrations=3, presence_status="away"))
    assert (plan.payload["reg_name"], plan.payload["concurrent_registrations"], plan.payload["presence_status"]) == \
        ("desk", 3, "away")


def test_create_diff_shows_the_new_object_with_secrets_masked():
    plan = present(FakeAdapter(), **new_extension(first_name="Ann", departments=["Support", "Sales"]))
    assert plan.before == {}
    assert plan.after == {
        "number": "1001", "first_name": "Ann", "departments": ["Support", "Sales"],
        "user_password": SECRET_CHANGED, "reg_password": SECRET_CHANGED,
        "reg_name": "1001", "concurrent_registrations": 1, "presence_status": "available",
    }


@pytest.mark.parametrize("missing", ["user_password", "reg_password"])
def test_a_missing_required_on_create_option_fails_before_any_write(missing):
    adapter = FakeAdapter()
    options = new_extension(first_name="Ann")
    del options[missing]
    with pytest.raises(InputError) as info:
        run(adapter, **options)
    assert str(info.value) == "%s is required to create extension 1001, which does not exist yet" % missing
    assert adapter.client.report() == {"sent": [], "planned": []}


def test_required_on_create_does_not_apply_to_existing_objects():
    plan = present(FakeAdapter(existing()), first_name="Bob")
    assert plan.action == "update"


def test_create_result_reports_the_new_object_with_secrets_masked():
    result = run(FakeAdapter(), **new_extension(first_name="Ann"))
    assert (result["changed"], result["operation"]) == (True, "create")
    assert result["extension"]["id"] == 42
    assert result["extension"]["user_password"] == result["extension"]["reg_password"] == SECRET_SHOWN
    assert result["api_requests"] == {"sent": ["POST extension/create"], "planned": []}


# --------------------------------------------------------------------- update
def test_update_payload_holds_only_the_changed_fields():
    plan = present(FakeAdapter(existing()), first_name="Bob", last_name="Lee", enb_vm=True, role="Employee",
                   departments=["Support"], enb_ice=True)
    assert plan.action == "update"
    assert plan.payload == {"first_name": "Bob", "enb_vm": 1, "enb_ice": "yes"}


def test_reference_changes_are_sent_as_ids_and_shown_as_names():
    plan = present(FakeAdapter(existing()), role="Manager", departments=["Sales", "Support"])
    assert plan.payload == {"role_id": 3, "organization_list": [{"value": "4"}, {"value": "7"}]}
    assert plan.before == {"number": "1001", "role": "Employee", "departments": ["Support"]}
    assert plan.after == {"number": "1001", "role": "Manager", "departments": ["Support", "Sales"]}


def test_keyed_list_update_sends_every_current_entry_with_the_change_merged_in():
    plan = present(FakeAdapter(existing()), presence_list=[{"status": "away", "ring_timeout": 20}])
    assert plan.payload == {"presence_list": [
        {"status": "available", "ring_timeout": 30, "enb_ring_mobile": 0, "in_busy_forward_dest": "ext_vm"},
        {"status": "away", "ring_timeout": 20, "enb_ring_mobile": 0, "in_busy_forward_dest": "ext_vm"},
    ]}
    assert plan.before["presence_list"] == [{"status": "away", "ring_timeout": 30}]
    assert plan.after["presence_list"] == [{"status": "away", "ring_timeout": 20}]


def test_unchanged_keyed_entry_keys_plan_nothing():
    plan = present(FakeAdapter(existing()), presence_list=[{"status": "away", "ring_timeout": 30}])
    assert plan.action is None


def test_nothing_to_change_reports_no_change_and_writes_nothing():
    adapter = FakeAdapter(existing())
    result = run(adapter, first_name="Ann", enb_vm=False, departments=["Support"])
    assert result["changed"] is False
    assert "operation" not in result
    assert result["diff"] == {"before": {"number": "1001", "first_name": "Ann", "enb_vm": False, "departments": ["Support"]},
                              "after": {"number": "1001", "first_name": "Ann", "enb_vm": False, "departments": ["Support"]}}
    assert adapter.client.report() == {"sent": [], "planned": []}


def test_update_diff_shows_before_and_after_of_the_options_set_only():
    result = run(FakeAdapter(existing()), first_name="Bob", enb_vm=True)
    assert result["diff"] == {
        "before": {"number": "1001", "first_name": "Ann", "enb_vm": False},
        "after": {"number": "1001", "first_name": "Bob", "enb_vm": True},
    }
    assert (result["changed"], result["operation"]) == (True, "update")


def test_update_result_is_the_current_object_with_the_payload_applied_and_secrets_masked():
    result = run(FakeAdapter(existing(vm_pin="2468")), first_name="Bob")
    extension = result["extension"]
    assert (extension["first_name"], extension["last_name"], extension["id"]) == ("Bob", "Lee", 42)
    assert extension["reg_password"] == extension["vm_pin"] == SECRET_SHOWN
    assert extension["user_password"] == ""


# ----------------------------------------------------------- update_password
def test_on_create_leaves_secrets_of_existing_objects_alone():
    plan = present(FakeAdapter(existing()), update_password="on_create",
                   user_password="Other-Pass-999", reg_password="Other-Sip-999", first_name="Ann")
    assert plan.action is None
    assert "reg_password" not in plan.before and "reg_password" not in plan.after


def test_always_sends_a_readable_secret_only_when_it_differs():
    same = present(FakeAdapter(existing()), update_password="always", reg_password=REG_PASSWORD)
    assert same.action is None
    assert same.before["reg_password"] == same.after["reg_password"] == SECRET_SHOWN
    changed = present(FakeAdapter(existing()), update_password="always", reg_password="New-Sip-789")
    assert changed.payload == {"reg_password": "New-Sip-789"}
    assert (changed.before["reg_password"], changed.after["reg_password"]) == (SECRET_SHOWN, SECRET_CHANGED)


def test_always_sends_an_unreadable_secret_on_every_run():
    plan = present(FakeAdapter(existing()), update_password="always", user_password=USER_PASSWORD)
    assert plan.payload == {"user_password": USER_PASSWORD}
    assert plan.after["user_password"] == SECRET_CHANGED


def test_ensure_takes_update_password_from_the_params():
    on_create = run(FakeAdapter(existing()), update_password="on_create", user_password=USER_PASSWORD)
    always = run(FakeAdapter(existing()), update_password="always", user_password=USER_PASSWORD)
    assert (on_create["changed"], always["changed"]) == (False, True)


def test_secrets_never_appear_in_the_result():
    result = run(FakeAdapter(), **new_extension(vm_pin="97531"))
    text = repr(result)
    for secret in (USER_PASSWORD, REG_PASSWORD, "97531"):
        assert secret not in text
    changed = run(FakeAdapter(existing()), update_password="always", reg_password="New-Sip-789",
                  user_password=USER_PASSWORD)
    assert "New-Sip-789" not in repr(changed) and USER_PASSWORD not in repr(changed)


# ---------------------------------------------------------------- create_only
def test_changing_a_create_only_field_is_rejected_before_any_write():
    adapter = FakeAdapter(existing(type="IAX"))
    with pytest.raises(InputError) as info:
        run(adapter, type="SIP")
    assert str(info.value) == ("type cannot be changed on an existing extension 1001: "
                               "the PBX holds 'IAX', the task asks for 'SIP'")
    assert adapter.client.report() == {"sent": [], "planned": []}


def test_an_unchanged_create_only_field_is_fine():
    assert present(FakeAdapter(existing()), type="SIP").action is None


# ----------------------------------------------------------------- check mode
@pytest.mark.parametrize("current, params, action, request_line", [
    (None, new_extension(first_name="Ann"), "create", "POST extension/create"),
    (existing(), {"first_name": "Bob"}, "update", "POST extension/update"),
    (existing(), {"state": "absent"}, "delete", "GET extension/delete"),
])
def test_check_mode_plans_the_write_and_sends_none(current, params, action, request_line):
    adapter = FakeAdapter(current)
    result = run(adapter, check_mode=True, **params)
    assert (result["changed"], result["operation"]) == (True, action)
    assert result["api_requests"] == {"sent": [], "planned": [request_line]}


def test_check_mode_reports_the_same_diff_as_a_real_run():
    checked = run(FakeAdapter(existing()), check_mode=True, first_name="Bob")
    applied = run(FakeAdapter(existing()), first_name="Bob")
    assert checked["diff"] == applied["diff"]


# --------------------------------------------------------------------- absent
def test_absent_deletes_an_existing_object():
    adapter = FakeAdapter(existing())
    result = run(adapter, state="absent")
    assert (result["changed"], result["operation"], result["extension"]) == (True, "delete", {})
    assert result["diff"] == {"before": {"number": "1001"}, "after": {}}
    assert adapter.client.sent == ["GET extension/delete"]


def test_absent_with_nothing_there_changes_nothing():
    adapter = FakeAdapter()
    result = run(adapter, state="absent")
    assert (result["changed"], result["extension"]) == (False, {})
    assert adapter.client.report() == {"sent": [], "planned": []}


def test_plan_absent_and_apply_plan_of_nothing():
    plan = plan_absent(FakeAdapter(), {"number": "1001"}, None)
    assert plan.action is None
    assert apply_plan(FakeAdapter(), plan, {"number": "1001"}) is None


# ------------------------------------------------------------------- masking
def test_mask_secrets_masks_set_secrets_and_keeps_empty_ones():
    masked = mask_secrets(EXTENSION, {"reg_password": "x", "user_password": "", "vm_pin": None, "first_name": "Ann"})
    assert masked == {"reg_password": SECRET_SHOWN, "user_password": "", "vm_pin": None, "first_name": "Ann"}
