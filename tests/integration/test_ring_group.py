"""yeastar_ring_group and the ring_groups section of yeastar_config against the emulator: create, update,
no-op re-run, check mode, diff, delete, missing references, deleting what is still referenced, round trip."""

from helpers import REG_PASSWORD, USER_PASSWORD, play, task

MODULE = "telephony.pbx.yeastar_ring_group"


def seed_desk(pbx, numbers=("1000", "1001", "1002")):
    root = [d for d in pbx.state()["departments"] if not d["parent_id"]][0]["id"]
    pbx.seed(custom_prompts=["welcome.wav"], extensions=[
        {"number": number, "type": "SIP", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
         "reg_name": number, "presence_status": "available", "organization_list": [{"value": str(root)}]}
        for number in numbers])


def ring_group(title="ring group", **args):
    options = {"number": "6300", "name": "Front desk", "ring_strategy": "sequentially", "members": ["1000", "1001"],
               "fail_destination": {"type": "ext_vm", "number": "1000"}}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, number="6300"):
    groups = [group for group in pbx.state()["ring_groups"] if group["number"] == number]
    return groups[0] if groups else None


def extension_ids(pbx):
    return dict((e["number"], e["id"]) for e in pbx.state()["extensions"])


def test_create_update_rerun_and_delete(workspace, pbx):
    seed_desk(pbx)
    created = workspace.playbook(play(ring_group()), "--diff", json_output=True)
    assert created.rc == 0, created.output
    result = created.results("ring group")
    assert (result["changed"], result["operation"]) == (True, "create")
    assert result["diff"]["after"]["members"] == ["1000", "1001"]
    group = stored(pbx)
    ids = extension_ids(pbx)
    assert [int(m["value"]) for m in group["member_list"]] == [ids["1000"], ids["1001"]]
    assert (group["fail_dest"], group["fail_dest_value"], group["ring_timeout"]) == ("ext_vm", str(ids["1000"]), 30)

    pbx.reset_counters()
    again = workspace.playbook(play(ring_group()), json_output=True)
    assert again.results("ring group")["changed"] is False
    assert pbx.counters()["writes"] == 0

    reordered = workspace.playbook(play(ring_group(members=["1001", "1000"], fail_destination={
        "type": "external_num", "number": "5551234", "prefix": "9"})), "--diff", json_output=True)
    result = reordered.results("ring group")
    assert result["operation"] == "update", "member order is compared"
    assert result["diff"]["before"]["members"] == ["1000", "1001"] and result["diff"]["after"]["members"] == ["1001", "1000"]
    group = stored(pbx)
    assert [int(m["value"]) for m in group["member_list"]] == [ids["1001"], ids["1000"]]
    assert (group["fail_dest"], group["fail_dest_prefix"], group["fail_dest_value"]) == ("external_num", "9", "5551234")
    assert group["name"] == "Front desk", "options not given are kept"

    deleted = workspace.playbook(play(task("ring group", MODULE, number="6300", state="absent")), json_output=True)
    assert deleted.results("ring group")["changed"] is True and stored(pbx) is None


def test_check_mode_sends_no_write_and_reports_the_change(workspace, pbx):
    seed_desk(pbx)
    checked = workspace.playbook(play(ring_group()), "--check", "--diff", json_output=True)
    result = checked.results("ring group")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST ringgroup/create"])
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None


def test_missing_references_fail_before_any_write(workspace, pbx):
    seed_desk(pbx)
    run = workspace.playbook(play(ring_group(members=["1000", "1999"], _ignore_errors=True),
                                  ring_group("to a queue", fail_destination={"type": "queue", "number": "6400"},
                                             _ignore_errors=True),
                                  ring_group("twice", members=["1000", "1000"], _ignore_errors=True),
                                  ring_group("without number", fail_destination={"type": "queue"}, _ignore_errors=True)),
                             json_output=True)
    assert "members: no extension numbered '1999' exists" in run.results("ring group")["msg"]
    assert "fail_destination.number: no queue numbered '6400' exists" in run.results("to a queue")["msg"]
    assert "members lists 1000 more than once" in run.results("twice")["msg"]
    assert "fail_destination of type queue needs number" in run.results("without number")["msg"]
    assert pbx.counters()["writes"] == 0


