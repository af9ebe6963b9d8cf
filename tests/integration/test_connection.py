"""The yeastar httpapi plugin's token lifecycle, proven with the emulator's counters."""

import json
import re
import signal
import threading
import time
import urllib.request

from helpers import REG_PASSWORD, USER_PASSWORD, extension, play, task
from pbxlab import CLIENT_ID, CLIENT_SECRET


def capacity(name="capacity"):
    return task(name, "telephony.pbx.yeastar_info", gather=["capacity"])


def pause(seconds):
    return task("pause", "ansible.builtin.pause", seconds=seconds)


def control(path):
    """A task that calls the emulator's control API from the controller in the middle of a play."""
    return task("control %s" % path, "ansible.builtin.uri", url="{{ emulator_url }}/_emulator/%s" % path,
                method="POST", body_format="json", body={}, _delegate_to="localhost")


def test_one_login_per_run_and_the_token_is_revoked(workspace, pbx):
    run = workspace.playbook(play(capacity("one"), capacity("two"), capacity("three")))
    assert run.rc == 0, run.output
    counters = pbx.wait_for(lambda c: c["active_access_tokens"] == 0)
    assert counters["tokens_issued"] == 1
    assert counters["tokens_revoked"] == 1
    assert counters["active_access_tokens"] == 0


def test_a_play_longer_than_the_token_lifetime_refreshes(workspace, pbx):
    pbx.configure(access_token_ttl=3)
    run = workspace.playbook(play(capacity("one"), pause(3), capacity("two"), pause(3), capacity("three")))
    assert run.rc == 0, run.output
    counters = pbx.counters()
    assert counters["tokens_issued"] == 1
    assert counters["tokens_refreshed"] >= 2
    assert counters["failed_logins"] == 0


def test_expired_and_revoked_tokens_are_recovered_once(workspace, pbx):
    steps = play(capacity("one"), control("expire_tokens"), capacity("two"), control("revoke_tokens"), capacity("three"),
                 vars={"emulator_url": pbx.base_url})
    run = workspace.playbook(steps)
    assert run.rc == 0, run.output
    counters = pbx.counters()
    assert counters["tokens_refreshed"] == 1, "an expired access token is refreshed"
    assert counters["tokens_issued"] == 2, "a revoked token pair needs a new login"
    assert counters["by_endpoint"]["system/capacity"] == 5, "each expired request is resent exactly once"


def test_wrong_secret_fails_after_exactly_one_login(workspace, pbx):
    workspace.write_inventory({"ansible_httpapi_password": "not-the-secret"})
    run = workspace.playbook(play(capacity("one"), capacity("two"), ignore_errors=True), json_output=True)
    message = run.results("one")["msg"]
    assert run.results("two")["failed"] is True, "the next task fails too, without another login"
    assert "refused" in message and "blocks this controller's IP address after 5" in message
    assert "Check ansible_user (Client ID) and ansible_httpapi_password (Client Secret)" in message
    assert "not-the-secret" not in run.output
    counters = pbx.counters()
    assert counters["by_endpoint"]["get_token"] == 1
    assert counters["failed_logins"] == 1
    assert counters["tokens_issued"] == 0
    assert pbx.state()["blocked_ips"] == []


def test_more_runs_in_a_row_than_the_token_cap_never_hit_it(workspace, pbx):
    """The PBX holds 8 valid tokens per application: a run that left its token behind would make the ninth fail."""
    runs = 8 + 2
    looped = play(task("loop", "telephony.pbx.yeastar_info", gather=["capacity"], _loop=[1, 2]))
    for number in range(runs):
        run = workspace.playbook(looped)
        assert run.rc == 0, "run %d: %s" % (number + 1, run.output)
    counters = pbx.wait_for(lambda c: c["active_access_tokens"] == 0)
    assert counters["tokens_issued"] == runs
    assert counters["tokens_revoked"] == runs
    assert counters["active_access_tokens"] == 0


def test_no_secret_or_token_in_verbose_output_or_logs(workspace, pbx, tmp_path):
    log = tmp_path / "ansible.log"
    pbx.configure(access_token_ttl=2)
    run = workspace.playbook(play(extension(vm_pin="908172635"), pause(2), extension(first_name="Again", vm_pin="908172635")),
                             "-vvvv", "--diff",
                             env={"ANSIBLE_LOG_PATH": str(log), "ANSIBLE_PERSISTENT_LOG_MESSAGES": "True"})
    assert run.rc == 0, run.output
    tokens = pbx.state()["issued_tokens"]
    assert len(tokens) >= 4, "a login and a refresh happened"
    text = run.output + log.read_text()
    assert "telephony.pbx: GET /openapi/v1.0/" in text, "the plugin's own request log was captured"
    for secret in [CLIENT_SECRET, USER_PASSWORD, REG_PASSWORD, "908172635"] + tokens:
        assert secret not in text
    assert not re.search(r"access_token=(?!\*)", text)


