"""yeastar_queue, yeastar_queue_pause_reasons, yeastar_queue_agent and the queues and queue_pause_reasons
sections of yeastar_config against the emulator: create, update, no-op re-run, check mode, diff, delete,
missing references, deleting what is still referenced, round trip, whole-list pause reasons, agent state."""

from helpers import REG_PASSWORD, USER_PASSWORD, play, task

MODULE = "telephony.pbx.yeastar_queue"
REASONS = "telephony.pbx.yeastar_queue_pause_reasons"
AGENT = "telephony.pbx.yeastar_queue_agent"
CONFIG = "telephony.pbx.yeastar_config"


def seed_desk(pbx, numbers=("1000", "1001", "1002", "1003")):
    root = [d for d in pbx.state()["departments"] if not d["parent_id"]][0]["id"]
    pbx.seed(custom_prompts=["welcome.wav", "closed.wav"], extensions=[
        {"number": number, "type": "SIP", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
         "reg_name": number, "presence_status": "available", "organization_list": [{"value": str(root)}]}
        for number in numbers])


def queue(title="queue", **args):
    options = {"number": "6400", "name": "Support", "ring_strategy": "linear", "static_agents": ["1000", "1001"],
               "dynamic_agents": ["1002"], "managers": ["1001", "1000"],
               "fail_destination": {"type": "ext_vm", "number": "1000"}}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, number="6400"):
    queues = [item for item in pbx.state()["queues"] if item["number"] == number]
    return queues[0] if queues else None


def extension_ids(pbx):
    return dict((e["number"], e["id"]) for e in pbx.state()["extensions"])


def member_ids(stored_queue, name):
    return [int(member["value"]) for member in stored_queue.get(name) or []]


def test_create_update_rerun_and_delete(workspace, pbx):
    seed_desk(pbx)
    created = workspace.playbook(play(queue(max_wait_time=300, join_prompt="welcome.wav", press_key="0",
                                            key_destination={"type": "play_greeting", "prompt": "closed.wav",
                                                             "repeat": 2},
                                            leave_empty_scenarios=["in_use", "unregistered"], enb_leave_empty=True,
                                            satisfaction_survey_points=[{"key": "1", "points": 5},
                                                                        {"key": "*", "points": -3}])),
                                 "--diff", json_output=True)
    assert created.rc == 0, created.output
    result = created.results("queue")
    assert (result["changed"], result["operation"]) == (True, "create")
    assert result["diff"]["after"]["static_agents"] == ["1000", "1001"]
    ids = extension_ids(pbx)
    stored_queue = stored(pbx)
    assert member_ids(stored_queue, "static_agent_list") == [ids["1000"], ids["1001"]]
    assert member_ids(stored_queue, "dynamic_agent_list") == [ids["1002"]]
    assert sorted(member_ids(stored_queue, "manager_list")) == sorted([ids["1000"], ids["1001"]])
    assert (stored_queue["fail_dest"], stored_queue["fail_dest_value"]) == ("ext_vm", str(ids["1000"]))
    assert (stored_queue["key_dest"], stored_queue["key_dest_value"], stored_queue["key_dest_prefix"]) == \
        ("play_greeting", "closed.wav", "2")
    assert sorted(stored_queue["empty_defined_for_leave_empty"]) == ["1", "3"]

    pbx.reset_counters()
    again = workspace.playbook(play(queue(max_wait_time=300, join_prompt="welcome.wav", press_key="0",
                                          key_destination={"type": "play_greeting", "prompt": "closed.wav",
                                                           "repeat": 2},
                                          leave_empty_scenarios=["unregistered", "in_use"], enb_leave_empty=True,
                                          satisfaction_survey_points=[{"key": "*", "points": -3},
                                                                      {"key": "1", "points": 5}],
                                          managers=["1000", "1001"])), json_output=True)
    assert again.results("queue")["changed"] is False, "managers, scenarios and survey points compare as sets"
    assert pbx.counters()["writes"] == 0

    reordered = workspace.playbook(play(queue(static_agents=["1001", "1000"], fail_destination={
        "type": "external_num", "number": "5551234", "prefix": "9"})), "--diff", json_output=True)
    result = reordered.results("queue")
    assert result["operation"] == "update", "agent order is compared"
    assert result["diff"]["before"]["static_agents"] == ["1000", "1001"]
    assert result["diff"]["after"]["static_agents"] == ["1001", "1000"]
    stored_queue = stored(pbx)
    assert member_ids(stored_queue, "static_agent_list") == [ids["1001"], ids["1000"]]
    assert (stored_queue["fail_dest"], stored_queue["fail_dest_prefix"], stored_queue["fail_dest_value"]) == \
        ("external_num", "9", "5551234")
    assert stored_queue["max_wait_time"] == 300 and stored_queue["join_prompt"] == "welcome.wav", \
        "options not given are kept"

    deleted = workspace.playbook(play(task("queue", MODULE, number="6400", state="absent")), json_output=True)
    assert deleted.results("queue")["changed"] is True and stored(pbx) is None


