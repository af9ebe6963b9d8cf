"""telephony.pbx.telecomx_group and the telecomx httpapi plugin against the emulator's TelecomX personality:
create, update, idempotent re-run, check mode, diff, delete, token expiry mid-play, wrong password, VIEWER,
refused delete, machine-to-machine token, and no logout."""

import pytest

from helpers import play, task, vendor_api as api
from pbxlab import CLIENT_ID, CLIENT_SECRET, Emulator, Workspace

MODULE = "telephony.pbx.telecomx_group"
TELECOMX = {"ansible_network_os": "telephony.pbx.telecomx"}
EXTENSIONS = [{"number": "101", "name": "Anna"}, {"number": "102", "name": "Ben"}, {"number": "103", "name": "Cleo"}]
SUPPORT = {"name": "Support", "number": "800", "strategy": "sequential", "ring_time": 25,
           "members": ["102", "101"], "controllers": ["103"], "pickup": True, "write_phonebook": True,
           "notes": "Primary support"}


@pytest.fixture(scope="module")
def emulator():
    process = Emulator("--vendor", "telecomx")
    yield process
    process.stop()


@pytest.fixture
def tx(emulator):
    emulator.reset()
    emulator.seed(extensions=EXTENSIONS)
    return emulator


@pytest.fixture
def space(tx, tmp_path):
    workspace = Workspace(tx, directory=tmp_path, host_vars=TELECOMX)
    yield workspace
    workspace.cleanup()


def group(title="support", **args):
    return task(title, MODULE, **dict(SUPPORT, **args))


def stored(emulator):
    """Groups by name, members and controllers as extension numbers."""
    state = emulator.state()
    numbers = dict((e["_id"], e["number"]) for e in state["extensions"])
    return dict((g["name"], dict(g, members=[numbers[i] for i in g["members"]],
                                 controllers=[numbers[i] for i in g["controllers"]])) for g in state["groups"])


def endpoint_counts(emulator):
    return emulator.counters()["by_method_endpoint"]


def test_create_then_idempotent_rerun(space, tx):
    run = space.playbook(play(group()), json_output=True)
    assert run.rc == 0, run.output
    result = run.results("support")
    assert result["changed"] and result["operation"] == "create"
    assert result["api_requests"]["sent"] == ["GET pbx/group", "GET pbx/extension", "POST pbx/group"]
    support = stored(tx)["Support"]
    assert (support["number"], support["strategy"], support["ringTime"], support["members"], support["controllers"],
            support["pickup"], support["writePhonebook"], support["steal"]) == (
        "800", "SEQUENTIAL", 25, ["102", "101"], ["103"], True, True, False)

    tx.reset_counters()
    again = space.playbook(play(group()), json_output=True)
    assert again.rc == 0 and not again.results("support")["changed"], again.output
    counters = tx.counters()
    assert counters["writes"] == 0
    assert counters["by_method_endpoint"] == {"POST auth/login": 1, "GET pbx/group": 1, "GET pbx/extension": 1}


def test_update_sends_only_the_changed_fields_and_diff_shows_them(space, tx):
    assert space.playbook(play(group())).rc == 0
    tx.reset_counters()
    run = space.playbook(play(group(ring_time=30, members=["101", "102", "103"], controllers=["103"])),
                         "--diff", json_output=True)
    result = run.results("support")
    assert result["operation"] == "update", run.output
    assert result["diff"] == {
        "before": {"name": "Support", "number": "800", "strategy": "sequential", "ring_time": 25,
                   "members": ["102", "101"], "controllers": ["103"], "pickup": True, "write_phonebook": True,
                   "notes": "Primary support"},
        "after": {"name": "Support", "number": "800", "strategy": "sequential", "ring_time": 30,
                  "members": ["101", "102", "103"], "controllers": ["103"], "pickup": True, "write_phonebook": True,
                  "notes": "Primary support"}}
    assert sorted(result["group"]) and set(result["group"]) >= {"ringTime", "members"}
    assert tx.counters()["writes"] == 1
    support = stored(tx)["Support"]
    assert (support["ringTime"], support["members"], support["notes"]) == (30, ["101", "102", "103"],
                                                                           "Primary support")


def test_check_mode_sends_no_write_and_reports_the_change(space, tx):
    assert space.playbook(play(group())).rc == 0
    tx.reset_counters()
    run = space.playbook(play(group(number="", strategy="all"), group("new", name="Sales", number="810")),
                         "--check", "--diff", json_output=True)
    assert run.rc == 0, run.output
    update, create = run.results("support"), run.results("new")
    assert update["changed"] and update["api_requests"]["planned"] == ["POST pbx/group/%s" % stored(tx)["Support"]["_id"]]
    assert update["diff"]["before"]["number"] == "800" and update["diff"]["after"]["number"] == ""
    assert create["changed"] and create["api_requests"]["planned"] == ["POST pbx/group"]
    assert tx.counters()["writes"] == 0
    assert stored(tx)["Support"]["number"] == "800" and "Sales" not in stored(tx)


def test_delete_and_delete_again(space, tx):
    assert space.playbook(play(group())).rc == 0
    run = space.playbook(play(task("gone", MODULE, name="Support", state="absent"),
                              task("gone again", MODULE, name="Support", state="absent")), json_output=True)
    assert run.rc == 0, run.output
    assert run.results("gone")["operation"] == "delete" and not run.results("gone again")["changed"]
    assert stored(tx) == {}