def test_https_with_the_emulator_certificate(tmp_path):
    from pbxlab import Emulator, Workspace

    emulator = Emulator("--tls")
    certificate = emulator.process.stdout.readline().strip().rsplit(" ", 1)[1]
    space = Workspace(emulator, directory=tmp_path, host_vars={
        "ansible_httpapi_use_ssl": True, "ansible_httpapi_validate_certs": True, "ansible_httpapi_ca_path": certificate})
    try:
        run = space.playbook(play(capacity()), json_output=True)
        assert run.rc == 0, run.output
        assert run.results("capacity")["capacity"]["extension_capacity"] > 0
        space.write_inventory({"ansible_httpapi_use_ssl": True, "ansible_httpapi_validate_certs": True})
        untrusted = space.playbook(play(capacity()), json_output=True)
        assert untrusted.rc != 0
        assert "certificate" in json.dumps(untrusted.data).lower()
    finally:
        emulator.stop()
        space.cleanup()


def test_token_revoked_when_the_play_fails_or_is_interrupted(workspace, pbx):
    failing = play(capacity("one"), task("fail", "ansible.builtin.fail", msg="stop here"), capacity("never"))
    assert workspace.playbook(failing).rc != 0
    assert pbx.wait_for(lambda c: c["active_access_tokens"] == 0)["active_access_tokens"] == 0

    pbx.reset_counters()
    # A module that sleeps, not ansible.builtin.pause, which answers Ctrl-C with a prompt.
    sleeping = task("sleep", "ansible.builtin.wait_for", timeout=60, _delegate_to="localhost")
    running = workspace.start_playbook(play(capacity("one"), sleeping, capacity("never")))
    pbx.wait_for(lambda c: c["by_endpoint"].get("system/capacity") == 1, timeout=30)
    time.sleep(1)
    running.send_signal(signal.SIGINT)
    try:
        running.wait(timeout=30)
    finally:
        running.kill()
    assert "never" not in running.stdout.read()
    counters = pbx.wait_for(lambda c: c["active_access_tokens"] == 0, timeout=5)
    assert counters["tokens_revoked"] == 1, "Ctrl-C revokes the token within seconds, not at the idle timeout"
    assert counters["active_access_tokens"] == 0


def test_base_path_reaches_a_pbx_behind_a_path_prefix(workspace, pbx):
    pbx.control("instances", {"name": "hotel"})
    pbx.control("reset", {}, instance="hotel")
    workspace.write_inventory({"ansible_httpapi_yeastar_base_path": "/pbx/hotel"})
    run = workspace.playbook(play(extension()), json_output=True)
    assert run.rc == 0, run.output
    assert pbx.state()["extensions"] == [], "the default instance was not touched"
    hotel = pbx.control("state", instance="hotel")
    assert [e["number"] for e in hotel["extensions"]] == ["1001"]


def test_five_failed_logins_block_the_address_and_the_message_says_so(workspace, pbx):
    workspace.write_inventory({"ansible_httpapi_password": "not-the-secret"})
    for _attempt in range(5):
        assert workspace.playbook(play(capacity())).rc != 0
    workspace.write_inventory({})
    run = workspace.playbook(play(capacity()), json_output=True)
    message = run.results("capacity")["msg"]
    assert "errcode 70004" in message and "IP Blocklist" in message
    assert pbx.counters()["by_endpoint"]["get_token"] == 6, "each run tried exactly once"


