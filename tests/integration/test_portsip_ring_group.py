"""portsip_ring_group over the telephony.pbx.portsip connection against the PortSIP emulator: create, update,
idempotent re-run, check mode without writes, diff, delete, token expiry mid-play, a wrong password that fails
once, two-factor accounts refused, PBX errors with their fields named."""

import pytest
from helpers import play, task
from pbxlab import Emulator, Workspace

MODULE = "telephony.pbx.portsip_ring_group"
PORTSIP = {"ansible_network_os": "telephony.pbx.portsip"}
USERS = [{"extension_number": number, "display_name": "Agent %s" % number} for number in ("101", "102", "103")]


@pytest.fixture(scope="module")
def portsip_emulator():
    process = Emulator("--vendor", "portsip")
    yield process
    process.stop()


@pytest.fixture
def portsip(portsip_emulator):
    portsip_emulator.reset()
    portsip_emulator.seed(users=USERS)
    return portsip_emulator


@pytest.fixture
def space(portsip, tmp_path):
    workspace = Workspace(portsip, directory=tmp_path, host_vars=PORTSIP)
    yield workspace
    workspace.cleanup()


def sales(title="sales", **args):
    options = {"extension_number": "600", "name": "Sales", "ring_strategy": "PRIORITIZED_HUNT", "ring_time": 25,
               "members": [{"extension": "101"}, {"extension": "102", "skill_level": 2}],
               "no_answer_forward_rule": {"action": "FORWARD_TO_VOICEMAIL"}}
    options.update(args)
    return task(title, MODULE, **options)


def stored(portsip, number="600"):
    found = [group for group in portsip.state()["ring_groups"] if group["extension_number"] == number]
    return found[0] if found else None


def writes(counters):
    return dict((key, count) for key, count in counters["by_method_endpoint"].items()
                if key.startswith("POST") and "auth/" not in key)


def test_create_rerun_update_and_delete(space, portsip):
    created = space.playbook(play(sales()), "--diff", json_output=True)
    result = created.results("sales")
    assert (result["changed"], result["operation"]) == (True, "create"), created.output
    group = stored(portsip)
    assert (group["name"], group["ring_time"], group["ring_strategy"]) == ("Sales", 25, "PRIORITIZED_HUNT")
    assert group["no_answer_forward_rule"] == {"action": "FORWARD_TO_VOICEMAIL", "number": None}
    assert group["agents"] == [{"extension_number": "101", "skill_level": 1},
                               {"extension_number": "102", "skill_level": 2}]
    assert result["diff"]["after"]["members"] == [{"extension": "101", "skill_level": 1},
                                                  {"extension": "102", "skill_level": 2}]

    portsip.reset_counters()
    again = space.playbook(play(sales()), json_output=True)
    assert again.results("sales")["changed"] is False
    counters = portsip.counters()
    assert counters["writes"] == 0
    assert counters["by_method_endpoint"] == {"POST auth/sign_in": 1, "GET ring_groups": 1, "GET ring_groups/{id}": 1,
                                              "GET ring_groups/{id}/agents": 1, "POST auth/sign_out": 1}

    portsip.reset_counters()
    renamed = space.playbook(play(sales(name="Sales team")), "--diff", json_output=True)
    result = renamed.results("sales")
    assert result["operation"] == "update"
    assert (result["diff"]["before"]["name"], result["diff"]["after"]["name"]) == ("Sales", "Sales team")
    assert writes(portsip.counters()) == {"POST ring_groups/{id}": 1}, "members unchanged: agents not written"
    assert stored(portsip)["name"] == "Sales team" and stored(portsip)["ring_time"] == 25

    portsip.reset_counters()
    regrouped = space.playbook(play(sales(name="Sales team", members=[{"extension": "103"}, {"extension": "101"}])), json_output=True)
    assert regrouped.results("sales")["changed"] is True
    assert writes(portsip.counters()) == {"POST ring_groups/{id}/agents": 1}, "only the members changed"
    assert [a["extension_number"] for a in stored(portsip)["agents"]] == ["103", "101"]

    deleted = space.playbook(play(task("gone", MODULE, extension_number="600", state="absent")), json_output=True)
    assert deleted.results("gone")["operation"] == "delete" and stored(portsip) is None
    gone_again = space.playbook(play(task("gone", MODULE, extension_number="600", state="absent")), json_output=True)
    assert gone_again.results("gone")["changed"] is False


