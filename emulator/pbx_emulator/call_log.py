"""Recordings, CDR, call reports and their downloads (manual L13435-15019), and the parked
calls the control API seeds (served by calls.py's call/park_status). The data lives in ``activity``."""

from __future__ import annotations

import calendar
import csv
import io
import time
from collections import defaultdict
from typing import Iterable

from aiohttp import web

from .activity import (DISPOSITIONS, Activity, Download, display_time, offer_download,
                       parse_display_time, party, wav_bytes)
from .api import Call, Endpoint
from .errors import DATA_NOT_FOUND, TOKEN_EXPIRED, envelope, not_found, param_error
from .listing import page_of, paging_schema, sort_items
from .state import Instance
from .validation import Rule, coerce_query, raise_if, require_valid

CDR_SORT_FIELDS = ("id", "uid", "time", "duration", "ring_duration", "talk_duration", "disposition",
                   "src_trunk", "dst_trunk", "call_type", "did_number", "dod_number", "src_addr")
CDR_FIELDS = ("id", "time", "call_from", "call_to", "timestamp", "uid", "src_addr", "src_trunk",
              "dst_trunk", "duration", "ring_duration", "talk_duration", "disposition", "call_type",
              "did_number", "dod_number", "record_file", "reason")
CDR_FILTERS = {
    "start_time": Rule(str), "end_time": Rule(str), "call_from": Rule(str), "call_to": Rule(str),
    "extension_group": Rule(int), "status": Rule(str, enum=DISPOSITIONS),
    "enable_fuzzy_search": Rule(int, enum=(0, 1)),
}
# "each carry one required flag per parameter"; the types each parameter applies to (L14077-14127).
REPORT_TYPES = ("extcallstatistics", "extcallactivity", "trunkactivity", "trunkdiddodactivity", "ivr",
                "queueavgwaittalktime", "queueperformance", "queueperformanceactivity",
                "queuecallbacksummary", "queuecallbackactivity", "queuesatisfaction",
                "queuesatisfactiondetail", "queueagentlogintime", "queueagentpausetime",
                "queueagentmisscalls", "queueagentperformance", "queueagentinoutcalls",
                "ringgroupstatistics", "extcallbilling", "extcallbillingdetails")
REPORT_LIST_KEYS = dict(zip(REPORT_TYPES, (
    "ext_call_statistics_list", "ext_call_activity_list", "trunk_activity_list",
    "trunk_did_dod_activity_list", "ivr_list", "queue_avg_wait_talk_time_list", "queue_performance_list",
    "queue_performance_activity_list", "queue_callbacks_summary_list", "queue_callbacks_activity_list",
    "queue_satisfaction", "queue_satisfaction_detail_list", "queue_agent_login_time_list",
    "queue_agent_pause_time_list", "queue_agent_miss_calls_list", "queue_agent_performance_list",
    "queue_agent_in_out_calls_list", "ring_group_statistics_list", "ext_call_billing_list",
    "ext_call_billing_details_list")))
# call_report/download spells report 10 with an "s" (L14728); each endpoint accepts its own spelling only.
DOWNLOAD_SPELLING = {"queuecallbackactivity": "queuecallbacksactivity"}
REQUIRED_FOR = {
    "time": {"extcallactivity", "trunkactivity", "trunkdiddodactivity", "queueavgwaittalktime",
             "queueperformanceactivity"},
    "ext_id_list": {"extcallstatistics", "extcallactivity"},
    "trunk_id": {"trunkdiddodactivity"},
    "trunk_id_list": {"trunkactivity"},
    "ivr_id_list": {"ivr"},
    "ring_group_id_list": {"ringgroupstatistics"},
    "queue_id": {"queuesatisfaction", "queuesatisfactiondetail", "queueagentlogintime",
                 "queueagentpausetime", "queueagentmisscalls", "queueagentperformance",
                 "queueagentinoutcalls"},
    "queue_id_list": {"queueavgwaittalktime", "queueperformance", "queueperformanceactivity",
                      "queuecallbacksummary", "queuecallbackactivity"},
}
REPORT_PARAMS = {
    "start_time": Rule(str), "end_time": Rule(str), "time": Rule(str), "ext_id_list": Rule(str),
    "trunk_id": Rule(str), "trunk_id_list": Rule(str), "ivr_id_list": Rule(str),
    "ring_group_id_list": Rule(str), "queue_id": Rule(str), "queue_id_list": Rule(str),
    "agent_id_list": Rule(str), "abandon_time": Rule(str), "talk_time": Rule(int),
    "include_internal": Rule(int, enum=(0, 1)), "callback_result": Rule(str, enum=("success", "fail")),
    "reason": Rule(str), "communication_type": Rule(str, enum=("Inbound", "Outbound", "Internal")),
}
# The report `time` parameter: hourly (YYYY/MM/DD), daily (YYYY/MM) or monthly (YYYY) (L14100).
GRANULARITIES = (("%Y/%m/%d", "%H"), ("%Y/%m", "%d"), ("%Y", "%m"))


