"""playbooks/call_center.yml against the emulator: a call center in one yeastar_config task, built end to end,
then re-run with changed=0 and no write; the request counts are the ones the call-flow issue asks for."""

from helpers import REG_PASSWORD, USER_PASSWORD
from pbxlab import ROOT

PLAYBOOK = str(ROOT / "playbooks" / "call_center.yml")
SECRETS = {"extension_defaults": {"user_password": USER_PASSWORD, "reg_password": REG_PASSWORD}}


def test_call_center_is_built_in_one_task_and_a_rerun_changes_nothing(workspace, pbx):
    workspace.write_inventory(host_vars={"pbx_secrets": SECRETS})
    first = workspace.playbook(PLAYBOOK, json_output=True)
    assert first.rc == 0, first.output
    built = first.results("Agents, ring group, queue and IVR in one task")
    assert sorted(built["sections"]["extensions"]["created"]) == ["extension %s" % n for n in range(3000, 3005)]
    assert [built["sections"][name]["created"] for name in ("ring_groups", "queues", "ivrs")] == [
        ["ring group 6300"], ["queue 6400"], ["IVR 6200"]]
    state = pbx.state()
    ids = dict((e["number"], e["id"]) for e in state["extensions"])
    queue = state["queues"][0]
    ivr = state["ivrs"][0]
    ring_group = state["ring_groups"][0]
    assert (queue["fail_dest"], queue["fail_dest_value"]) == ("ring_group", str(ring_group["id"]))
    assert (ivr["press1_dest"], ivr["press1_dest_value"]) == ("ring_group", str(ring_group["id"]))
    assert (ivr["press2_dest"], ivr["press2_dest_value"]) == ("queue", str(queue["id"]))
    assert (ivr["press0_dest"], ivr["press0_dest_value"]) == ("extension", str(ids["3000"]))
    first_requests = pbx.counters()["total"]

    pbx.reset_counters()
    second = workspace.playbook(PLAYBOOK, json_output=True)
    assert second.rc == 0, second.output
    assert second.stats()["changed"] == 0
    assert pbx.counters()["writes"] == 0
    print("call_center.yml requests: first run %d, second run %d (%s)" % (
        first_requests, pbx.counters()["total"], pbx.counters()["by_endpoint"]))
    assert pbx.counters()["total"] <= 11, "1 token, 1 tree, list + query per section, 1 revocation: %s" % pbx.counters()["by_endpoint"]