def test_check_mode_and_diff_send_no_write(space, portsip):
    checked = space.playbook(play(sales()), "--check", "--diff", json_output=True)
    result = checked.results("sales")
    assert result["changed"] is True
    assert result["api_requests"]["planned"] == ["POST ring_groups", "POST ring_groups/(new)/agents"]
    assert portsip.counters()["writes"] == 0 and stored(portsip) is None
    assert "Sales" in checked.output

    space.playbook(play(sales()))
    portsip.reset_counters()
    update = space.playbook(play(sales(ring_time=40)), "--check", "--diff", json_output=True)
    result = update.results("sales")
    assert result["changed"] is True and result["diff"]["before"]["ring_time"] == 25
    assert result["diff"]["after"]["ring_time"] == 40
    assert portsip.counters()["writes"] == 0 and stored(portsip)["ring_time"] == 25


def test_the_number_is_never_sent_on_update(space, portsip):
    space.playbook(play(sales()))
    portsip.reset_counters()
    space.playbook(play(sales(skip_busy_member=False, outbound_caller_ids=[
        {"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYw", "caller_id": "5550100"}])))
    group = stored(portsip)
    assert group["skip_busy_member"] is False
    assert group["outbound_caller_ids"] == [{"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYw", "caller_id": "5550100",
                                             "description": ""}]
    assert writes(portsip.counters()) == {"POST ring_groups/{id}": 1}, "the emulator refuses extension_number there"


def test_token_expiry_mid_play_refreshes_once_and_resends(space, portsip):
    expire_tokens = {"url": portsip.base_url + "/_emulator/expire_tokens", "method": "POST", "body_format": "json",
                     "body": {}}
    expire = {"name": "expire", "ansible.builtin.uri": expire_tokens, "delegate_to": "localhost"}
    run = space.playbook(play(sales(), expire, sales("support", extension_number="601", name="Support")),
                         json_output=True)
    assert run.rc == 0, run.output
    counters = portsip.counters()
    assert (counters["tokens_issued"], counters["tokens_refreshed"], counters["failed_logins"]) == (1, 1, 0)
    assert counters["by_method_endpoint"]["POST auth/refresh_token"] == 1
    assert stored(portsip, "601")["name"] == "Support"


def test_wrong_password_fails_once_without_retry(space, portsip):
    space.write_inventory(dict(PORTSIP, ansible_httpapi_password="wrong-password"))
    run = space.playbook(play(sales()), json_output=True)
    assert run.rc != 0
    message = run.results("sales")["msg"]
    assert "Sign-in as 'emulator-client-id' was refused" in message and "not retried" in message
    assert "wrong-password" not in run.output
    counters = portsip.counters()
    assert (counters["failed_logins"], counters["total"]) == (1, 1)


def test_two_factor_account_is_refused_with_a_clear_message(space, portsip):
    portsip.seed(accounts=[{"username": "ops", "password": "Ops-Passw0rd", "domain": "sip.example.com",
                            "two_factor": True}])
    space.write_inventory(dict(PORTSIP, ansible_user="ops", ansible_httpapi_password="Ops-Passw0rd",
                               ansible_httpapi_portsip_domain="sip.example.com"))
    run = space.playbook(play(sales()), json_output=True)
    assert "automation needs a PortSIP account without two-factor sign-in" in run.results("sales")["msg"]
    assert portsip.counters()["total"] == 1


def test_pbx_errors_name_the_option(space, portsip):
    run = space.playbook(play(sales(members=[{"extension": "999"}], _ignore_errors=True),
                              sales("bad number", extension_number="12", _ignore_errors=True)), json_output=True)
    result = run.results("sales")
    assert result["error"]["errcode"] == "VALIDATE_FAILED" and result["error"]["http_status"] == 400
    assert result["error"]["invalid"][0]["field"] == "members[0].extension_number (API field items[0].extension_number)"
    assert "no user has extension number '999'" in result["msg"]
    assert "extension_number must be 3 to 64 digits" in run.results("bad number")["msg"]