def test_a_ring_group_section_refers_to_extensions_created_in_the_same_task(workspace, pbx):
    root_config = {
        "departments": [{"name": "Desk"}],
        "extensions": [{"number": number, "departments": ["Desk"], "user_password": USER_PASSWORD,
                        "reg_password": REG_PASSWORD} for number in ("2000", "2001")],
        "ring_groups": [
            {"number": "6301", "name": "Overflow", "ring_strategy": "ring_all", "members": ["2001"]},
            {"number": "6300", "name": "Desk", "ring_strategy": "memory_hunt", "ring_timeout": 15,
             "members": ["2000", "2001"], "fail_destination": {"type": "ring_group", "number": "6301"},
             "no_agent_online_destination": {"type": "play_greeting", "prompt": "welcome.wav", "repeat": 2}},
        ],
    }
    pbx.seed(custom_prompts=["welcome.wav"])
    first = workspace.playbook(play(task("config", "telephony.pbx.yeastar_config", config=root_config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["ring_groups"]["created"] == ["ring group 6301", "ring group 6300"]
    desk = stored(pbx)
    assert (desk["fail_dest"], desk["fail_dest_value"]) == ("ring_group", str(stored(pbx, "6301")["id"]))
    assert (desk["no_agent_online_dest"], desk["no_agent_online_value"], desk["no_agent_online_prefix"]) == \
        ("play_greeting", "welcome.wav", "2")

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", "telephony.pbx.yeastar_config", state="gathered", _register="live"),
        task("back", "telephony.pbx.yeastar_config", state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]["ring_groups"]
    assert gathered[0] == {"number": "6300", "name": "Desk", "ring_strategy": "memory_hunt", "ring_timeout": 15,
                           "members": ["2000", "2001"], "fail_destination": {"type": "ring_group", "number": "6301"},
                           "no_agent_online_destination": {"type": "play_greeting", "prompt": "welcome.wav",
                                                           "repeat": 2}}
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0


def test_deleting_what_a_ring_group_still_refers_to_is_refused_naming_it(workspace, pbx):
    seed_desk(pbx)
    workspace.playbook(play(ring_group()))
    pbx.reset_counters()
    refused = workspace.playbook(play(task("config", "telephony.pbx.yeastar_config", state="deleted",
                                           config={"extensions": [{"number": "1001"}]})), json_output=True)
    result = refused.results("config")
    assert result["failed"] is True
    assert "extension 1001 is still referenced by 1 (ring group 6300)" in result["msg"]
    assert pbx.counters()["writes"] == 0 and "1001" in extension_ids(pbx)

    together = workspace.playbook(play(task("config", "telephony.pbx.yeastar_config", state="deleted",
                                            config={"ring_groups": [{"number": "6300"}],
                                                    "extensions": [{"number": "1001"}]})), json_output=True)
    assert together.rc == 0, together.output
    assert stored(pbx) is None and "1001" not in extension_ids(pbx), "the ring group goes first, then the extension"


def test_info_lists_every_ring_group_with_its_details(workspace, pbx):
    seed_desk(pbx)
    workspace.playbook(play(ring_group(), ring_group("second", number="6301", members=["1002"])))
    pbx.reset_counters()
    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["ring_groups"])), json_output=True)
    groups = info.results("info")["ring_groups"]
    assert [(group["number"], len(group["member_list"])) for group in groups] == [("6300", 2), ("6301", 1)]
    assert pbx.counters()["by_endpoint"].get("ringgroup/get", 0) == 0, "details come from batched queries"
