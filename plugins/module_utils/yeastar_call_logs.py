# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the PBX recorded about calls: CDR, recordings and call reports, read in pages and
downloaded to the controller (manual L13435-15019)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import shutil
import tempfile
from datetime import datetime

from ansible_collections.telephony.pbx.plugins.module_utils.downloads import file_sha256
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError

# cdr/list takes pages of at most 10000 (L13652); 1000 keeps each answer a few hundred kilobytes.
CDR_PAGE_SIZE = 1000
DATE_FORMATS = {"mm/dd/yyyy": "%m/%d/%Y", "dd/mm/yyyy": "%d/%m/%Y", "yyyy/mm/dd": "%Y/%m/%d"}
TIME_FORMATS = {"24h": "%H:%M:%S", "12h": "%I:%M:%S %p"}
WRITTEN_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$")
DOWNLOAD_PATH = re.compile(r"^/[^?#]*$")

PBX_FORMAT_FIELDS = [
    Field("pbx_date_format", choices=sorted(DATE_FORMATS), default="mm/dd/yyyy", doc=[
        "The date display format set on the PBX (System > Date and Time). The PBX reads O(start_time) and "
        "O(end_time) in it and answers no records at all, rather than an error, to times in another format; "
        "the module converts the times it is given."]),
    Field("pbx_time_format", choices=sorted(TIME_FORMATS), default="24h", doc=[
        "The time display format set on the PBX, C(24h) or C(12h) (with AM/PM)."]),
]


def time_fields(what):
    return [
        Field("start_time", doc=[
            "Only %s from this time on, written C(YYYY-MM-DD HH:MM:SS) (or C(YYYY-MM-DD) for midnight) in the "
            "PBX's time zone." % what]),
        Field("end_time", doc=[
            "Only %s up to this time, written like O(start_time); a date alone means its last second." % what]),
    ]


def pbx_time(params, name, end=False):
    """A written time in the PBX's display format; None when not given."""
    text = params.get(name)
    if not text:
        return None
    match = WRITTEN_TIME.match(text.strip())
    moment = None
    if match:
        clock = match.group(2) or ("23:59:59" if end else "00:00:00")
        if len(clock) == 5:
            clock += ":00"
        try:
            moment = datetime.strptime("%s %s" % (match.group(1), clock), "%Y-%m-%d %H:%M:%S")
        except ValueError:
            moment = None
    if moment is None:
        raise InputError("%s: %r is not a time written YYYY-MM-DD HH:MM:SS or YYYY-MM-DD" % (name, text))
    return moment.strftime("%s %s" % (DATE_FORMATS[params["pbx_date_format"]], TIME_FORMATS[params["pbx_time_format"]]))


def time_range(params):
    query = dict((name, pbx_time(params, name, end=name == "end_time")) for name in ("start_time", "end_time"))
    if params.get("start_time") and params.get("end_time") and \
            WRITTEN_TIME.match(params["start_time"].strip()) and params["start_time"].strip() > params["end_time"].strip():
        raise InputError("start_time %s is after end_time %s" % (params["start_time"], params["end_time"]))
    return dict((k, v) for k, v in query.items() if v)


def destination(path, option):
    """An absolute path: the connection that writes it has its own working directory."""
    if not os.path.isabs(path):
        raise InputError("%s: give an absolute path on the controller, got %r" % (option, path))
    return path


def download(client, check_mode, endpoint, dest, **params):
    """Ask `endpoint` for a download URL, fetch the file into `dest`; {"path", "file", "size", "sha256", "changed"}.

    In check mode the file goes to a temporary directory and is only compared with `dest`."""
    offer = client.read(endpoint, **params)
    url = offer.get("download_resource_url") or ""
    if not DOWNLOAD_PATH.match(url) or ".." in url:
        raise PBXError(endpoint, errmsg="the PBX answered no usable download_resource_url: %r" % url)
    target = dest
    scratch = None
    if check_mode:
        scratch = tempfile.mkdtemp(prefix="pbx-download-")
        target = os.path.join(scratch, os.path.basename(dest))
    else:
        parent = os.path.dirname(dest)
        if not os.path.isdir(parent):
            os.makedirs(parent)
    try:
        fetched = client.fetch_file(url, target)
        if check_mode:
            fetched["changed"] = file_sha256(dest) != fetched["sha256"]
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return dict(fetched, path=dest, file=offer.get("file"))


def collect(pages, limit):
    """The items of a lazy page reader up to `limit`: no page past the limit is requested."""
    found = []
    for item in pages:
        found.append(item)
        if limit is not None and len(found) >= limit:
            break
    return found


# ------------------------------------------------------------------ CDR

CDR_STATUSES = ["ANSWERED", "NO ANSWER", "BUSY", "FAILED", "VOICEMAIL"]
CDR_SORT = ["id", "uid", "time", "duration", "ring_duration", "talk_duration", "disposition", "src_trunk",
            "dst_trunk", "call_type", "did_number", "dod_number", "src_addr"]