def test_check_mode_sends_no_write_and_reports_the_change(workspace, pbx):
    seed_desk(pbx)
    checked = workspace.playbook(play(queue()), "--check", "--diff", json_output=True)
    result = checked.results("queue")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST queue/create"])
    assert result["diff"]["after"]["dynamic_agents"] == ["1002"]
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None


def test_missing_references_fail_before_any_write(workspace, pbx):
    seed_desk(pbx)
    run = workspace.playbook(play(queue(static_agents=["1000", "1999"], _ignore_errors=True),
                                  queue("to a ring group", fail_destination={"type": "ring_group", "number": "6300"},
                                        _ignore_errors=True),
                                  queue("twice", dynamic_agents=["1002", "1002"], _ignore_errors=True),
                                  task("no strategy", MODULE, number="6400", name="Support",
                                       fail_destination={"type": "end_call"}, _ignore_errors=True)),
                             json_output=True)
    assert "static_agents: no extension numbered '1999' exists" in run.results("queue")["msg"]
    assert "fail_destination.number: no ring group numbered '6300' exists" in run.results("to a ring group")["msg"]
    assert "dynamic_agents lists 1002 more than once" in run.results("twice")["msg"]
    assert "ring_strategy is required to create queue 6400" in run.results("no strategy")["msg"]
    assert pbx.counters()["writes"] == 0


def test_a_queue_section_refers_to_objects_created_in_the_same_task_and_round_trips(workspace, pbx):
    config = {
        "departments": [{"name": "Desk"}],
        "extensions": [{"number": number, "departments": ["Desk"], "user_password": USER_PASSWORD,
                        "reg_password": REG_PASSWORD} for number in ("2000", "2001", "2002")],
        "ring_groups": [{"number": "6300", "name": "Overflow", "ring_strategy": "ring_all", "members": ["2001"]}],
        "queues": [
            {"number": "6400", "name": "Sales", "ring_strategy": "rrmemory", "static_agents": ["2000"],
             "dynamic_agents": ["2001", "2002"], "fail_destination": {"type": "queue", "number": "6401"},
             "press_key": "9", "key_destination": {"type": "ring_group", "number": "6300"}},
            {"number": "6401", "name": "Back office", "ring_strategy": "ring_all", "static_agents": ["2002"],
             "fail_destination": {"type": "ext_vm", "number": "2002"}},
        ],
        "queue_pause_reasons": [{"code": "*01", "reason": "Lunch"}, {"code": "*02", "reason": "Break"},
                                {"code": "*09", "reason": "Training"}],
    }
    pbx.seed(custom_prompts=["welcome.wav"])
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["queues"]["created"] == ["queue 6401", "queue 6400"]
    assert pbx.counters()["by_endpoint"]["queue_pause_reason/update"] == 1
    sales = stored(pbx)
    assert (sales["fail_dest"], sales["fail_dest_value"]) == ("queue", str(stored(pbx, "6401")["id"]))
    assert [r["code"] for r in pbx.state()["pause_reasons"]] == ["*01", "*02", "*03", "*09"]

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]
    sales = gathered["queues"][0]
    assert (sales["number"], sales["static_agents"], sales["dynamic_agents"]) == ("6400", ["2000"], ["2001", "2002"])
    assert sales["key_destination"] == {"type": "ring_group", "number": "6300"}
    assert gathered["queue_pause_reasons"] == [{"code": "*01", "reason": "Lunch"}, {"code": "*02", "reason": "Break"},
                                               {"code": "*03", "reason": "Wrap up"},
                                               {"code": "*09", "reason": "Training"}]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0


def test_deleting_an_agent_still_in_a_queue_is_refused_naming_the_queue(workspace, pbx):
    seed_desk(pbx)
    workspace.playbook(play(queue()))
    pbx.reset_counters()
    refused = workspace.playbook(play(task("config", CONFIG, state="deleted",
                                           config={"extensions": [{"number": "1002"}]})), json_output=True)
    result = refused.results("config")
    assert result["failed"] is True
    assert "extension 1002 is still referenced by 1 (queue 6400)" in result["msg"]
    assert pbx.counters()["writes"] == 0 and "1002" in extension_ids(pbx)

    together = workspace.playbook(play(task("config", CONFIG, state="deleted",
                                            config={"queues": [{"number": "6400"}],
                                                    "extensions": [{"number": "1002"}]})), json_output=True)
    assert together.rc == 0, together.output
    assert stored(pbx) is None and "1002" not in extension_ids(pbx), "the queue goes first, then the extension"


