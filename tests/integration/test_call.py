"""telephony.pbx.yeastar_call against calls simulated by the emulator: each action, check mode, refusals."""

import re

from helpers import play, task

PHONES = ("1001", "1002", "1003")


def office(pbx, registered=PHONES):
    pbx.seed(extensions=[{"type": "SIP", "number": n, "first_name": "Staff", "last_name": n,
                          "user_password": "Userpwd1011", "reg_name": "r" + n, "reg_password": "Regpwd1011",
                          "presence_status": "available", "organization_list": [{"value": "1"}]}
                         for n in PHONES + ("1004",)],
             custom_prompts=["welcome"])
    for number in registered:
        pbx.control("registrations", {"extension": number})


def call(title, _register=None, **args):
    extra = {"_register": _register} if _register else {}
    return task(title, "telephony.pbx.yeastar_call", **dict(args, **extra))


def phone(pbx, step, number):
    """A task that makes a simulated phone act (answer, hang up) through the emulator's control API."""
    return {"name": "%s %s" % (number, step), "delegate_to": "localhost",
            "ansible.builtin.uri": {"url": "%s/_emulator/calls/%s" % (pbx.base_url, step), "method": "POST",
                                    "body_format": "json", "body": {"number": number}}}


def live(pbx):
    return pbx.control("calls")


def statuses(pbx):
    """member number -> member_status over the live calls (an inbound member by its caller number)."""
    ends = {"extension": "number", "inbound": "from", "outbound": "to"}
    return dict((info[ends[kind]], info["member_status"])
                for c in live(pbx)["calls"] for m in c["members"] for kind, info in m.items())


def test_every_action_on_a_simulated_call(pbx, workspace):
    office(pbx)
    cid = "{{ placed.call_id }}"
    run = workspace.playbook(play(
        call("dial", action="dial", caller="1001", callee="1002", _register="placed"),
        phone(pbx, "answer", "1002"),
        call("hold", action="hold", party="1001", call_id=cid),
        call("unhold", action="unhold", party="1001", call_id=cid),
        call("mute", action="mute", party="1002"),
        call("unmute", action="unmute", party="1002"),
        call("record", action="record_start", party="1002"),
        call("pause recording", action="record_pause", party="1002"),
        call("resume recording", action="record_unpause", party="1002"),
        call("attended transfer", action="transfer", transfer_type="attended", party="1002", number="1003"),
        phone(pbx, "answer", "1003"),
        call("complete it", action="transfer", transfer_type="attended", attended_operate="complete", party="1002"),
        call("blind transfer", action="transfer", party="1001", number="1002"),
        phone(pbx, "answer", "1002"),
        call("park", action="park", party="1001", _register="parked"),
        call("retrieve", action="dial", caller="1003", callee="{{ parked.parking_slot }}"),
        call("prompt", action="play_prompt", number="1002", prompts=["welcome"], volume=12),
    ), json_output=True)
    assert run.rc == 0, run.output
    dialled = run.results("dial")
    assert dialled["changed"] and re.fullmatch(r"\d+\.\d+", dialled["call_id"])
    assert dialled["api_requests"]["sent"] == ["POST call/dial"]
    held = run.results("hold")
    assert held["api_requests"]["sent"] == ["GET call/query", "POST call/hold"]
    assert held["request"]["endpoint"] == "call/hold" and held["call_id"] == dialled["call_id"]
    assert run.results("park")["parking_slot"] == "6000"
    for title in ("unhold", "mute", "unmute", "record", "pause recording", "resume recording", "attended transfer",
                  "complete it", "blind transfer", "park", "retrieve", "prompt"):
        assert run.results(title)["changed"], title
    # 1001 was transferred to 1002, parked, and retrieved by 1003; the recording is still on
    assert statuses(pbx) == {"1001": "ANSWER", "1003": "ANSWERED"}
    state = live(pbx)
    assert state["recording"] == {dialled["call_id"]: "recording"} and state["prompts"][0]["number"] == "1002"

    hung_up = workspace.playbook(play(call("hangup", action="hangup", party="1003")), json_output=True)
    assert hung_up.rc == 0 and hung_up.results("hangup")["changed"]
    assert live(pbx)["calls"] == [] and live(pbx)["cdrs"][0]["status"] == "ANSWERED"