CDR_FIELDS = time_fields("calls made") + [
    Field("call_from", doc=["Only calls made by this number (an extension or an external number)."]),
    Field("call_to", doc=["Only calls made to this number."]),
    Field("status", choices=CDR_STATUSES, doc=["Only calls that ended so."]),
    Field("fuzzy_search", "bool", default=False, doc=[
        "Match O(call_from) and O(call_to) as parts of numbers rather than whole numbers."]),
    Field("extension_group", "int", doc=[
        "Only calls of the members of this extension group, by its ID (C(system/get_menuoptions), menu C(ext_group))."]),
    Field("sort_by", choices=CDR_SORT, default="id", doc=["The field the records are ordered by."]),
    Field("order_by", choices=["asc", "desc"], default="desc", doc=["C(desc) lists the newest records first."]),
    Field("limit", "int", doc=[
        "Return at most this many records (the first pages only); all of them when not given."]),
    Field("download_to", "path", doc=[
        "Also download the CDR file (CSV) of the records the filters select to this absolute path on the "
        "controller. An identical file already there is left alone (RV(download.changed) is false)."]),
] + PBX_FORMAT_FIELDS


def cdr_filters(params):
    query = time_range(params)
    for name in ("call_from", "call_to", "status", "extension_group"):
        if params.get(name) not in (None, ""):
            query[name] = params[name]
    if query and params["fuzzy_search"]:
        query["enable_fuzzy_search"] = 1
    return query


def check_limit(params):
    if params["limit"] is not None and params["limit"] < 1:
        raise InputError("limit: give a number of at least 1, got %d" % params["limit"])


def read_cdrs(module, client):
    params = module.params
    check_limit(params)
    filters = cdr_filters(params)
    dest = destination(params["download_to"], "download_to") if params["download_to"] else None
    order = dict(sort_by=params["sort_by"], order_by=params["order_by"])
    endpoint = "cdr/search" if filters else "cdr/list"
    page_size = CDR_PAGE_SIZE if params["limit"] is None else min(CDR_PAGE_SIZE, params["limit"])
    cdrs = collect(client.pages(endpoint, page_size=page_size, **dict(filters, **order)), params["limit"])
    result = {"changed": False, "cdrs": cdrs}
    if dest:
        result["download"] = download(client, module.check_mode, "cdr/download", dest, **filters)
        result["changed"] = result["download"]["changed"]
    result["api_requests"] = client.report()
    return result


# ------------------------------------------------------------------ recordings

RECORDING_FIELDS = [
    Field("ids", "list", elements="int", doc=["The recordings to download, by ID (the C(id) of an item of RV(recordings))."]),
    Field("files", "list", elements="str", doc=[
        "The recordings to download, by file name (the C(file) of an item of RV(recordings), the C(record_file) of a CDR)."]),
    Field("dest", "path", doc=[
        "Absolute path of a directory on the controller to download the recordings chosen with O(ids) and O(files) "
        "into, each under its file name; created when missing. With none chosen, nothing is downloaded.",
        "A file of the same name and the size the PBX lists is already there: it is not downloaded again. Recording "
        "files are never changed on the PBX and their names hold the call's time and ID."]),
    Field("sort_by", choices=["id", "time"], default="id", doc=["The field the list is ordered by."]),
    Field("order_by", choices=["asc", "desc"], default="desc", doc=["C(desc) lists the newest recordings first."]),
    Field("limit", "int", doc=["List at most this many recordings; all of them when not given."]),
]


def recordings(module, client):
    params = module.params
    check_limit(params)
    chosen_ids, chosen_files = params["ids"] or [], params["files"] or []
    if (chosen_ids or chosen_files) and not params["dest"]:
        raise InputError("ids and files choose recordings to download: give dest, the directory to put them in")
    dest = destination(params["dest"], "dest") if params["dest"] else None
    pages = client.pages("recording/list", page_size=CDR_PAGE_SIZE, sort_by=params["sort_by"],
                         order_by=params["order_by"])
    # Chosen recordings may be on any page; otherwise the pages past the limit are not read.
    listed = list(pages) if chosen_ids or chosen_files else collect(pages, params["limit"])
    by_id = dict((r["id"], r) for r in listed)
    by_file = dict((r["file"], r) for r in listed)
    missing = [str(i) for i in chosen_ids if i not in by_id] + [f for f in chosen_files if f not in by_file]
    if missing:
        raise InputError("no recording %s on this PBX (%d recordings listed)" % (", ".join(missing), len(listed)))
    chosen = [by_id[i] for i in chosen_ids] + [by_file[f] for f in chosen_files if by_file[f]["id"] not in chosen_ids]
    downloaded = [fetch_recording(module, client, recording, dest) for recording in chosen]
    shown = listed if params["limit"] is None else listed[:params["limit"]]
    return {"changed": any(d["changed"] for d in downloaded), "recordings": shown, "downloaded": downloaded,
            "api_requests": client.report()}


