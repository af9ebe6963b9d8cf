"""yeastar_ivr and the ivrs section of yeastar_config against the emulator: create, update, no-op re-run, check
mode, diff, delete, unconfigured slots, dial lists, missing references, deleting what an IVR still routes to,
an IVR routing to a ring group of the same task, round trip."""

from helpers import REG_PASSWORD, USER_PASSWORD, play, task

MODULE = "telephony.pbx.yeastar_ivr"
CONFIG = "telephony.pbx.yeastar_config"


def root_id(pbx):
    return [d for d in pbx.state()["departments"] if not d["parent_id"]][0]["id"]


def seed_office(pbx):
    """Extensions 1000-1002, a Sales department, ring group 6300, prompts."""
    root = root_id(pbx)
    ids = pbx.seed(custom_prompts=["welcome.wav", "menu.wav"], departments=[{"name": "Sales", "parent_id": root}])
    sales = ids["departments"][0]
    pbx.seed(extensions=[
        {"number": number, "type": "SIP", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
         "reg_name": number, "presence_status": "available", "organization_list": [{"value": str(sales)}]}
        for number in ("1000", "1001", "1002")])
    extension_ids = dict((e["number"], e["id"]) for e in pbx.state()["extensions"])
    pbx.seed(ring_groups=[{"number": "6300", "name": "Front desk", "ring_strategy": "ring_all", "ring_timeout": 30,
                           "member_list": [{"value": str(extension_ids["1000"]), "type": "extension"}]}])


def ivr(title="ivr", **args):
    options = {"number": "6200", "name": "Main menu", "prompts": ["welcome.wav", "menu.wav"],
               "key_1": {"type": "ring_group", "number": "6300"},
               "key_0": {"type": "extension", "number": "1000"},
               "timeout_destination": {"type": "ext_vm", "number": "1000"}}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, number="6200"):
    found = [item for item in pbx.state()["ivrs"] if item["number"] == number]
    return found[0] if found else None


def ids_of(pbx, kind):
    return dict((item["number"], item["id"]) for item in pbx.state()[kind])


def test_create_update_rerun_and_delete(workspace, pbx):
    seed_office(pbx)
    created = workspace.playbook(play(ivr()), "--diff", json_output=True)
    assert created.rc == 0, created.output
    result = created.results("ivr")
    assert (result["changed"], result["operation"]) == (True, "create")
    assert result["diff"]["after"]["key_1"] == {"type": "ring_group", "number": "6300"}
    ivr_ = stored(pbx)
    assert (ivr_["prompt"], ivr_["prompt_repeat"], ivr_["resp_timeout"], ivr_["dial_ext_option"]) == \
        ("welcome.wav,menu.wav", 3, 3, "disable")
    assert (ivr_["press1_dest"], ivr_["press1_dest_value"]) == ("ring_group", str(ids_of(pbx, "ring_groups")["6300"]))
    assert (ivr_["press0_dest"], ivr_["press0_dest_value"]) == ("extension", str(ids_of(pbx, "extensions")["1000"]))
    assert ivr_["press2_dest"] == "", "a slot not given stays unconfigured"

    pbx.reset_counters()
    again = workspace.playbook(play(ivr()), json_output=True)
    assert again.results("ivr")["changed"] is False
    assert pbx.counters()["writes"] == 0

    updated = workspace.playbook(play(ivr(
        key_1={"type": "none"}, key_star={"type": "play_prompt", "prompt": "menu.wav", "repeat": 2},
        key_hash={"type": "external_num", "number": "5551234", "prefix": "9"}, key_hash_stop_recording=True,
        dial_ext_option="allow", allowed_extensions=["1001", "1000"], allowed_departments=["Sales"],
        prompts=["menu.wav"], response_timeout=5)), "--diff", json_output=True)
    result = updated.results("ivr")
    assert result["operation"] == "update", updated.output
    assert result["diff"]["before"]["key_1"] == {"type": "ring_group", "number": "6300"}
    assert result["diff"]["after"]["key_1"] == {"type": "none"}
    ivr_ = stored(pbx)
    extension_ids = ids_of(pbx, "extensions")
    assert (ivr_["press1_dest"], ivr_["press1_dest_value"]) == ("", "")
    assert (ivr_["press_star_dest"], ivr_["press_star_dest_prefix"], ivr_["press_star_dest_value"]) == \
        ("play_prompt", "2", "menu.wav")
    assert (ivr_["press_hash_dest"], ivr_["press_hash_dest_prefix"], ivr_["allow_out_record_hash"]) == \
        ("external_num", "9", 1)
    assert sorted((item["type"], str(item["value"])) for item in ivr_["dial_ext_list"]) == sorted(
        [("extension", str(extension_ids["1000"])), ("extension", str(extension_ids["1001"])),
         ("organization", str([d for d in pbx.state()["departments"] if d["name"] == "Sales"][0]["id"]))])
    assert (ivr_["prompt"], ivr_["resp_timeout"], ivr_["name"]) == ("menu.wav", 5, "Main menu")

    pbx.reset_counters()
    reordered = workspace.playbook(play(ivr(key_1={"type": "none"}, allowed_extensions=["1000", "1001"], prompts=["menu.wav"],
                                            allowed_departments=["Sales"])), json_output=True)
    assert reordered.results("ivr")["changed"] is False, "dial lists are sets; an unconfigured slot equals none"
    assert pbx.counters()["writes"] == 0

    only_departments = workspace.playbook(play(ivr(key_1={"type": "none"}, prompts=["menu.wav"], allowed_departments=[])),
                                          json_output=True)
    assert only_departments.results("ivr")["changed"] is True
    assert [item["type"] for item in stored(pbx)["dial_ext_list"]] == ["extension", "extension"], \
        "the extensions of the shared list are kept"

    deleted = workspace.playbook(play(task("ivr", MODULE, number="6200", state="absent")), json_output=True)
    assert deleted.results("ivr")["changed"] is True and stored(pbx) is None