def activity_of(pbx: Instance) -> Activity:
    return pbx.data.activity


# ---------------------------------------------------------------- CDR

def cdr_view(cdr: dict) -> dict:
    """The CDR_Details of a record; empty and zero fields are left out, as in the examples (L13760-13793)."""
    full = dict(cdr, time=display_time(cdr["timestamp"]),
                call_from=party(cdr["from_number"], cdr["from_name"]),
                call_to=party(cdr["to_number"], cdr["to_name"]))
    return {k: full[k] for k in CDR_FIELDS if full[k] not in ("", 0) or k == "id"}


def _number_matches(wanted: str | None, number: str, fuzzy: bool) -> bool:
    if not wanted:
        return True
    return wanted in number if fuzzy else wanted == number


def filter_cdrs(pbx: Instance, params: dict) -> list[dict]:
    """The cdr/search filters; a time in another format than the PBX's matches nothing (L13880)."""
    fuzzy = bool(params.get("enable_fuzzy_search"))
    group = params.get("extension_group")
    members = None
    if group is not None:
        # The emulator models extension groups as departments (get_menuoptions has no ext_group).
        members = {e["number"] for e in pbx.data.extensions.values() if group in e["organization_list"]}
    found = []
    for cdr in filter_cdrs_by_time(activity_of(pbx).cdrs, params.get("start_time"), params.get("end_time")):
        if params.get("status") and cdr["disposition"] != params["status"]:
            continue
        if not _number_matches(params.get("call_from"), cdr["from_number"], fuzzy):
            continue
        if not _number_matches(params.get("call_to"), cdr["to_number"], fuzzy):
            continue
        if members is not None and not members.intersection((cdr["from_number"], cdr["to_number"])):
            continue
        found.append(cdr)
    return found


def _params(call: Call, schema: dict[str, Rule]) -> dict:
    params = coerce_query(call.params, schema)
    require_valid(params, schema)
    return params


def _paged(call: Call, items: list[dict], params: dict, view) -> dict:
    ordered = sort_items(items, params, key_of=lambda item, name: item.get(
        "timestamp" if name == "time" else name))
    return {"total_number": len(items), "data": [view(i) for i in page_of(ordered, params)]}


def cdr_list(call: Call) -> dict:
    params = _params(call, paging_schema(call.pbx.config.max_page_size, CDR_SORT_FIELDS))
    return _paged(call, activity_of(call.pbx).cdrs, params, cdr_view)


def cdr_search(call: Call) -> dict:
    # No paging is documented for search; the emulator pages it like cdr/list so that large
    # results stay bounded (docs/emulator.md).
    schema = {**paging_schema(call.pbx.config.max_page_size, CDR_SORT_FIELDS), **CDR_FILTERS}
    params = _params(call, schema)
    return _paged(call, filter_cdrs(call.pbx, params), params, cdr_view)