def test_a_refused_delete_names_what_points_at_the_group(space, tx):
    tx.seed(groups=[{"name": "Support", "number": "800"}],
            other_items=[{"type": "MENU", "name": "Main menu", "number": "500", "gotos": ["800"]}])
    run = space.playbook(play(task("gone", MODULE, name="Support", state="absent")), json_output=True)
    result = run.results("gone")
    assert run.rc != 0 and result["failed"]
    assert "It is still the destination of: MENU 'Main menu' (number 500). Point those elsewhere first" in result["msg"]
    assert (result["error"]["errcode"], result["error"]["http_status"]) == ("in_use", 409)
    assert "Support" in stored(tx)


def test_timeout_goto_by_number(space, tx):
    run = space.playbook(play(group(), task("overflow", MODULE, name="Overflow", number="801", members=["103"]),
                              group("timeout", timeout_goto="801"), group("timeout again", timeout_goto="801")),
                         json_output=True)
    assert run.rc == 0, run.output
    groups = stored(tx)
    assert groups["Support"]["timeoutGoto"] == groups["Overflow"]["_id"]
    assert not run.results("timeout again")["changed"]


def test_the_token_expiring_mid_play_means_one_new_login(space, tx):
    expire = task("expire", "ansible.builtin.uri", url=tx.base_url + "/_emulator/expire_tokens", method="POST",
                  body_format="json", body={}, _delegate_to="localhost", _vars={"ansible_connection": "local"})
    run = space.playbook(play(group(), expire, group("update", ring_time=40)), json_output=True)
    assert run.rc == 0, run.output
    assert run.results("update")["operation"] == "update"
    counters = tx.counters()
    assert counters["tokens_issued"] == 2 and counters["by_method_endpoint"]["POST auth/login"] == 2
    assert stored(tx)["Support"]["ringTime"] == 40


def test_a_wrong_password_fails_once_and_is_never_retried(space, tx):
    space.write_inventory(dict(TELECOMX, ansible_httpapi_password="wrong-password"))
    run = space.playbook(play(dict(group(), ignore_errors=True), group("second")), json_output=True)
    assert run.rc != 0
    message = run.results("support")["msg"]
    assert "Login (/auth/login) as 'emulator-client-id' was refused by TelecomX" in message
    assert "HTTP 401 credentials_invalid" in message and "not retried" in message
    assert "wrong-password" not in run.output
    assert tx.counters()["failed_logins"] == 1 and tx.counters()["total"] == 1


def test_a_viewer_is_told_its_access_level_does_not_allow_changes(space, tx):
    tx.seed(employees=[{"username": "viewer@example.com", "password": "View-Passw0rd", "accessLevel": "VIEWER"}])
    space.write_inventory(dict(TELECOMX, ansible_user="viewer@example.com", ansible_httpapi_password="View-Passw0rd"))
    run = space.playbook(play(group()), json_output=True)
    result = run.results("support")
    assert result["failed"] and (result["error"]["errcode"], result["error"]["http_status"]) == ("access_denied", 403)
    assert "a VIEWER reads only; changes need a MANAGER or OWNER" in result["msg"]
    assert stored(tx) == {}


def test_a_machine_to_machine_token_needs_no_login_and_the_bearer_header_carries_it(space, tx):
    login = api(tx, "POST", "/auth/login", {"username": CLIENT_ID, "password": CLIENT_SECRET})
    token = api(tx, "POST", "/employee/%s/token" % login["employee"], {}, token=login["token"])["token"]
    space.write_inventory(dict(TELECOMX, ansible_user="nobody@example.com", ansible_httpapi_password="not-used",
                               ansible_httpapi_telecomx_m2m_token=token,
                               ansible_httpapi_telecomx_token_transport="header",
                               ansible_httpapi_log_requests=True))
    tx.reset_counters()
    log = space.dir / "ansible.log"
    run = space.playbook(play(group(), group("again")), json_output=True, env={"ANSIBLE_LOG_PATH": str(log)})
    assert run.rc == 0 and not run.results("again")["changed"], run.output
    counters = tx.counters()
    assert "POST auth/login" not in counters["by_method_endpoint"] and counters["failed_logins"] == 0
    assert "Support" in stored(tx)
    text = log.read_text()
    assert "GET /pbx/group?offset=0" in text and "token=" not in text, "the token travelled in the query"
    assert not any(issued in text + run.output for issued in tx.state()["issued_tokens"])


def test_logout_is_never_called_by_default(space, tx):
    run = space.playbook(play(group()), json_output=True)
    assert run.rc == 0, run.output
    counters = tx.wait_for(lambda c: "GET auth/logout" in c["by_method_endpoint"], timeout=3)
    assert "GET auth/logout" not in counters["by_method_endpoint"] and counters["tokens_revoked"] == 0
    assert counters["active_access_tokens"] == 1


def test_logout_when_asked(space, tx):
    space.write_inventory(dict(TELECOMX, ansible_httpapi_telecomx_logout=True))
    assert space.playbook(play(group())).rc == 0
    counters = tx.wait_for(lambda c: "GET auth/logout" in c["by_method_endpoint"])
    assert counters["by_method_endpoint"]["GET auth/logout"] == 1 and counters["active_access_tokens"] == 0
