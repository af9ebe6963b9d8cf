"""Simulated calls: call/* control, the phones of the control API, and the events they cause."""

from __future__ import annotations

import time

import pytest
from test_events import Stream, make_extension, register, run
from test_trunk import PEER, REGISTER


@pytest.fixture
def office(authed):
    """Extensions 2001-2003 registered, 2004 not; ring group 6300 of 2002 and 2003."""
    ids = {n: make_extension(authed, n) for n in ("2001", "2002", "2003", "2004")}
    register(authed, "2001", "2002", "2003")
    reply = authed.post("ringgroup/create", {
        "number": "6300", "name": "Support", "ring_strategy": "ring_all", "ring_timeout": 30,
        "member_list": [{"value": str(ids["2002"]), "type": "extension"},
                        {"value": str(ids["2003"]), "type": "extension"}]})
    assert reply["errcode"] == 0, reply
    return ids


def members(call):
    return {(kind, info.get("number") or info["to"]): info["member_status"]
            for member in call["members"] for kind, info in member.items()}


def channel(client, call_id, number):
    call = client.get("call/query", call_id=call_id)["data"][0]
    return next(info["channel_id"] for m in call["members"] for info in m.values()
                if info.get("number") == number or info.get("to") == number)


def answered_call(client, caller="2001", callee="2002"):
    call_id = client.post("call/dial", {"caller": caller, "callee": callee})["call_id"]
    client.control("POST", "calls/answer", {"number": callee})
    return call_id


def test_dial_answer_hangup_events_and_cdr(authed, server, office):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30008, 30011, 30012])
            call_id = authed.post("call/dial", {"caller": "2001", "callee": "2002"})["call_id"]
            assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {
                ("extension", "2001"): "ALERT", ("extension", "2002"): "RING"}
            authed.control("POST", "calls/answer", {"number": "2002"})
            assert authed.get("call/query", number="2002")["data"][0]["call_id"] == call_id
            assert authed.get("call/query", type="internal")["data"][0]["call_id"] == call_id
            authed.post("call/hangup", {"channel_id": channel(authed, call_id, "2001")})
            reports = await stream.events(10)
            kinds = [(r["type"], r["msg"].get("status") or r["msg"].get("extension")) for r in reports]
            assert kinds[:3] == [(30008, "busy"), (30008, "ringing"), (30011, None)]
            assert reports[-1]["type"] == 30012
            cdr = reports[-1]["msg"]
            assert (cdr["call_id"], cdr["call_from"], cdr["call_to"], cdr["status"], cdr["type"]) == (
                call_id, "2001", "2002", "ANSWERED", "Internal")
            assert authed.get("call/query")["data"] == []
    run(scenario())
    assert authed.control("GET", "calls")["cdrs"][0]["status"] == "ANSWERED"


def test_dial_refusals_say_why(authed, office):
    reply = authed.post("call/dial", {"caller": "2004", "callee": "2002"})
    assert reply["errcode"] == -1 and "no registered endpoint" in reply["submsg"]
    reply = authed.post("call/dial", {"caller": "9999", "callee": "2002"})
    assert reply["invalid_param_list"] == [{"field": "caller", "validation_type": "not_exist"}]
    reply = authed.post("call/hold", {"channel_id": "PJSIP/2001-deadbeef"})
    assert (reply["errcode"], reply["errmsg"]) == (70130, "CAHNNEL ID NOT FOUND")


def test_unreachable_callee_and_rejection_fail_with_30015(authed, server, office):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30015, 30012])
            authed.post("call/dial", {"caller": "2001", "callee": "2004"})
            authed.post("call/dial", {"caller": "2001", "callee": "5550100"})      # no outbound route
            authed.post("call/dial", {"caller": "2001", "callee": "2002"})
            authed.control("POST", "calls/reject", {"number": "2002"})
            reports = await stream.events(6)
            assert [(r["type"], r["msg"].get("reason") or r["msg"]["status"]) for r in reports] == [
                (30015, "480 Temporately Unavailable"), (30012, "NO ANSWER"),
                (30015, "NO Outbound Restrictin"), (30012, "NO ANSWER"),
                (30015, "486 Busy Here"), (30012, "BUSY")]
    run(scenario())


