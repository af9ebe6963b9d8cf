"""Queues' codecs and adapters without a PBX: agent lists, scenarios, survey points, zeros that mean unset,
the agent plan, and pause reasons written as one list by the set-based engine (deferred writes)."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import Reconciler, gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.engine import plan_present
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_queues import (
    QUEUE,
    PauseReasonAdapter,
    QueueAdapter,
    agent_plan,
)

EXTENSIONS = {"1000": 11, "1001": 12, "1002": 13}


class Directory(QueueAdapter):
    def __init__(self):
        super(Directory, self).__init__(None)

    def resolve(self, kind, names, option):
        return [EXTENSIONS[name] for name in names]

    def names(self, kind, ids):
        by_id = dict((ident, number) for number, ident in EXTENSIONS.items())
        return [by_id[ident] for ident in ids]


def current_queue(**changes):
    queue = {"id": 3, "number": "6400", "name": "Support", "ring_strategy": "linear", "moh": "default",
             "fail_dest": "end_call", "fail_dest_prefix": "", "fail_dest_value": "", "key_dest": "end_call",
             "max_calls": 0, "max_pause_miss_call": 0, "enb_leave_empty": 0,
             "static_agent_list": [{"value": "11", "type": "extension", "text2": "1000", "number_value": 3},
                                   {"value": "12", "type": "extension", "text2": "1001", "number_value": 1}],
             "dynamic_agent_list": None, "manager_list": [{"value": "12", "type": "extension"}],
             "satisfaction_survey_point_list": [{"K": "1", "P": 5}]}
    queue.update(changes)
    return queue


def test_agents_compare_in_order_and_a_write_keeps_the_remaining_agents_skill_levels():
    adapter = Directory()
    same = plan_present(adapter, {"number": "6400"}, {"static_agents": ["1000", "1001"]}, current_queue(), "on_create")
    assert same.action is None
    plan = plan_present(adapter, {"number": "6400"}, {"static_agents": ["1001", "1000", "1002"]}, current_queue(),
                        "on_create")
    assert plan.action == "update"
    assert plan.payload == {"static_agent_list": [
        {"value": "12", "type": "extension", "number_value": 1}, {"value": "11", "type": "extension", "number_value": 3},
        {"value": "13", "type": "extension"}]}


def test_managers_compare_as_a_set_and_null_lists_read_as_empty():
    adapter = Directory()
    plan = plan_present(adapter, {"number": "6400"}, {"managers": ["1001"], "dynamic_agents": []}, current_queue(),
                        "on_create")
    assert plan.action is None


def test_scenarios_are_words_read_from_arrays_or_comma_strings_and_default_when_absent():
    field = QUEUE.by_name["leave_empty_scenarios"]
    assert field.canonical_from_api(field.read({"empty_defined_for_leave_empty": "3,1"})) == ("in_use", "unregistered")
    assert field.canonical_from_api(field.read({"empty_defined_for_leave_empty": ["2"]})) == ("paused",)
    assert field.canonical_from_api(field.read({})) == ("paused", "unregistered")
    assert field.payload(("in_use", "paused"), None) == {"empty_defined_for_leave_empty": ["3", "2"]}


def test_survey_points_read_either_case_and_zeros_outside_the_range_read_as_unset():
    gathered = gathered_item(Directory(), current_queue())
    assert gathered["satisfaction_survey_points"] == [{"key": "1", "points": 5}]
    assert "max_calls" not in gathered and "max_pause_miss_call" not in gathered
    assert "leave_empty_scenarios" not in gathered and "key_destination" not in gathered
    assert gathered["static_agents"] == ["1000", "1001"] and gathered["managers"] == ["1001"]


def test_the_surveys_prompt_is_read_under_either_spelling():
    completed = QueueAdapter(None).completed({"satisfy_survey_prompt": "default"})
    assert QUEUE.by_name["satisfaction_survey_prompt"].read(completed) == "default"


STATUS = {"number": "1002", "is_login": 0, "is_pause": 0, "pause_reason": "", "agent_type": "dynamic"}


@pytest.mark.parametrize("status, state, paused, reason, operation", [
    ({}, "logged_in", None, None, ("login", False)),
    ({}, "logged_in", True, ("*01", "Lunch"), ("login", True)),
    ({"is_login": 1}, "logged_in", None, None, None),
    ({"is_login": 1}, "logged_in", False, None, None),
    ({"is_login": 1}, "logged_in", True, ("*01", "Lunch"), ("pause",)),
    ({"is_login": 1, "is_pause": 1, "pause_reason": "Lunch"}, "logged_in", True, ("*01", "Lunch"), None),
    ({"is_login": 1, "is_pause": 1, "pause_reason": "Lunch"}, "logged_in", True, ("*02", "Break"), ("pause",)),
    ({"is_login": 1, "is_pause": 1, "pause_reason": "Lunch"}, "logged_in", True, None, None),
    ({"is_login": 1, "is_pause": 1}, "logged_in", False, None, ("unpause",)),
    ({"is_login": 1, "is_pause": 1}, "logged_out", None, None, ("logout",)),
    ({}, "logged_out", None, None, None),
])
def test_the_agent_plan_changes_only_what_differs(status, state, paused, reason, operation):
    planned, after = agent_plan(dict(STATUS, **status), state, paused, reason)
    assert planned == operation
    assert after["logged_in"] is (state == "logged_in")


class ListClient:
    """The pause reason list in memory; writes recorded (or only planned in check mode)."""

    check_mode = False
    option_name = None

    def __init__(self, reasons, fail=False):
        self.reasons = reasons
        self.sent = []
        self.fail = fail

    def pages(self, endpoint, **params):
        return [dict(item) for item in self.reasons]

    def write(self, method, endpoint, params=None, body=None):
        if self.fail:
            raise PBXError(endpoint, 40003, "DUPLICATE KEY VALUE")
        self.sent.append((method, endpoint, body))


DEFAULTS = [{"code": "*01", "reason": "Lunch"}, {"code": "*02", "reason": "Break"}, {"code": "*03", "reason": "Wrap up"}]


def reconcile(client, declared, state):
    return Reconciler(client, [("queue_pause_reasons", PauseReasonAdapter)], {"queue_pause_reasons": declared}, state,
                      "on_create").validated().apply()


def test_overridden_pause_reasons_create_update_and_delete_in_one_write():
    client = ListClient(DEFAULTS)
    result = reconcile(client, [{"code": "*01", "reason": "Lunch break"}, {"code": "*02", "reason": "Break"},
                                {"code": "*07", "reason": "Training"}], "overridden").result()
    assert client.sent == [("POST", "queue_pause_reason/update", {"pause_reason_list": [
        {"code": "*01", "reason": "Lunch break"}, {"code": "*02", "reason": "Break"},
        {"code": "*07", "reason": "Training"}]})]
    assert result["sections"]["queue_pause_reasons"] == {
        "created": ["pause reason *07"], "updated": ["pause reason *01"], "deleted": ["pause reason *03"],
        "unchanged": 1}


def test_merged_pause_reasons_keep_the_undeclared_and_nothing_to_change_writes_nothing():
    client = ListClient(DEFAULTS)
    reconcile(client, [{"code": "*09", "reason": "Meeting"}], "merged")
    assert client.sent[0][2]["pause_reason_list"][-1] == {"code": "*09", "reason": "Meeting"}
    assert len(client.sent[0][2]["pause_reason_list"]) == 4
    unchanged = ListClient(DEFAULTS)
    reconcile(unchanged, [{"code": "*02", "reason": "Break"}], "merged")
    assert unchanged.sent == []


def test_a_failed_whole_list_write_reports_its_objects_as_not_applied():
    with pytest.raises(Exception) as failure:
        reconcile(ListClient(DEFAULTS, fail=True), [{"code": "*02", "reason": "Pause"}], "merged")
    assert failure.value.applied == [] and failure.value.not_applied == ["updated pause reason *02"]


def test_a_new_pause_reason_needs_its_text():
    with pytest.raises(InputError, match="reason is required to create pause reason"):
        reconcile(ListClient(DEFAULTS), [{"code": "*09"}], "merged")
