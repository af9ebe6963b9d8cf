"""Registrations, queue and parked-call status, CDR, recordings, call reports and downloads."""

import calendar
import csv
import hashlib
import http.client
import io
import time
import urllib.parse

from conftest import extension_body

START = calendar.timegm((2026, 3, 2, 0, 0, 0))   # a Monday, 00:00 UTC


def seed_extensions(client, *numbers):
    reply = client.control("POST", "seed", {"extensions": [
        extension_body(n, first_name="Agent", last_name=n) for n in numbers]})
    return reply["extensions"]


def generate(client, count=50, seed=7, days=3):
    return client.control("POST", "calls/generate", {"count": count, "seed": seed, "start": START, "days": days})


def fetch(client, resource_url, token):
    """GET {base_url}{download_resource_url}?access_token=...: (status, content type, bytes)."""
    url = urllib.parse.urlsplit(client.base + resource_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
    try:
        connection.request("GET", url.path + "?" + urllib.parse.urlencode({"access_token": token}),
                           headers={"User-Agent": "OpenAPI"})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        connection.close()


def test_registration_and_presence_set_by_control(authed):
    ids = seed_extensions(authed, "1001", "1002")
    authed.control("POST", "extension_status", {
        "1001": {"presence_status": "away", "sip_phone": ["192.168.1.20:5060"], "linkus_mobile": ["android"]},
        "1002": {"linkus_desktop": True}})
    data = {e["number"]: e for e in authed.get("extension/list")["data"]}
    first = data["1001"]["online_status"]
    assert data["1001"]["presence_status"] == "away"
    assert first["sip_phone"] == {"status": 0, "ext_dev_type": "sip",
                                  "status_list": [{"ip": "192.168.1.20:5060", "status": 1}]}
    assert first["linkus_mobile"]["status_list"][0]["linkus_dev_type"] == "android"
    assert first["linkus_web"] == {"status": 0}
    assert data["1002"]["online_status"]["linkus_desktop"] == {"status": 1, "ext_dev_type": "linkusdesktop"}
    # presence changed by control shows in the detail view too; unregistering a device
    assert authed.get("extension/get", id=ids[0])["data"]["presence_status"] == "away"
    authed.control("POST", "extension_status", {"1001": {"sip_phone": False}})
    assert authed.get("extension/list")["data"][0]["online_status"]["sip_phone"] == {"status": 0}
    status, reply = authed.raw("POST", "/_emulator/extension_status", {"1001": {"presence_status": "gone"}},
                               headers={})
    assert status == 400 and "presence_status" in reply["error"]


def test_generated_cdrs_are_seedable_and_realistic(authed):
    seed_extensions(authed, "1001", "1002", "1003")
    made = generate(authed)
    assert made["cdrs"] == 50 and 0 < made["recordings"] < 50
    first = authed.get("cdr/list", sort_by="id", order_by="asc")
    assert first["total_number"] == 50
    # same seed, same calls
    authed.control("POST", "reset")
    authed.login()
    seed_extensions(authed, "1001", "1002", "1003")
    generate(authed)
    again = authed.get("cdr/list", sort_by="id", order_by="asc")
    assert [c["call_from"] for c in again["data"]] == [c["call_from"] for c in first["data"]]
    for cdr in first["data"]:
        assert cdr["disposition"] in ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "VOICEMAIL")
        assert cdr["call_type"] in ("Inbound", "Outbound", "Internal")
        assert time.strftime("%m/%d/%Y %H:%M:%S", time.gmtime(cdr["timestamp"])) == cdr["time"]
        if cdr["disposition"] != "ANSWERED":
            assert "talk_duration" not in cdr     # empty fields are left out (L13760-13793)
    answered = [c for c in first["data"] if "record_file" in c]
    recordings = {r["file"]: r for r in authed.get("recording/list", page_size=100)["data"]}
    assert {c["record_file"] for c in answered} == set(recordings)
    assert all(recordings[c["record_file"]]["uid"] == c["uid"] for c in answered)


def test_cdr_paging_sorting_and_search(authed):
    seed_extensions(authed, "1001", "1002")
    generate(authed, count=30)
    pages = [authed.get("cdr/list", page=p, page_size=12, sort_by="id", order_by="desc") for p in (1, 2, 3)]
    ids = [c["id"] for page in pages for c in page["data"]]
    assert ids == list(range(30, 0, -1)) and all(p["total_number"] == 30 for p in pages)
    day = authed.get("cdr/search", start_time="03/02/2026 00:00:00", end_time="03/02/2026 23:59:59")
    assert day["total_number"] > 0
    assert all(c["time"].startswith("03/02/2026") for c in day["data"])
    assert authed.get("cdr/search", start_time="2026-03-02")["total_number"] == 0   # wrong format: nothing
    from_1001 = authed.get("cdr/search", call_from="1001", status="ANSWERED")["data"]
    assert from_1001 and all(c["call_from"].endswith("<1001>") and c["disposition"] == "ANSWERED"
                             for c in from_1001)
    assert authed.get("cdr/search", call_from="100")["total_number"] == 0
    assert authed.get("cdr/search", call_from="100", enable_fuzzy_search=1)["total_number"] > 0
    bad = authed.get("cdr/search", status="LOST")
    assert bad["errcode"] == 40002 and bad["invalid_param_list"] == [{"field": "status", "validation_type": "enum"}]