def test_check_mode_sends_no_write_and_reports_the_change(workspace, pbx):
    seed_office(pbx)
    checked = workspace.playbook(play(ivr()), "--check", "--diff", json_output=True)
    result = checked.results("ivr")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST ivr/create"])
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None

    workspace.playbook(play(ivr()))
    pbx.reset_counters()
    checked = workspace.playbook(play(ivr(key_2={"type": "ivr", "number": "6200"})), "--check", "--diff",
                                 json_output=True)
    result = checked.results("ivr")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST ivr/update"])
    assert result["diff"]["before"]["key_2"] == {"type": "none"}
    assert pbx.counters()["writes"] == 0 and stored(pbx)["press2_dest"] == ""


def test_prompt_password_is_never_shown(workspace, pbx):
    seed_office(pbx)
    run = workspace.playbook(play(ivr(enb_prompt_manager=True, prompt_manager_password="908172")), "--diff", "-vvvv",
                             json_output=True)
    assert run.rc == 0, run.output
    assert stored(pbx)["prompt_manger_password"] == "908172"
    assert "908172" not in run.output
    again = workspace.playbook(play(ivr(enb_prompt_manager=True, prompt_manager_password="908172")), json_output=True)
    assert again.results("ivr")["changed"] is False, "update_password on_create: not sent again"


def test_missing_references_fail_before_any_write(workspace, pbx):
    seed_office(pbx)
    run = workspace.playbook(play(ivr("to a queue", key_3={"type": "queue", "number": "6400"}, _ignore_errors=True),
                                  ivr("allowed", allowed_extensions=["1999"], _ignore_errors=True),
                                  ivr("route", outbound_routes=["Nowhere"], _ignore_errors=True),
                                  ivr("six prompts", prompts=["default"] * 6, _ignore_errors=True),
                                  ivr("not allowed", allowed_extensions=["1000"], _ignore_errors=True)),
                             json_output=True)
    assert "key_3.number: no queue numbered '6400' exists" in run.results("to a queue")["msg"]
    assert "allowed_extensions: no extension numbered '1999' exists" in run.results("allowed")["msg"]
    assert "outbound_routes: no outbound route named 'Nowhere' exists" in run.results("route")["msg"]
    assert "prompts may list at most 5 prompts" in run.results("six prompts")["msg"]
    assert "keeps them only with dial_ext_option=allow" in run.results("not allowed")["msg"]
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None


