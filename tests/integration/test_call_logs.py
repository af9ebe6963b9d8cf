"""yeastar_cdr_info and yeastar_recording: every page, filters in the PBX's format, downloads that land on the
controller once."""

import hashlib
import pathlib

from helpers import play, seed_calls, task


def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def test_cdr_info_reads_every_page(workspace, pbx):
    seed_calls(pbx, 2500)
    pbx.reset_counters()
    run = workspace.playbook(play(task("cdr", "telephony.pbx.yeastar_cdr_info")), json_output=True)
    assert run.rc == 0, run.output
    cdrs = run.results("cdr")["cdrs"]
    assert len(cdrs) == 2500 and len({c["id"] for c in cdrs}) == 2500
    assert [c["id"] for c in cdrs[:3]] == [2500, 2499, 2498], "newest first"
    assert pbx.counters()["by_endpoint"]["cdr/list"] == 3, "pages of 1000"
    assert run.results("cdr")["changed"] is False


def test_cdr_filters_are_sent_in_the_pbx_format(workspace, pbx):
    seed_calls(pbx, 1200)
    run = workspace.playbook(play(
        task("day", "telephony.pbx.yeastar_cdr_info", call_from="1001", status="ANSWERED",
             start_time="2026-03-03", end_time="2026-03-03"),
        task("limited", "telephony.pbx.yeastar_cdr_info", limit=5, order_by="asc"),
        task("bad", "telephony.pbx.yeastar_cdr_info", start_time="03/03/2026", _ignore_errors=True),
    ), json_output=True)
    day = run.results("day")["cdrs"]
    assert day and all(c["time"].startswith("03/03/2026") and c["call_from"].endswith("<1001>")
                       and c["disposition"] == "ANSWERED" for c in day)
    assert run.results("day")["api_requests"]["sent"] == ["GET cdr/search"]
    assert [c["id"] for c in run.results("limited")["cdrs"]] == [1, 2, 3, 4, 5]
    assert run.results("limited")["api_requests"]["sent"] == ["GET cdr/list"]
    bad = run.results("bad")
    assert bad["failed"] and "start_time" in bad["msg"] and bad["api_requests"]["sent"] == []


def test_cdr_file_download_is_idempotent(workspace, pbx, tmp_path):
    seed_calls(pbx, 300)
    dest = tmp_path / "cdr" / "march.csv"
    fetch = task("cdr file", "telephony.pbx.yeastar_cdr_info", call_from="1002", limit=1, download_to=str(dest))
    first = workspace.playbook(play(fetch), json_output=True)
    assert first.rc == 0, first.output
    result = first.results("cdr file")
    assert result["changed"] is True and result["download"]["changed"] is True
    assert result["download"]["sha256"] == sha256(dest) and result["download"]["size"] == dest.stat().st_size
    lines = dest.read_text().splitlines()
    assert lines[0].startswith("id,time,call_from") and all("<1002>" in line or "1002" in line for line in lines[1:])
    again = workspace.playbook(play(fetch), json_output=True)
    assert again.results("cdr file")["changed"] is False
    dest.write_text("tampered\n")
    checked = workspace.playbook(play(fetch), "--check", json_output=True)
    assert checked.results("cdr file")["changed"] is True and dest.read_text() == "tampered\n"
    assert list(dest.parent.iterdir()) == [dest], "no temporary file left behind"


def test_recordings_list_and_download_once(workspace, pbx, tmp_path):
    seed_calls(pbx, 2000)
    listed = workspace.playbook(play(task("list", "telephony.pbx.yeastar_recording")), json_output=True)
    recordings = listed.results("list")["recordings"]
    assert len(recordings) > 1000 and len({r["id"] for r in recordings}) == len(recordings), "more than one page"
    chosen = sorted(recordings, key=lambda r: r["id"])[:2]
    dest = tmp_path / "recordings"
    fetch = task("fetch", "telephony.pbx.yeastar_recording", ids=[chosen[0]["id"]], files=[chosen[1]["file"]],
                 dest=str(dest), limit=1)
    checked = workspace.playbook(play(fetch), "--check", json_output=True)
    assert checked.results("fetch")["changed"] is True and not dest.exists()
    pbx.reset_counters()
    first = workspace.playbook(play(fetch), json_output=True)
    assert first.rc == 0, first.output
    downloaded = first.results("fetch")["downloaded"]
    assert [d["id"] for d in downloaded] == [r["id"] for r in chosen]
    for item, recording in zip(downloaded, chosen):
        path = dest / recording["file"]
        assert item["changed"] is True and item["path"] == str(path)
        assert path.stat().st_size == recording["size"] and item["sha256"] == sha256(path)
        assert path.read_bytes()[:4] == b"RIFF"
    counters = pbx.counters()["by_endpoint"]
    assert counters["recording/download"] == 2 and counters["api/download"] == 2
    pbx.reset_counters()
    again = workspace.playbook(play(fetch), json_output=True)
    result = again.results("fetch")
    assert result["changed"] is False and [d["sha256"] for d in result["downloaded"]] == [d["sha256"] for d in downloaded]
    assert "recording/download" not in pbx.counters()["by_endpoint"] and "api/download" not in pbx.counters()["by_endpoint"]
    assert len(result["recordings"]) == 1


