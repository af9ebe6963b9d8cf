"""Bad input is rejected before any write, with the field named; PBX errors surface in plain words;
reads survive transient failures, writes are never resent."""

import time

import pytest
from helpers import extension, play, stored_extensions, task


@pytest.mark.parametrize("args, words", [
    ({"colour": "blue"}, "colour"),
    ({"transport": "carrier-pigeon"}, "transport"),
    ({"number": "10a1"}, "number must be digits only"),
    ({"number": "12345678"}, "number must be digits only"),
    ({"reg_password": "short"}, "reg_password must be 8 to 63 characters"),
    ({"user_password": "alllowercase1"}, "user_password must contain digits, uppercase and lowercase"),
    ({"presence_list": [{"status": "away", "ring_timeout": 1}]}, "presence_list[0].ring_timeout must be between 5 and 300"),
])
def test_rejected_before_any_request(workspace, pbx, args, words):
    pbx.reset_counters()
    run = workspace.playbook(play(extension(**args)), json_output=True)
    result = run.results("extension")
    assert result.get("failed") is True
    assert words in result["msg"]
    assert pbx.counters()["total"] == 0, "nothing, not even a login, reaches the PBX"


def test_unknown_department_fails_before_any_write(workspace, pbx):
    pbx.reset_counters()
    run = workspace.playbook(play(extension(departments=["Nowhere"])), json_output=True)
    result = run.results("extension")
    assert result["failed"] is True
    assert "departments: no department 'Nowhere' exists" in result["msg"]
    assert "Yeastar" in result["msg"], "the message lists the departments that exist"
    assert pbx.counters()["writes"] == 0


def test_pbx_error_names_errcode_and_offending_field(workspace, pbx):
    assert workspace.playbook(play(extension(email_addr="shared@example.com"))).rc == 0
    run = workspace.playbook(play(extension(number="1002", email_addr="shared@example.com")), json_output=True)
    result = run.results("extension")
    assert result["failed"] is True
    assert result["error"]["errcode"] == 40003
    assert "email_addr 'shared@example.com' is already used by extension 1001" in result["msg"]


def test_reads_are_retried_on_transient_failures(workspace, pbx):
    assert workspace.playbook(play(extension())).rc == 0
    pbx.fault("extension/search", "http_503", count=2)
    pbx.fault("extension/get", "overloaded", count=1)
    pbx.reset_counters()
    run = workspace.playbook(play(extension()), json_output=True)
    assert run.rc == 0, run.output
    counters = pbx.counters()
    assert counters["by_endpoint"]["extension/search"] == 3
    assert counters["by_endpoint"]["extension/get"] == 2


def test_reads_give_up_after_bounded_retries(workspace, pbx):
    pbx.fault("extension/search", "reset", count=10)
    pbx.reset_counters()
    run = workspace.playbook(play(extension()), json_output=True)
    assert run.results("extension")["failed"] is True
    assert "after 3 retries" in run.results("extension")["msg"]
    assert pbx.counters()["by_endpoint"]["extension/search"] == 4


def test_failed_write_is_not_resent(workspace, pbx):
    pbx.fault("extension/create", "http_500", count=1)
    pbx.reset_counters()
    run = workspace.playbook(play(extension()), json_output=True)
    assert run.results("extension")["failed"] is True
    assert pbx.counters()["by_endpoint"]["extension/create"] == 1
    assert stored_extensions(pbx) == {}


def test_module_defaults_group(workspace, pbx):
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info"),
                                  module_defaults={"group/telephony.pbx.yeastar": {"gather": ["capacity"]}}),
                             json_output=True)
    result = run.results("info")
    assert "capacity" in result and "system" not in result


YAML_TASK = """
- hosts: pbx
  gather_facts: false
  tasks:
    - name: extension
      telephony.pbx.yeastar_extension:
        number: "1001"
        user_password: User-Passw0rd-1
        reg_password: Reg-Passw0rd-1
        departments: [Yeastar]
        %s
"""