def _csv(rows: Iterable[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def _offered(download: Download, file: str | None = None) -> dict:
    return {"file": file or download.name, "download_resource_url": "/api/download/" + download.name}


def cdr_download(call: Call) -> dict:
    # enable_fuzzy_search is typed String here (L13991), Integer in cdr/search: in a query string both are "0"/"1".
    params = _params(call, CDR_FILTERS)
    rows = [dict(cdr_view(c)) for c in sorted(filter_cdrs(call.pbx, params), key=lambda c: c["id"])]
    download = offer_download(activity_of(call.pbx), "Cdr-X.7.0.16", "csv",
                              content=_csv(rows, list(CDR_FIELDS)))
    return _offered(download)


# ---------------------------------------------------------------- recordings

def recording_view(recording: dict) -> dict:
    view = {k: v for k, v in recording.items() if k != "timestamp"}
    view["time"] = display_time(recording["timestamp"])
    return view


def recording_list(call: Call) -> dict:
    params = _params(call, paging_schema(call.pbx.config.max_page_size, ("id", "time")))
    return _paged(call, activity_of(call.pbx).recordings, params, recording_view)


def recording_download(call: Call) -> dict:
    params = _params(call, {"id": Rule(int), "file": Rule(str)})
    if "id" not in params and not params.get("file"):
        raise param_error("id", "required")
    recordings = activity_of(call.pbx).recordings
    # The id wins when both are given (the manual does not say).
    if "id" in params:
        found = [r for r in recordings if r["id"] == params["id"]]
    else:
        found = [r for r in recordings if r["file"] == params["file"]]
    if not found:
        raise not_found("recording does not exist")
    recording = found[0]
    stem = "Recording-X.7.0.16-%d" % recording["id"]
    download = offer_download(activity_of(call.pbx), stem, "wav", recording_id=recording["id"])
    return {"file": recording["file"], "download_resource_url": "/api/download/" + download.name}


# ---------------------------------------------------------------- call reports

def _report_params(call: Call, download: bool) -> dict:
    types = tuple(DOWNLOAD_SPELLING.get(t, t) for t in REPORT_TYPES) if download else REPORT_TYPES
    params = _params(call, {"type": Rule(str, required=True, enum=types), **REPORT_PARAMS})
    report = {v: k for k, v in DOWNLOAD_SPELLING.items()}.get(params["type"], params["type"])
    raise_if([{"field": name, "validation_type": "required"}
              for name, types_needing in REQUIRED_FOR.items()
              if report in types_needing and not params.get(name)])
    return dict(params, type=report)


def _id_list(pbx: Instance, text: str, field: str) -> list[dict]:
    ids = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or int(part) not in pbx.data.extensions:
            raise param_error(field, "not_exist")
        ids.append(int(part))
    return [pbx.data.extensions[i] for i in ids]


def filter_cdrs_by_time(cdrs: list[dict], start_text: str | None, end_text: str | None) -> list[dict]:
    start = parse_display_time(start_text) if start_text else None
    end = parse_display_time(end_text) if end_text else None
    if (start_text and start is None) or (end_text and end is None):
        return []
    return [c for c in cdrs if (start is None or c["timestamp"] >= start) and (end is None or c["timestamp"] <= end)]


def _activity_window(text: str) -> tuple[int, int, str] | None:
    """The period a report `time` covers and the strftime code of its buckets."""
    for fmt, bucket in GRANULARITIES:
        try:
            parts = time.strptime(text.strip(), fmt)
        except ValueError:
            continue
        start = calendar.timegm(parts)
        if fmt == "%Y/%m/%d":
            end = start + 86400
        elif fmt == "%Y/%m":
            year, month = parts.tm_year + parts.tm_mon // 12, parts.tm_mon % 12 + 1
            end = calendar.timegm((year, month, 1, 0, 0, 0))
        else:
            end = calendar.timegm((parts.tm_year + 1, 1, 1, 0, 0, 0))
        return start, end, bucket
    return None


def _call_counts(cdrs: Iterable[dict], number: str | None) -> dict:
    counts = {"answered_calls": 0, "no_answer_calls": 0, "busy_calls": 0, "failed_calls": 0,
              "voicemail_calls": 0, "total_holding_time": 0, "total_talking_time": 0}
    names = {"ANSWERED": "answered_calls", "NO ANSWER": "no_answer_calls", "BUSY": "busy_calls",
             "FAILED": "failed_calls", "VOICEMAIL": "voicemail_calls"}
    for cdr in cdrs:
        if number is not None and number not in (cdr["from_number"], cdr["to_number"]):
            continue
        counts[names[cdr["disposition"]]] += 1
        counts["total_holding_time"] += cdr["ring_duration"]
        counts["total_talking_time"] += cdr["talk_duration"]
    return counts


def report_rows(pbx: Instance, params: dict) -> list[dict]:
    """Rows of a report computed from the CDRs; reports about calls the emulator has no history of
    (IVR key presses, queue waits, agent logins, billing) are empty."""
    cdrs = activity_of(pbx).cdrs
    if params.get("communication_type"):
        cdrs = [c for c in cdrs if c["call_type"] == params["communication_type"]]
    report = params["type"]
    if report == "extcallstatistics":
        cdrs = filter_cdrs_by_time(cdrs, params.get("start_time"), params.get("end_time"))
        return [{"ext_num": e["number"], "ext_name": " ".join(p for p in (e["first_name"], e["last_name"]) if p),
                 **_call_counts(cdrs, e["number"])}
                for e in _id_list(pbx, params["ext_id_list"], "ext_id_list")]
    if report in ("extcallactivity", "trunkactivity"):
        window = _activity_window(params["time"])
        if window is None:
            return []
        start, end, bucket = window
        chosen = [c for c in cdrs if start <= c["timestamp"] < end]
        if report == "extcallactivity":
            numbers = {e["number"] for e in _id_list(pbx, params["ext_id_list"], "ext_id_list")}
            chosen = [c for c in chosen if numbers.intersection((c["from_number"], c["to_number"]))]
        buckets: dict[int, list[dict]] = defaultdict(list)
        for cdr in chosen:
            buckets[int(time.strftime(bucket, time.gmtime(cdr["timestamp"])))].append(cdr)
        if report == "extcallactivity":
            return [{"time": t, **_call_counts(rows, None)} for t, rows in sorted(buckets.items())]
        return [{"time": t, "trunk_list": _trunk_statistics(rows)} for t, rows in sorted(buckets.items())]
    return []


def _trunk_statistics(cdrs: list[dict]) -> list[dict]:
    by_trunk: dict[str, list[dict]] = defaultdict(list)
    for cdr in cdrs:
        by_trunk[cdr["src_trunk"] or cdr["dst_trunk"] or "Internal"].append(cdr)
    by_trunk["Device"] = cdrs
    return [{"trunk_name": name, "total_calls": len(rows), "max_concurrent_call": 1 if rows else 0,
             "total_talk_duration": sum(r["talk_duration"] for r in rows),
             **({"trunk_type": "register"} if name not in ("Internal", "Device") else {})}
            for name, rows in by_trunk.items()]


def call_report_list(call: Call) -> dict:
    params = _report_params(call, download=False)
    rows = report_rows(call.pbx, params)
    return {"total_number": len(rows), "is_12hour": 0, REPORT_LIST_KEYS[params["type"]]: rows}


def _flatten(row: dict) -> dict:
    return {k: v for k, v in row.items() if not isinstance(v, (list, dict))}


def call_report_download(call: Call) -> dict:
    params = _report_params(call, download=True)
    rows = report_rows(call.pbx, params)
    if params["type"] == "trunkactivity":
        rows = [dict(trunk, time=row["time"]) for row in rows for trunk in row["trunk_list"]]
    columns = list(dict.fromkeys(k for row in rows for k in _flatten(row))) or ["time"]
    stem = "%s-x.7.0.16" % REPORT_LIST_KEYS[params["type"]].title().replace("_", "")
    download = offer_download(activity_of(call.pbx), stem, "csv", content=_csv(map(_flatten, rows), columns))
    return _offered(download)


def schedule_view(report: dict) -> dict:
    return {k: report[k] for k in ("id", "name", "format", "date")}


def schedule_list(call: Call) -> dict:
    params = _params(call, paging_schema(call.pbx.config.max_page_size, ("id", "name")))
    return _paged(call, activity_of(call.pbx).scheduled_reports, params, schedule_view)


def schedule_download(call: Call) -> dict:
    params = _params(call, {"id": Rule(int, required=True)})
    found = [r for r in activity_of(call.pbx).scheduled_reports if r["id"] == params["id"]]
    if not found:
        raise not_found("scheduled report does not exist")
    report = found[0]
    download = offer_download(activity_of(call.pbx), report["name"], report["format"],
                              content=report["content"].encode("utf-8"))
    # The scheduled report keeps its plain name (L14992-15000).
    return _offered(download, file="%s.%s" % (report["name"], report["format"]))


# ---------------------------------------------------------------- download resource

def serve_download(request: web.Request, pbx: Instance, name: str) -> web.Response:
    """GET {base_url}/api/download/<name>?access_token=...: the file bytes.

    The manual describes neither headers nor failures: a bad token gets the API's 10004
    envelope, an unknown or expired file HTTP 404 with 60001."""
    if pbx.tokens.valid_access(request.query.get("access_token")) is None:
        return web.json_response(envelope(TOKEN_EXPIRED))
    download = activity_of(pbx).downloads.get(name)
    if download is None or download.expires <= time.time():
        return web.json_response(envelope(DATA_NOT_FOUND), status=404)
    content = download.content
    if download.recording_id is not None:
        recording = [r for r in activity_of(pbx).recordings if r["id"] == download.recording_id]
        if not recording:
            return web.json_response(envelope(DATA_NOT_FOUND), status=404)
        content = wav_bytes(recording[0])
    return web.Response(body=content, content_type=download.content_type, headers={
        "Content-Disposition": 'attachment; filename="%s"' % name})


ENDPOINTS = {
    "cdr/list": Endpoint("GET", cdr_list),
    "cdr/search": Endpoint("GET", cdr_search),
    "cdr/download": Endpoint("GET", cdr_download),
    "recording/list": Endpoint("GET", recording_list),
    "recording/download": Endpoint("GET", recording_download),
    "call_report/list": Endpoint("GET", call_report_list),
    "call_report/download": Endpoint("GET", call_report_download),
    "call_schedule_report/list": Endpoint("GET", schedule_list),
    "call_schedule_report/download": Endpoint("GET", schedule_download),
}