def test_a_token_cap_that_lasts_is_explained(workspace, pbx):
    pbx.configure(max_tokens=1)
    holder = urllib.request.Request(pbx.base_url + "/openapi/v1.0/get_token", method="POST",
                                    data=json.dumps({"username": CLIENT_ID, "password": CLIENT_SECRET}).encode(),
                                    headers={"Content-Type": "application/json", "User-Agent": "another-tool"})
    with urllib.request.urlopen(holder) as answer:
        assert json.loads(answer.read())["errcode"] == 0
    run = workspace.playbook(play(capacity("one"), capacity("two"), ignore_errors=True), json_output=True,
                             env={"ANSIBLE_PERSISTENT_COMMAND_TIMEOUT": "8"})
    message = run.results("one")["msg"]
    assert "8 valid tokens" in message and "30-minute lifetime" in message and "Waited" in message
    assert run.results("one")["api_requests"]["sent"] == []
    assert run.results("two")["failed"] is True
    # The other tool's login, then per task at least two tries with jittered backoff inside the 8 s command
    # timeout (6 s of budget): a full cap is not latched like a refused login, so the second task tries again.
    assert pbx.counters()["by_endpoint"]["get_token"] >= 1 + 2 + 2
    assert pbx.counters()["failed_logins"] == 0


def test_a_fleet_gets_one_token_per_pbx(workspace, pbx):
    names = ["hotel-a", "hotel-b", "hotel-c"]
    hosts = {}
    for name in names:
        pbx.control("instances", {"name": name})
        pbx.control("reset", {}, instance=name)
        pbx.control("config", {"client_id": "id-" + name, "client_secret": "secret-" + name}, instance=name)
        hosts[name] = {"ansible_httpapi_yeastar_base_path": "/pbx/" + name,
                       "ansible_user": "id-" + name, "ansible_httpapi_password": "secret-" + name}
    workspace.write_inventory(hosts=hosts)
    run = workspace.playbook(play(extension(), capacity()), "--forks", "3", json_output=True)
    assert run.rc == 0, run.output
    for name in names:
        assert run.results("extension", host=name)["changed"] is True
        own = pbx.control("counters", instance=name)
        assert own["tokens_issued"] == 1
        assert [e["number"] for e in pbx.control("state", instance=name)["extensions"]] == ["1001"]
    assert pbx.counters()["total"] == 0, "the default instance was not touched"


def test_an_idle_timeout_above_the_wait_between_tasks_keeps_one_token(workspace, pbx):
    """docs/fleet.md: a connection idle longer than ansible_connect_timeout closes, revoking its token, and the
    next task logs in again; raising the timeout in the inventory keeps the one token. The short timeout still
    leaves a module time to start and reach the connection on a busy machine (2 s did not, under ansible-core
    2.19 with a parallel test run), the pause outlasts it."""
    for timeout, tokens in ((10, 2), (60, 1)):
        pbx.reset()
        workspace.write_inventory({"ansible_connect_timeout": timeout})
        run = workspace.playbook(play(capacity("before"), pause(15), capacity("after")))
        assert run.rc == 0, run.output
        assert pbx.counters()["tokens_issued"] == tokens, "ansible_connect_timeout: %d" % timeout


def test_hosts_sharing_one_connection_are_refused_not_mixed_up(workspace, pbx):
    for name in ("hotel-a", "hotel-b"):
        pbx.control("instances", {"name": name})
        pbx.control("reset", {}, instance=name)
    workspace.write_inventory(hosts=dict((name, {"ansible_httpapi_yeastar_base_path": "/pbx/" + name})
                                         for name in ("hotel-a", "hotel-b")))
    run = workspace.playbook(play(extension()), "--forks", "1", json_output=True)
    failed = [name for name in ("hotel-a", "hotel-b") if run.results("extension", host=name).get("failed")]
    assert len(failed) == 1
    assert "share one connection" in run.results("extension", host=failed[0])["msg"]
    created = [name for name in ("hotel-a", "hotel-b") if pbx.control("state", instance=name)["extensions"]]
    assert created == [name for name in ("hotel-a", "hotel-b") if name not in failed], "no PBX got another's extension"


def test_killed_runs_stop_writing_free_their_tokens_and_reruns_converge(workspace, pbx):
    """kill -9 of ansible-playbook leaves workers running in their own process groups (ansible-core 2.21)."""
    from killed_runs import scenario

    pbx.configure(max_tokens=4)
    numbers = scenario(pbx, workspace, runs=4, items=8, killed=2, kill_after=60, kill_once_created=2,
                       rerun_delay=2, tokens_checked_at=(1.5,), progress=lambda line: None)
    assert all(count < 8 for count in numbers["created_by_killed_runs_at_kill"]), numbers
    assert all(writes <= 1 for writes in numbers["writes_after_kill_before_rerun"]), \
        "at most the request in flight lands after the kill: %s" % numbers
    soon = numbers["tokens"]["2s after the kill"]
    assert soon["valid_tokens"] <= soon["runs_still_running"], "the killed runs' tokens are revoked: %s" % numbers
    assert numbers["reruns_succeeded"] == 2, "re-runs wait for the freed token slots: %s" % numbers
    assert numbers["extensions_complete"] == 4, numbers
    assert numbers["tokens"]["5s after the last run ended"]["valid_tokens"] == 0, numbers