def fetch_recording(module, client, recording, dest):
    name = os.path.basename(recording["file"])
    if not name or name in (".", ".."):
        raise PBXError("recording/list", errmsg="recording %s has no usable file name: %r" % (recording["id"], name))
    path = os.path.join(dest, name)
    if os.path.isfile(path) and os.path.getsize(path) == recording.get("size"):
        return {"id": recording["id"], "file": name, "path": path, "size": recording["size"],
                "sha256": file_sha256(path), "changed": False}
    if module.check_mode:
        return {"id": recording["id"], "file": name, "path": path, "size": recording.get("size"), "sha256": None,
                "changed": True}
    fetched = download(client, False, "recording/download", path, id=recording["id"])
    return {"id": recording["id"], "file": name, "path": path, "size": fetched["size"], "sha256": fetched["sha256"],
            "changed": fetched["changed"]}


# ------------------------------------------------------------------ call reports

# The report types as call_report/list spells them (L14077-14083); call_report/download spells the queue
# callback report with an "s" (L14728).
REPORT_TYPES = ["extcallstatistics", "extcallactivity", "trunkactivity", "trunkdiddodactivity", "ivr",
                "queueavgwaittalktime", "queueperformance", "queueperformanceactivity", "queuecallbacksummary",
                "queuecallbackactivity", "queuesatisfaction", "queuesatisfactiondetail", "queueagentlogintime",
                "queueagentpausetime", "queueagentmisscalls", "queueagentperformance", "queueagentinoutcalls",
                "ringgroupstatistics", "extcallbilling", "extcallbillingdetails"]
DOWNLOAD_SPELLING = {"queuecallbackactivity": "queuecallbacksactivity"}
REPORT_LIST_KEYS = dict(zip(REPORT_TYPES, [
    "ext_call_statistics_list", "ext_call_activity_list", "trunk_activity_list", "trunk_did_dod_activity_list",
    "ivr_list", "queue_avg_wait_talk_time_list", "queue_performance_list", "queue_performance_activity_list",
    "queue_callbacks_summary_list", "queue_callbacks_activity_list", "queue_satisfaction",
    "queue_satisfaction_detail_list", "queue_agent_login_time_list", "queue_agent_pause_time_list",
    "queue_agent_miss_calls_list", "queue_agent_performance_list", "queue_agent_in_out_calls_list",
    "ring_group_statistics_list", "ext_call_billing_list", "ext_call_billing_details_list"]))
ACTIVITY_REPORTS = ("extcallactivity", "trunkactivity", "trunkdiddodactivity", "queueavgwaittalktime",
                    "queueperformanceactivity")
SINGLE_QUEUE_REPORTS = ("queuesatisfaction", "queuesatisfactiondetail", "queueagentlogintime", "queueagentpausetime",
                        "queueagentmisscalls", "queueagentperformance", "queueagentinoutcalls")
QUEUE_LIST_REPORTS = ("queueavgwaittalktime", "queueperformance", "queueperformanceactivity", "queuecallbacksummary",
                      "queuecallbackactivity")
# option -> (the reports that need it, the reports that take it): the manual's applicability matrix.
REPORT_OPTIONS = {
    "period": (ACTIVITY_REPORTS, ACTIVITY_REPORTS),
    "extensions": (("extcallstatistics", "extcallactivity"),
                   ("extcallstatistics", "extcallactivity", "extcallbilling", "extcallbillingdetails")),
    "trunk_ids": (("trunkactivity", "trunkdiddodactivity"),
                  ("trunkactivity", "trunkdiddodactivity", "extcallbilling", "extcallbillingdetails")),
    "ivrs": (("ivr",), ("ivr",)),
    "ring_groups": (("ringgroupstatistics",), ("ringgroupstatistics",)),
    "queues": (SINGLE_QUEUE_REPORTS + QUEUE_LIST_REPORTS, SINGLE_QUEUE_REPORTS + QUEUE_LIST_REPORTS),
    "agents": ((), SINGLE_QUEUE_REPORTS[1:]),
}
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