def test_check_mode_sends_no_action_and_says_what_it_would(pbx, workspace):
    office(pbx)
    call_id = pbx.control("calls", {"caller": "1001", "callee": "1002"})["call_id"]
    pbx.control("calls/answer", {"number": "1002"})
    tasks = [call("dial", action="dial", caller="1001", callee="1003", auto_answer=True),
             call("inbound", action="accept", call_id=call_id, party="1001")]
    tasks += [call(action, action=action, party="1001") for action in (
        "hold", "unhold", "mute", "unmute", "park", "record_start", "record_pause", "record_unpause", "hangup")]
    tasks += [call("transfer", action="transfer", party="1001", number="1003"),
              call("prompt", action="play_prompt", number="1002", prompts=["welcome"], count=2)]
    before = statuses(pbx)
    pbx.reset_counters()
    run = workspace.playbook(play(*tasks), "--check", json_output=True)
    assert run.rc == 0, run.output
    assert run.results("dial")["request"] == {
        "endpoint": "call/dial", "body": {"caller": "1001", "callee": "1003", "auto_answer": "yes"}}
    hold = run.results("hold")
    assert hold["changed"] and hold["api_requests"] == {"sent": ["GET call/query"], "planned": ["POST call/hold"]}
    assert hold["request"]["body"]["channel_id"].startswith("PJSIP/1001-") and hold["call_id"] == call_id
    sent = pbx.counters()["by_endpoint"]
    assert set(sent) <= {"get_token", "call/query", "del_token"}, sent     # no call-control request left
    assert statuses(pbx) == before and live(pbx)["cdrs"] == []


def test_refusals_say_why(pbx, workspace):
    office(pbx, registered=("1001", "1002"))
    pbx.control("calls", {"caller": "1001", "callee": "1002"})                 # ringing, not answered
    pbx.reset_counters()
    run = workspace.playbook(play(
        call("hold ringing", action="hold", party="1001", _ignore_errors=True),
        call("not in a call", action="mute", party="1003", _ignore_errors=True),
        call("unregistered caller", action="dial", caller="1004", callee="1002", _ignore_errors=True),
        call("foreign option", action="hold", party="1001", number="1003", _ignore_errors=True),
        call("transfer without target", action="transfer", party="1001", _ignore_errors=True),
    ), json_output=True)
    ringing = run.results("hold ringing")
    assert ringing["failed"] and ringing["error"]["errcode"] == 70132
    assert "not in an answered call" in ringing["msg"]
    assert "no call has the extension 1003" in run.results("not in a call")["msg"]
    unregistered = run.results("unregistered caller")
    assert unregistered["failed"] and "no registered endpoint" in unregistered["msg"]
    foreign = run.results("foreign option")
    assert "number: not an option of action=hold" in foreign["msg"] and foreign["api_requests"]["sent"] == []
    assert "needs number" in run.results("transfer without target")["msg"]
    assert pbx.counters()["by_endpoint"].get("call/hold", 0) == 1                # only the refused hold


def test_accept_and_refuse_inbound_calls(pbx, workspace):
    office(pbx)
    pbx.configure(inbound_control_window=600)     # the playbook may start later than the PBX's 10 s
    first = pbx.control("calls", {"caller": "5550100", "callee": "1002", "trunk": "carrier",
                                  "inbound_control": True})["call_id"]
    second = pbx.control("calls", {"caller": "5550101", "callee": "1003", "trunk": "carrier",
                                   "inbound_control": True})["call_id"]
    run = workspace.playbook(play(call("accept", action="accept", call_id=first),
                                  call("refuse", action="refuse", call_id=second)), json_output=True)
    assert run.rc == 0, run.output
    assert statuses(pbx) == {"5550100": "ALERT", "1002": "RING"}
    assert live(pbx)["cdrs"][0]["call_id"] == second


def test_info_gathers_live_calls_and_parked_calls_on_request(pbx, workspace):
    office(pbx)
    talking = pbx.control("calls", {"caller": "1001", "callee": "1002"})["call_id"]
    pbx.control("calls/answer", {"number": "1002"})
    ringing = pbx.control("calls", {"caller": "1003", "callee": "1001"})
    pbx.reset_counters()
    run = workspace.playbook(play(
        task("live", "telephony.pbx.yeastar_info", gather=["live_calls", "parked_calls"]),
        task("default", "telephony.pbx.yeastar_info", gather=["system"])), json_output=True)
    assert run.rc == 0, run.output
    live_calls = run.results("live")["live_calls"]
    assert sorted(c["call_id"] for c in live_calls) == sorted([talking, ringing["call_id"]])
    assert run.results("live")["parked_calls"] == []
    assert run.results("live")["api_requests"]["sent"] == ["GET call/query", "GET call/park_status"]
    assert "live_calls" not in run.results("default")