def test_a_full_token_cap_is_waited_for_until_a_slot_frees(workspace, pbx):
    pbx.configure(max_tokens=1)
    holder = urllib.request.Request(pbx.base_url + "/openapi/v1.0/get_token", method="POST",
                                    data=json.dumps({"username": CLIENT_ID, "password": CLIENT_SECRET}).encode(),
                                    headers={"Content-Type": "application/json", "User-Agent": "another-job"})
    with urllib.request.urlopen(holder) as answer:
        token = json.loads(answer.read())["access_token"]

    def release_after_our_first_refusal():
        # Timed from our first refused login, not from the start: ansible-playbook may take seconds to get there.
        pbx.wait_for(lambda counters: counters["by_endpoint"].get("get_token", 0) >= 2, timeout=120)
        time.sleep(2)
        urllib.request.urlopen(urllib.request.Request(
            pbx.base_url + "/openapi/v1.0/del_token?access_token=" + token, headers={"User-Agent": "another-job"}))

    release = threading.Thread(target=release_after_our_first_refusal)
    release.start()
    try:
        run = workspace.playbook(play(capacity()), json_output=True)
    finally:
        release.join()
    assert run.rc == 0, run.output
    logins = pbx.counters()["by_endpoint"]["get_token"]
    assert 3 <= logins <= 5, "the holder's login, then ours waiting 1 s, 2 s, ... until the slot freed: %d" % logins
    assert pbx.counters()["failed_logins"] == 0


def test_plain_http_is_warned_about_once(workspace, pbx):
    run = workspace.playbook(play(capacity("one"), capacity("two")), json_output=True)
    assert run.rc == 0, run.output
    assert any("plain HTTP" in warning for warning in run.results("one").get("warnings", []))
    assert not any("plain HTTP" in warning for warning in run.results("two").get("warnings", []))


def test_a_url_where_no_yeastar_api_answers_says_so(workspace, pbx):
    workspace.write_inventory({"ansible_httpapi_yeastar_base_path": "/elsewhere"})
    run = workspace.playbook(play(capacity()), json_output=True)
    message = run.results("capacity")["msg"]
    assert "No Yeastar API answers at http://127.0.0.1:%d/elsewhere/openapi/v1.0/" % pbx.port in message
    assert "HTTP 404" in message and "Client ID" not in message
    assert "Check ansible_host, ansible_httpapi_port, ansible_httpapi_use_ssl and ansible_httpapi_yeastar_base_path" \
        in message
    assert pbx.counters()["failed_logins"] == 0


def test_an_invalid_base_path_is_refused_before_any_request(workspace, pbx):
    workspace.write_inventory({"ansible_httpapi_yeastar_base_path": "/pbx/../admin"})
    run = workspace.playbook(play(capacity()), json_output=True)
    assert "(ansible_httpapi_yeastar_base_path) must be a path such as /pbx/hotel" in run.results("capacity")["msg"]
    assert pbx.counters()["total"] == 0


def test_concurrent_hosts_on_one_connection_never_get_each_others_data(workspace, pbx):
    pbx.control("instances", {"name": "hotel-b"})
    pbx.control("reset", {}, instance="hotel-b")
    workspace.write_inventory(hosts={"hotel-a": {"room": "1001"},
                                     "hotel-b": {"room": "2001", "ansible_httpapi_yeastar_base_path": "/pbx/hotel-b"}})
    run = workspace.playbook(play(extension(number="{{ room }}"), capacity()), "--forks", "5", json_output=True)
    numbers = {"hotel-a": [e["number"] for e in pbx.state()["extensions"]],
               "hotel-b": [e["number"] for e in pbx.control("state", instance="hotel-b")["extensions"]]}
    assert set(numbers["hotel-a"]) <= {"1001"} and set(numbers["hotel-b"]) <= {"2001"}, numbers
    refused = [host for host in ("hotel-a", "hotel-b") if run.results("extension", host=host).get("failed")]
    assert all("share one connection" in run.results("extension", host=host)["msg"] or
               "different PBXes" in run.results("extension", host=host)["msg"] for host in refused)