def test_recording_choice_errors_before_download(workspace, pbx, tmp_path):
    seed_calls(pbx, 20)
    run = workspace.playbook(play(
        task("unknown", "telephony.pbx.yeastar_recording", ids=[9999], dest=str(tmp_path), _ignore_errors=True),
        task("no dest", "telephony.pbx.yeastar_recording", ids=[1], _ignore_errors=True),
        task("relative", "telephony.pbx.yeastar_recording", ids=[1], dest="recordings", _ignore_errors=True),
    ), json_output=True)
    assert "no recording 9999" in run.results("unknown")["msg"]
    assert "dest" in run.results("no dest")["msg"] and run.results("no dest")["api_requests"]["sent"] == []
    assert "absolute path" in run.results("relative")["msg"]
    assert pbx.counters()["by_endpoint"].get("recording/download") is None


def test_info_gathers_queue_status_and_parked_calls_on_request(workspace, pbx):
    pbx.seed(extensions=[{
        "type": "SIP", "number": n, "first_name": "Agent", "last_name": n, "user_password": "Seed-Passw0rd",
        "reg_name": n, "reg_password": "Seed-Passw0rd", "presence_status": "available",
        "organization_list": [{"value": "1"}]} for n in ("1001", "1002")])
    pbx.seed(queues=[{"number": "6400", "name": "Support", "ring_strategy": "ring_all", "fail_dest": "end_call",
                      "static_agent_list": [{"value": "1"}, {"value": "2"}]}])
    waiting = {"call_id": "1699424450.42", "caller_number": "5505501", "caller_display_name": "Leo Ball",
               "callee_number": "6400", "callee_display_name": "Support", "duration": 5}
    pbx.control("queue_status", {"queues": {"6400": {"waiting_list": [waiting]}}, "agents": {"1002": 2}})
    parked = {"parker": "1001", "parked_party": "5505501", "parking_slot": "6000", "park_time": 60,
              "channel_id": "PJSIP/trunk-000000a7"}
    pbx.control("parked_calls", {"calls": [parked]})
    run = workspace.playbook(play(
        task("live", "telephony.pbx.yeastar_info", gather=["queue_status", "parked_calls"]),
        task("default", "telephony.pbx.yeastar_info"),
    ), json_output=True)
    live = run.results("live")
    assert live["parked_calls"] == [parked]
    [queue] = live["queue_status"]
    assert (queue["number"], queue["waiting"], queue["ringing"], queue["active"]) == ("6400", [waiting], [], [])
    assert {a["number"]: a["call_status"] for a in queue["agents"]} == {"1001": 0, "1002": 2}
    assert live["api_requests"]["sent"] == ["GET queue/list", "GET queue/call_status", "GET queue/agent_status",
                                            "GET call/park_status"]
    default = run.results("default")
    assert "queue_status" not in default and "parked_calls" not in default


def test_call_reports_instant_and_scheduled(workspace, pbx, tmp_path):
    seed_calls(pbx, 200)
    pbx.control("scheduled_reports", {"reports": [
        {"name": "Support", "date": "2026/03/05 08:00:00", "content": "queue,calls\r\n6400,12\r\n"}]})
    dest = tmp_path / "reports" / "hourly.csv"
    scheduled = tmp_path / "reports" / "support.csv"
    run = workspace.playbook(play(
        task("stats", "telephony.pbx.yeastar_call_report", type="extcallstatistics", extensions=["1001", "1002"],
             start_time="2026-03-01", end_time="2026-03-31"),
        task("hourly", "telephony.pbx.yeastar_call_report", type="extcallactivity", extensions=["1001"],
             period="2026-03-02", download_to=str(dest)),
        task("hourly again", "telephony.pbx.yeastar_call_report", type="extcallactivity", extensions=["1001"],
             period="2026-03-02", download_to=str(dest)),
        task("scheduled", "telephony.pbx.yeastar_call_report", scheduled_report="Support", download_to=str(scheduled)),
        task("missing", "telephony.pbx.yeastar_call_report", type="extcallactivity", extensions=["1001"],
             _ignore_errors=True),
        task("unknown extension", "telephony.pbx.yeastar_call_report", type="extcallstatistics", extensions=["9999"],
             _ignore_errors=True),
    ), json_output=True)
    assert run.rc == 0, run.output
    stats = run.results("stats")["report"]
    assert [row["ext_num"] for row in stats] == ["1001", "1002"] and stats[0]["answered_calls"] > 0
    hourly = run.results("hourly")
    assert hourly["changed"] is True and all(0 <= row["time"] <= 23 for row in hourly["report"])
    assert dest.read_text().startswith("time,answered_calls") and hourly["download"]["sha256"] == sha256(dest)
    assert run.results("hourly again")["changed"] is False
    assert run.results("scheduled")["scheduled_reports"][0]["name"] == "Support"
    assert scheduled.read_bytes() == b"queue,calls\r\n6400,12\r\n"
    missing = run.results("missing")
    assert missing["failed"] and "period" in missing["msg"] and missing["api_requests"]["sent"] == []
    assert "9999" in run.results("unknown extension")["msg"]