def test_recording_download_returns_the_wav_file(authed, server):
    seed_extensions(authed, "1001", "1002")
    generate(authed, count=10)
    recording = authed.get("recording/list", sort_by="id")["data"][0]
    offer = authed.get("recording/download", id=recording["id"])
    assert offer["file"] == recording["file"]
    assert offer["download_resource_url"].startswith("/api/download/Recording-")
    status, kind, body = fetch(authed, offer["download_resource_url"], authed.token)
    assert (status, kind) == (200, "audio/wav")
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE" and len(body) == recording["size"]
    by_file = authed.get("recording/download", file=recording["file"])
    assert hashlib.sha256(fetch(authed, by_file["download_resource_url"], authed.token)[2]).digest() == \
        hashlib.sha256(body).digest()
    assert fetch(authed, offer["download_resource_url"], "not-a-token")[2].startswith(b'{"errcode": 10004')
    assert fetch(authed, "/api/download/nothing.wav", authed.token)[0] == 404
    assert authed.get("recording/download")["invalid_param_list"] == [{"field": "id", "validation_type": "required"}]
    assert authed.get("recording/download", id=999)["errcode"] == 60001
    assert authed.control("GET", "counters")["by_endpoint"]["api/download"] == 4


def test_cdr_download_is_a_csv_of_the_filtered_records(authed):
    seed_extensions(authed, "1001", "1002")
    generate(authed, count=20)
    offer = authed.get("cdr/download", call_from="1001", enable_fuzzy_search="0")
    assert offer["file"].startswith("Cdr-") and offer["file"].endswith(".csv")
    status, kind, body = fetch(authed, offer["download_resource_url"], authed.token)
    assert (status, kind) == (200, "text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    expected = authed.get("cdr/search", call_from="1001")
    assert [int(r["id"]) for r in rows] == sorted(c["id"] for c in expected["data"])


def test_call_reports_and_scheduled_reports(authed):
    ids = seed_extensions(authed, "1001", "1002")
    generate(authed, count=40)
    stats = authed.get("call_report/list", type="extcallstatistics", ext_id_list=",".join(map(str, ids)),
                       start_time="03/01/2026 00:00:00", end_time="03/31/2026 23:59:59")
    assert stats["total_number"] == 2
    rows = {r["ext_num"]: r for r in stats["ext_call_statistics_list"]}
    cdrs = authed.get("cdr/search", call_from="1001")["data"] + authed.get("cdr/search", call_to="1001")["data"]
    answered = {c["id"] for c in cdrs if c["disposition"] == "ANSWERED"}
    assert rows["1001"]["answered_calls"] == len(answered)
    hourly = authed.get("call_report/list", type="extcallactivity", time="2026/03/02", ext_id_list=str(ids[0]))
    assert all(0 <= r["time"] <= 23 for r in hourly["ext_call_activity_list"])
    missing = authed.get("call_report/list", type="extcallactivity")
    assert {i["field"] for i in missing["invalid_param_list"]} == {"time", "ext_id_list"}
    # each endpoint has its own spelling of the queue callback report (L14082 / L14728)
    assert authed.get("call_report/list", type="queuecallbacksactivity", queue_id_list="1")["errcode"] == 40002
    offer = authed.get("call_report/download", type="extcallstatistics", ext_id_list=str(ids[0]))
    body = fetch(authed, offer["download_resource_url"], authed.token)[2].decode()
    assert body.splitlines()[0].startswith("ext_num,ext_name,answered_calls")
    authed.control("POST", "scheduled_reports", {"reports": [
        {"name": "Support", "date": "2026/03/05 08:00:00", "content": "queue,calls\r\n6400,12\r\n"}]})
    listed = authed.get("call_schedule_report/list")
    assert listed["data"] == [{"id": 1, "name": "Support", "format": "csv", "date": "2026/03/05 08:00:00"}]
    offer = authed.get("call_schedule_report/download", id=1)
    assert offer["file"] == "Support.csv"
    assert fetch(authed, offer["download_resource_url"], authed.token)[2] == b"queue,calls\r\n6400,12\r\n"


def test_queue_call_agent_status_and_parked_calls(authed):
    ids = seed_extensions(authed, "1001", "1002")
    authed.control("POST", "seed", {"queues": [{"number": "6400", "name": "Support", "ring_strategy": "ring_all", "fail_dest": "end_call", "static_agent_list": [
        {"value": str(ids[0])}, {"value": str(ids[1])}]}]})
    queue_id = authed.get("queue/list")["queue_list"][0]["id"]
    call = {"call_id": "1699424450.42", "caller_number": "5505501", "caller_display_name": "Leo Ball",
            "callee_number": "6400", "callee_display_name": "Support", "duration": 5}
    authed.control("POST", "queue_status", {"queues": {"6400": {"waiting_list": [call]}}, "agents": {"1001": 2}})
    status = authed.get("queue/call_status", id=queue_id)
    assert status["waiting_list"] == [call] and status["waiting_calls"] == 1 and status["active_calls"] == 0
    agents = {a["number"]: a for a in authed.get("queue/agent_status", id=queue_id)["data"]}
    assert agents["1001"]["call_status"] == 2 and agents["1002"]["call_status"] == 0
    assert authed.get("call/park_status")["data"] == []
    parked = {"parker": "1001", "parked_party": "5505501", "parking_slot": "6000", "park_time": 60,
              "channel_id": "PJSIP/trunk-000000a7"}
    authed.control("POST", "parked_calls", {"calls": [parked]})
    assert authed.get("call/park_status")["data"] == [parked]