def test_outside_number_through_a_route(authed, office):
    trunk_id = authed.control("POST", "seed", {"trunks": [REGISTER]})["trunks"][0]
    route = {"name": "PSTN", "dial_pattern_list": [{"pattern": "9.", "strip": 1, "prepend": ""}],
             "trunk_list": [{"id": trunk_id}]}
    route_id = authed.control("POST", "seed", {"outbound_routes": [route]})["outbound_routes"][0]
    assert authed.post("extension/update", {"id": office["2001"],
                                            "outbound_route_permission": [route_id]})["errcode"] == 0
    call_id = authed.post("call/dial", {"caller": "2001", "callee": "95550100"})["call_id"]
    call = authed.get("call/query", type="outbound")["data"][0]
    assert call["call_id"] == call_id
    assert call["members"][1]["outbound"] == {
        "from": "2001", "to": "5550100", "trunk_name": "carrier", "member_status": "RING", "call_path": "",
        "channel_id": call["members"][1]["outbound"]["channel_id"]}
    # 2002 may not use the route, but may borrow 2001's permission
    assert authed.post("call/dial", {"caller": "2002", "callee": "95550101",
                                     "dial_permission": "2001"})["errcode"] == 0
    assert len(authed.get("call/query", type="outbound")["data"]) == 2


def test_ring_group_missed_call(authed, server, office):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30012])
            call_id = authed.control("POST", "calls", {"caller": "5550199", "callee": "6300",
                                                       "trunk": "carrier"})["call_id"]
            call = authed.get("call/query", call_id=call_id)["data"][0]
            assert {info.get("call_path") for m in call["members"][1:] for info in m.values()} == {"6300"}
            assert len(call["members"]) == 3
            authed.control("POST", "calls/hangup", {"number": "5550199"})
            cdr = (await stream.events(1))[0]["msg"]
            assert (cdr["call_from"], cdr["call_to"], cdr["status"], cdr["type"], cdr["src_trunk_name"]) == (
                "5550199", "6300", "NO ANSWER", "Inbound", "carrier")
    run(scenario())


def test_ring_group_answer_stops_the_others(authed, office):
    call_id = authed.post("call/dial", {"caller": "2001", "callee": "6300"})["call_id"]
    authed.control("POST", "calls/answer", {"number": "2003"})
    assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {
        ("extension", "2001"): "ANSWERED", ("extension", "2003"): "ANSWER"}


def test_hold_unhold_mute_unmute(authed, office):
    call_id = answered_call(authed)
    caller = channel(authed, call_id, "2001")
    assert authed.post("call/hold", {"channel_id": caller}) == {"errcode": 0, "errmsg": "SUCCESS",
                                                                 "call_id": call_id}
    assert members(authed.get("call/query", call_id=call_id)["data"][0])[("extension", "2002")] == "HOLD"
    assert authed.post("call/hold", {"channel_id": caller})["errcode"] == 70132
    assert authed.post("call/unhold", {"channel_id": caller})["errcode"] == 0
    assert members(authed.get("call/query", call_id=call_id)["data"][0])[("extension", "2002")] == "ANSWER"
    assert authed.post("call/unhold", {"channel_id": caller})["errcode"] == 70132
    assert authed.post("call/mute", {"channel_id": caller})["errcode"] == 0
    assert authed.control("GET", "calls")["muted"] == [caller]
    assert authed.post("call/mute", {"channel_id": caller})["errcode"] == 70132
    assert authed.post("call/unmute", {"channel_id": caller})["errcode"] == 0
    assert authed.control("GET", "calls")["muted"] == []


def test_hold_of_a_ringing_call_is_refused(authed, office):
    call_id = authed.post("call/dial", {"caller": "2001", "callee": "2002"})["call_id"]
    reply = authed.post("call/hold", {"channel_id": channel(authed, call_id, "2001")})
    assert reply["errcode"] == 70132 and "not in an answered call" in reply["submsg"]