def test_ivrs_section_routes_to_a_ring_group_and_an_ivr_of_the_same_task(workspace, pbx):
    pbx.seed(custom_prompts=["welcome.wav"])
    config = {
        "departments": [{"name": "Desk"}],
        "extensions": [{"number": "2000", "departments": ["Desk"], "user_password": USER_PASSWORD,
                        "reg_password": REG_PASSWORD}],
        "ring_groups": [{"number": "6300", "name": "Desk", "ring_strategy": "ring_all", "members": ["2000"]}],
        "ivrs": [
            {"number": "6200", "name": "Main", "prompts": ["welcome.wav"], "key_1": {"type": "ring_group", "number": "6300"},
             "key_2": {"type": "ivr", "number": "6201"}, "invalid_destination": {"type": "end_call"},
             "dial_ext_option": "restrict", "restricted_departments": ["Desk"]},
            {"number": "6201", "name": "Sub menu", "key_0": {"type": "extension", "number": "2000"},
             "key_0_stop_recording": True},
        ],
    }
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["ivrs"]["created"] == ["IVR 6201", "IVR 6200"], \
        "an IVR routing to another declared IVR comes after it"
    main = stored(pbx)
    assert (main["press1_dest"], main["press1_dest_value"]) == ("ring_group", str(ids_of(pbx, "ring_groups")["6300"]))
    assert (main["press2_dest"], main["press2_dest_value"]) == ("ivr", str(stored(pbx, "6201")["id"]))

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]["ivrs"]
    assert gathered == [
        {"number": "6200", "name": "Main", "prompts": ["welcome.wav"], "key_1": {"type": "ring_group", "number": "6300"},
         "key_2": {"type": "ivr", "number": "6201"}, "invalid_destination": {"type": "end_call"},
         "dial_ext_option": "restrict", "restricted_departments": ["Desk"]},
        {"number": "6201", "name": "Sub menu", "key_0": {"type": "extension", "number": "2000"},
         "key_0_stop_recording": True},
    ]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0

    replaced = workspace.playbook(play(task("config", CONFIG, state="replaced", config={"ivrs": [
        {"number": "6200", "name": "Main", "key_1": {"type": "ring_group", "number": "6300"}}]})), "--diff",
        json_output=True)
    assert replaced.rc == 0, replaced.output
    main = stored(pbx)
    assert (main["press2_dest"], main["invalid_dest"], main["dial_ext_option"], main["prompt"]) == \
        ("", "", "disable", "default"), "replaced: slots not declared go back to unconfigured"


def test_deleting_a_ring_group_an_ivr_routes_to_is_refused_naming_it(workspace, pbx):
    seed_office(pbx)
    workspace.playbook(play(ivr()))
    pbx.reset_counters()
    refused = workspace.playbook(play(task("config", CONFIG, state="deleted", config={"ring_groups": [{"number": "6300"}]})),
                                 json_output=True)
    result = refused.results("config")
    assert result["failed"] is True
    assert "ring group 6300 is still referenced by 1 (IVR 6200)" in result["msg"]
    assert pbx.counters()["writes"] == 0 and "6300" in ids_of(pbx, "ring_groups")

    together = workspace.playbook(play(task("config", CONFIG, state="deleted", config={
        "ivrs": [{"number": "6200"}], "ring_groups": [{"number": "6300"}]})), json_output=True)
    assert together.rc == 0, together.output
    assert stored(pbx) is None and "6300" not in ids_of(pbx, "ring_groups")


def test_info_lists_ivrs_with_details_and_masked_password(workspace, pbx):
    seed_office(pbx)
    workspace.playbook(play(ivr(enb_prompt_manager=True, prompt_manager_password="4455"), ivr("second", number="6201")))
    pbx.reset_counters()
    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["ivrs"])), json_output=True)
    ivrs = info.results("info")["ivrs"]
    assert [(item["number"], item["press1_dest"]) for item in ivrs] == [("6200", "ring_group"), ("6201", "ring_group")]
    assert "4455" not in info.output
    assert pbx.counters()["by_endpoint"].get("ivr/get", 0) == 0, "details come from batched queries"