def test_pause_reasons_are_one_list_written_in_one_request(workspace, pbx):
    wanted = [{"code": "*01", "reason": "Lunch break"}, {"code": "*02", "reason": "Break"},
              {"code": "*07", "reason": "Training"}]
    checked = workspace.playbook(play(task("reasons", REASONS, reasons=wanted)), "--check", "--diff", json_output=True)
    result = checked.results("reasons")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST queue_pause_reason/update"])
    assert pbx.counters()["writes"] == 0

    applied = workspace.playbook(play(task("reasons", REASONS, reasons=wanted)), "--diff", json_output=True)
    result = applied.results("reasons")
    assert result["changed"] is True and result["reasons"] == sorted(wanted, key=lambda r: r["code"])
    assert {"code": "*03", "reason": "Wrap up"} in result["diff"]["before"]["reasons"]
    assert pbx.counters()["by_endpoint"].get("queue_pause_reason/update") == 1, "one write for three changes"
    assert sorted((r["code"], r["reason"]) for r in pbx.state()["pause_reasons"]) == \
        [("*01", "Lunch break"), ("*02", "Break"), ("*07", "Training")]

    pbx.reset_counters()
    again = workspace.playbook(play(task("reasons", REASONS, reasons=list(reversed(wanted)))), json_output=True)
    assert again.results("reasons")["changed"] is False and pbx.counters()["writes"] == 0

    removed = workspace.playbook(play(task("reasons", REASONS, reasons=[{"code": "*07"}], state="absent"),
                                      task("gone", REASONS, reasons=[{"code": "*07"}], state="absent")),
                                 json_output=True)
    assert removed.results("reasons")["changed"] is True and removed.results("gone")["changed"] is False
    assert sorted(r["code"] for r in pbx.state()["pause_reasons"]) == ["*01", "*02"]

    merged = workspace.playbook(play(task("config", CONFIG, config={"queue_pause_reasons": [
        {"code": "*01", "reason": "Lunch"}, {"code": "*05", "reason": "Meeting"}]})), json_output=True)
    sections = merged.results("config")["sections"]["queue_pause_reasons"]
    assert (sections["created"], sections["updated"]) == (["pause reason *05"], ["pause reason *01"])
    assert sorted(r["code"] for r in pbx.state()["pause_reasons"]) == ["*01", "*02", "*05"], "merged keeps *02"


def test_agent_login_and_pause_report_changes_truthfully(workspace, pbx):
    seed_desk(pbx)
    workspace.playbook(play(queue(), queue("second", number="6401", static_agents=["1003"], managers=[])))
    pbx.reset_counters()

    def agent_state(number="6400"):
        stored_queue = stored(pbx, number)
        return stored_queue["agent_state"][str(extension_ids(pbx)["1002"])]

    checked = workspace.playbook(play(task("agent", AGENT, extension="1002")), "--check", json_output=True)
    result = checked.results("agent")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["GET agent/login"])
    assert agent_state()["is_login"] == 0 and pbx.counters()["writes"] == 0

    run = workspace.playbook(play(
        task("login", AGENT, extension="1002", _register="login"),
        task("again", AGENT, extension="1002", queues=["6400"]),
        task("lunch", AGENT, extension="1002", queues=["6400"], paused=True, reason="Lunch"),
        task("still lunch", AGENT, extension="1002", queues=["6400"], paused=True, reason="*01"),
        task("break", AGENT, extension="1002", queues=["6400"], paused=True, reason="*02"),
        task("back", AGENT, extension="1002", queues=["6400"], paused=False),
        task("not an agent", AGENT, extension="1003", queues=["6400"], _ignore_errors=True),
        task("static", AGENT, extension="1003", state="logged_out", _ignore_errors=True),
        task("unknown reason", AGENT, extension="1002", paused=True, reason="Nap", _ignore_errors=True),
    ), "--diff", json_output=True)
    changed = dict((name, run.results(name).get("changed")) for name in
                   ("login", "again", "lunch", "still lunch", "break", "back"))
    assert changed == {"login": True, "again": False, "lunch": True, "still lunch": False, "break": True,
                       "back": True}, run.output
    assert run.results("login")["diff"]["before"]["6400"]["logged_in"] is False
    assert "extension 1003 is not an agent of queue 6400" in run.results("not an agent")["msg"]
    assert "1003 is a static agent of queue 6401" in run.results("static")["msg"]
    assert "no pause reason has the code or text 'Nap'" in run.results("unknown reason")["msg"]
    assert (agent_state()["is_login"], agent_state()["is_pause"]) == (1, 0)

    pbx.reset_counters()
    out = workspace.playbook(play(task("out", AGENT, extension="1002", state="logged_out"),
                                  task("out again", AGENT, extension="1002", state="logged_out")), json_output=True)
    assert (out.results("out")["changed"], out.results("out again")["changed"]) == (True, False)
    assert agent_state()["is_login"] == 0 and pbx.counters()["writes"] == 1


def test_info_lists_queues_and_pause_reasons(workspace, pbx):
    seed_desk(pbx)
    workspace.playbook(play(queue(), queue("second", number="6401", static_agents=["1003"], dynamic_agents=[])))
    pbx.reset_counters()
    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["queues", "queue_pause_reasons"])),
                              json_output=True)
    result = info.results("info")
    assert [(item["number"], len(item["static_agent_list"] or [])) for item in result["queues"]] == \
        [("6400", 2), ("6401", 1)]
    assert [reason["code"] for reason in result["queue_pause_reasons"]] == ["*01", "*02", "*03"]
    assert pbx.counters()["by_endpoint"].get("queue/get", 0) == 0, "details come from batched queries"