@pytest.mark.parametrize("written, words", [
    ("number: 0100", "number must be a string, got the number 64: quote it"),
    ("vm_pin: 0000", "vm_pin must be a string, got the number: quote it"),
    ("caller_id: 0123", "caller_id must be a string, got the number 83"),
    ("first_name: [a, b]", "first_name must be a single string, got a list"),
    ("first_name: {a: 1}", "first_name must be a single string, got a dictionary"),
    ("last_name: no", "last_name must be a string, got the boolean False"),
    ("presence_list: [{status: away, ex_always_forward_num: 0123}]",
     "presence_list[0].ex_always_forward_num must be a string, got the number 83"),
    ("departments: [Yeastar, 7]", "departments[1] must be a string, got the number 7"),
    ("email_addr: not-an-email", "email_addr must be an email address"),
])
def test_yaml_that_changes_a_value_is_refused_before_any_request(workspace, pbx, written, words):
    """YAML 1.1 reads 0100 as octal 64; ansible-core would store "64" without a word."""
    path = workspace.dir / "written.yml"
    # Options replace the defaults above when they repeat a key (YAML keeps the last).
    path.write_text(YAML_TASK % written)
    pbx.reset_counters()
    run = workspace.playbook(str(path), json_output=True)
    result = run.results("extension")
    assert result.get("failed") is True, result
    assert words in result["msg"]
    assert result["api_requests"] == {"sent": [], "planned": []}
    assert pbx.counters()["total"] == 0
    assert stored_extensions(pbx) == {}


def test_a_computed_number_passes_once_made_a_string(workspace, pbx):
    run = workspace.playbook(play(extension(number="{{ (1000 + 1) | string }}")), json_output=True)
    assert run.rc == 0, run.output
    assert list(stored_extensions(pbx)) == ["1001"]


@pytest.mark.parametrize("name, words", [
    ("Sales/EU", "must not contain '/'"),
    (" Sales", "must not start or end with spaces"),
    ("Sales ", "must not start or end with spaces"),
    ("", "must not be empty"),
    (None, "name must not be empty"),
])
def test_department_names_that_could_not_be_referenced_are_refused(workspace, pbx, name, words):
    pbx.reset_counters()
    run = workspace.playbook(play(task("department", "telephony.pbx.yeastar_department", name=name)), json_output=True)
    result = run.results("department")
    assert result.get("failed") is True, result
    assert words in result["msg"]
    assert pbx.counters()["total"] == 0


def test_a_failed_login_lists_no_request_as_sent(workspace, pbx):
    workspace.write_inventory({"ansible_httpapi_password": "not-the-secret"})
    run = workspace.playbook(play(extension()), json_output=True)
    result = run.results("extension")
    assert result["failed"] is True
    assert result["api_requests"]["sent"] == []
    assert pbx.counters()["by_endpoint"] == {"get_token": 1}


def test_an_applied_write_whose_answer_is_lost_is_not_resent_and_a_rerun_converges(workspace, pbx):
    pbx.fault("extension/create", "lost_answer")
    pbx.reset_counters()
    first = workspace.playbook(play(extension(first_name="Lost")), json_output=True)
    result = first.results("extension")
    assert result["failed"] is True
    assert "may or may not have applied it" in result["msg"]
    assert result["api_requests"]["sent"][-1] == "POST extension/create"
    assert pbx.counters()["by_endpoint"]["extension/create"] == 1, "the write was sent once"
    assert stored_extensions(pbx)["1001"]["first_name"] == "Lost", "the PBX applied it"

    second = workspace.playbook(play(extension(first_name="Lost")), json_output=True)
    assert second.rc == 0, second.output
    assert second.results("extension")["changed"] is False
    assert pbx.counters()["by_endpoint"]["extension/create"] == 1


@pytest.mark.parametrize("kind", ["truncated", "garbage"])
def test_truncated_or_garbled_answers_are_retried_for_reads_and_reported_for_writes(workspace, pbx, kind):
    pbx.fault("extension/search", kind)
    pbx.fault("extension/create", kind)
    pbx.reset_counters()
    run = workspace.playbook(play(extension()), json_output=True)
    result = run.results("extension")
    assert result["failed"] is True
    assert "may or may not have applied it" in result["msg"]
    counters = pbx.counters()["by_endpoint"]
    assert counters["extension/search"] == 2, "the read was retried once"
    assert counters["extension/create"] == 1, "the write was not resent"


def test_a_pbx_slower_than_the_command_timeout_fails_in_time(workspace, pbx):
    pbx.control("faults", {"endpoint": "extension/search", "kind": "slow", "seconds": 30, "count": 5})
    started = time.monotonic()
    run = workspace.playbook(play(extension()), json_output=True, env={"ANSIBLE_PERSISTENT_COMMAND_TIMEOUT": "6"})
    assert time.monotonic() - started < 25
    result = run.results("extension")
    assert result["failed"] is True
    assert "did not answer GET" in result["msg"]
    assert stored_extensions(pbx) == {}