CALL_REPORT_FIELDS = [
    Field("type", choices=REPORT_TYPES, doc=[
        "The instant report to read (and download with O(download_to)), as C(call_report/list) names it.",
        "Not given: the module lists the scheduled reports, and downloads the one named O(scheduled_report)."]),
] + time_fields("calls") + [
    Field("period", doc=[
        "For the activity reports (C(extcallactivity), C(trunkactivity), C(trunkdiddodactivity), "
        "C(queueavgwaittalktime), C(queueperformanceactivity)): C(YYYY-MM-DD) for a day by hour, C(YYYY-MM) for a "
        "month by day, C(YYYY) for a year by month."]),
    Field("extensions", "list", elements="str", doc=["The extensions reported on, by number."]),
    Field("trunk_ids", "list", elements="int", doc=[
        "The trunks reported on, by ID (C(system/get_menuoptions), menu C(trunk)); C(trunkdiddodactivity) takes one."]),
    Field("ivrs", "list", elements="str", doc=["The IVRs reported on, by number."]),
    Field("ring_groups", "list", elements="str", doc=["The ring groups reported on, by number."]),
    Field("queues", "list", elements="str", doc=[
        "The queues reported on, by number; the queue satisfaction and agent reports take one."]),
    Field("agents", "list", elements="str", doc=["Only these agents of the queue, by extension number."]),
    Field("communication_type", choices=["Inbound", "Outbound", "Internal"], doc=[
        "Only calls of this direction (extension and trunk reports; trunk reports know no C(Internal))."]),
    Field("scheduled_report", doc=["The scheduled report to download with O(download_to), by name."]),
    Field("download_to", "path", doc=[
        "Download the report's file (CSV) to this absolute path on the controller. An identical file already there "
        "is left alone."]),
] + PBX_FORMAT_FIELDS


def report_period(text):
    match = PERIOD.match(text.strip())
    if not match:
        raise InputError("period: write YYYY-MM-DD, YYYY-MM or YYYY, got %r" % text)
    parts = [p for p in match.groups() if p]
    try:
        datetime.strptime("-".join(parts + ["01"] * (3 - len(parts))), "%Y-%m-%d")
    except ValueError:
        raise InputError("period: %r is not a date" % text)
    # The manual gives the period in year/month/day order only (L14100).
    return "/".join(parts)


def report_query(client, params):
    report = params["type"]
    query = dict(type=report, **time_range(params))
    for option, (needed, taken) in REPORT_OPTIONS.items():
        if params.get(option) and report not in taken:
            raise InputError("%s: the %s report does not take it" % (option, report))
        if not params.get(option) and report in needed:
            raise InputError("%s: the %s report needs it" % (option, report))
    if params.get("period"):
        query["time"] = report_period(params["period"])
    ids = dict((option, client.lookup(kind).ids(params[option], option))
               for option, kind in (("extensions", "extension"), ("agents", "extension"), ("ivrs", "ivr"),
                                    ("ring_groups", "ring_group"), ("queues", "queue")) if params.get(option))
    if params.get("trunk_ids"):
        ids["trunk_ids"] = params["trunk_ids"]
    single = {"queues": report in SINGLE_QUEUE_REPORTS, "trunk_ids": report == "trunkdiddodactivity"}
    names = {"extensions": "ext_id_list", "agents": "agent_id_list", "ivrs": "ivr_id_list",
             "ring_groups": "ring_group_id_list", "queues": "queue_id_list", "trunk_ids": "trunk_id_list"}
    for option, values in ids.items():
        if single.get(option):
            if len(values) != 1:
                raise InputError("%s: the %s report takes exactly one" % (option, report))
            query[names[option].replace("_list", "")] = str(values[0])
        else:
            query[names[option]] = ",".join(str(v) for v in values)
    if params.get("communication_type"):
        query["communication_type"] = params["communication_type"]
    return query


def call_reports(module, client):
    params = module.params
    dest = destination(params["download_to"], "download_to") if params["download_to"] else None
    result = {"changed": False}
    if params["type"]:
        if params["scheduled_report"]:
            raise InputError("scheduled_report: give it without type, which names an instant report")
        query = report_query(client, params)
        answer = client.read("call_report/list", **query)
        result["report"] = answer.get(REPORT_LIST_KEYS[params["type"]]) or []
        if dest:
            query["type"] = DOWNLOAD_SPELLING.get(params["type"], params["type"])
            result["download"] = download(client, module.check_mode, "call_report/download", dest, **query)
    else:
        if dest and not params["scheduled_report"]:
            raise InputError("download_to: name the report to download with type or scheduled_report")
        scheduled = list(client.pages("call_schedule_report/list", page_size=CDR_PAGE_SIZE))
        result["scheduled_reports"] = scheduled
        if params["scheduled_report"]:
            found = [r for r in scheduled if r.get("name") == params["scheduled_report"]]
            if not found:
                raise InputError("scheduled_report: no scheduled report %r on this PBX (known: %s)" % (
                    params["scheduled_report"], ", ".join(sorted(r.get("name", "") for r in scheduled)) or "none"))
            if dest:
                result["download"] = download(client, module.check_mode, "call_schedule_report/download", dest,
                                              id=found[0]["id"])
    if "download" in result:
        result["changed"] = result["download"]["changed"]
    result["api_requests"] = client.report()
    return result