def test_blind_transfer(authed, server, office):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30013])
            call_id = answered_call(authed)
            reply = authed.post("call/transfer", {"type": "blind", "channel_id": channel(authed, call_id, "2001"),
                                                  "number": "2003"})
            assert reply["errcode"] == 0
            transfer = (await stream.events(1))[0]["msg"]
            assert members(transfer) == {("extension", "2001"): "ALERT", ("extension", "2003"): "RING"}
    run(scenario())


def test_attended_transfer_swap_abort_complete(authed, office):
    call_id = answered_call(authed)
    operator = channel(authed, call_id, "2002")
    assert authed.post("call/transfer", {"type": "attended", "channel_id": operator,
                                         "number": "2003"})["errcode"] == 0
    state = members(authed.get("call/query", call_id=call_id)["data"][0])
    assert state == {("extension", "2001"): "HOLD", ("extension", "2002"): "ANSWER",
                     ("extension", "2003"): "RING"}
    authed.control("POST", "calls/answer", {"number": "2003"})
    swap = {"type": "attended", "channel_id": operator, "attended_operate": "swap"}
    assert authed.post("call/transfer", swap)["errcode"] == 0
    state = members(authed.get("call/query", call_id=call_id)["data"][0])
    assert (state[("extension", "2001")], state[("extension", "2003")]) == ("ANSWERED", "HOLD")
    complete = dict(swap, attended_operate="complete")
    assert authed.post("call/transfer", complete)["errcode"] == 0
    assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {
        ("extension", "2001"): "ANSWERED", ("extension", "2003"): "ANSWER"}
    assert authed.post("call/transfer", complete)["errcode"] == 70130       # the operator left


def test_attended_abort_restores_the_call(authed, office):
    call_id = answered_call(authed)
    operator = channel(authed, call_id, "2002")
    authed.post("call/transfer", {"type": "attended", "channel_id": operator, "number": "2003"})
    assert authed.post("call/transfer", {"type": "attended", "channel_id": operator,
                                         "attended_operate": "abort"})["errcode"] == 0
    assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {
        ("extension", "2001"): "ANSWERED", ("extension", "2002"): "ANSWER"}


def test_park_status_and_retrieve(authed, office):
    call_id = answered_call(authed)
    parked = channel(authed, call_id, "2001")
    reply = authed.post("call/park", {"channel_id": parked})
    assert (reply["errcode"], reply["parking_slot"]) == (0, "6000")
    assert authed.get("call/park_status")["data"] == [
        {"parker": "2002", "parked_party": "2001", "parking_slot": "6000", "park_time": 60, "channel_id": parked}]
    assert authed.post("call/park", {"channel_id": parked, "parking_slot": "6000"})["errcode"] == 70132
    authed.post("call/dial", {"caller": "2003", "callee": "6000"})
    assert authed.get("call/park_status")["data"] == []
    assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {
        ("extension", "2001"): "ANSWER", ("extension", "2003"): "ANSWERED"}


def test_recording_states(authed, office):
    call_id = answered_call(authed)
    ch = channel(authed, call_id, "2002")
    assert authed.post("call/record_pause", {"channel_id": ch})["errcode"] == 70132
    for endpoint, state in (("record_start", "recording"), ("record_pause", "paused"),
                            ("record_unpause", "recording")):
        assert authed.post(f"call/{endpoint}", {"channel_id": ch})["errcode"] == 0
        assert authed.control("GET", "calls")["recording"] == {call_id: state}
    authed.post("call/hangup", {"channel_id": ch})
    assert call_id in authed.control("GET", "calls")["cdrs"][0]["recording"]


def test_play_prompt(authed, office):
    body = {"number": "2001", "prompts": ["welcome"], "count": 1, "volume": 10}
    assert authed.post("call/play_prompt", body)["invalid_param_list"] == [
        {"field": "prompts", "validation_type": "not_exist"}]
    authed.control("POST", "seed", {"custom_prompts": ["welcome"]})
    assert authed.post("call/play_prompt", body) == {"errcode": 0, "errmsg": "SUCCESS"}
    assert authed.control("GET", "calls")["prompts"] == [{"number": "2001", "prompts": ["welcome"]}]


def test_inbound_call_control(authed, server, office):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30016, 30015])
            first = authed.control("POST", "calls", {"caller": "5550100", "callee": "2002", "trunk": "carrier",
                                                     "inbound_control": True})["call_id"]
            request = (await stream.events(1))[0]["msg"]
            ch = request["members"][0]["inbound"]["channel_id"]
            assert authed.post("call/accept_inbound", {"channel_id": ch}) == {
                "errcode": 0, "errmsg": "SUCCESS", "call_id": first}
            assert authed.post("call/accept_inbound", {"channel_id": ch})["errcode"] == 70132
            assert members(authed.get("call/query", call_id=first)["data"][0])[("extension", "2002")] == "RING"
            authed.control("POST", "calls", {"caller": "5550101", "callee": "2003", "trunk": "carrier",
                                             "inbound_control": True})
            ch = (await stream.events(1))[0]["msg"]["members"][0]["inbound"]["channel_id"]
            assert authed.post("call/refuse_inbound", {"channel_id": ch})["errcode"] == 0
            assert (await stream.events(1))[0]["msg"]["reason"] == "603 Declined"
    run(scenario())


def test_reset_hangs_everything_up(authed, office):
    answered_call(authed)
    authed.control("POST", "reset")
    assert authed.control("GET", "calls")["calls"] == []


def test_undecided_inbound_call_is_accepted_after_the_window(authed, office):
    authed.control("POST", "config", {"inbound_control_window": 1})
    call_id = authed.control("POST", "calls", {"caller": "5550100", "callee": "2002", "trunk": "carrier",
                                               "inbound_control": True})["call_id"]
    assert members(authed.get("call/query", call_id=call_id)["data"][0]) == {("inbound", "2002"): "ALERT"}
    time.sleep(1.5)
    assert members(authed.get("call/query", call_id=call_id)["data"][0])[("extension", "2002")] == "RING"


def test_trunk_writes_report_30023(authed, server):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30023])
            trunk_id = authed.post("trunk/create", PEER)["id"]
            assert authed.post("trunk/update", {"id": trunk_id, "def_outbound_cid": "13200000093"})["errcode"] == 0
            assert authed.get("trunk/delete", id=trunk_id)["errcode"] == 0
            reports = await stream.events(3)
            assert [r["msg"] for r in reports] == [{"trunk_name": "peer-to-41", "option": option}
                                                   for option in ("CREATE", "UPDATE", "DELETE")]
            assert "sn" not in reports[0]
            authed.control("POST", "seed", {"trunks": [REGISTER]})         # seeding reports nothing
            await stream.nothing_more()
    run(scenario())


def test_a_simulated_call_joins_the_call_log_and_its_recording_the_recordings(authed, office):
    """What cdr/list, cdr/search and recording/list show includes the calls that happened, as on a PBX."""
    missed = authed.post("call/dial", {"caller": "2001", "callee": "2003"})["call_id"]
    authed.post("call/hangup", {"channel_id": channel(authed, missed, "2001")})
    call_id = answered_call(authed)
    ch = channel(authed, call_id, "2002")
    assert authed.post("call/record_start", {"channel_id": ch})["errcode"] == 0
    authed.post("call/hangup", {"channel_id": ch})

    logged = authed.get("cdr/list", sort_by="id", order_by="asc")["data"]
    assert [(c["call_from"], c["call_to"], c["disposition"], c["call_type"]) for c in logged] == [
        ("Terrell Smith<2001>", "Terrell Smith<2003>", "NO ANSWER", "Internal"),
        ("Terrell Smith<2001>", "Terrell Smith<2002>", "ANSWERED", "Internal")]
    assert "record_file" not in logged[0]
    recorded = authed.control("GET", "calls")["cdrs"][-1]["recording"]
    assert logged[1]["record_file"] == recorded
    assert [r["file"] for r in authed.get("recording/list")["data"]] == [recorded]
