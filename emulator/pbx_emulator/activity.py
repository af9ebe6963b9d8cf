"""What happens on the PBX rather than how it is configured: registrations, calls in
queues, parked calls, call records (CDR), recordings, scheduled reports and the files
handed out for download.

The API cannot create any of it; the control API sets it (``extension_status``,
``queue_status``, ``parked_calls``, ``scheduled_reports``) or generates it from a seed
(``calls/generate``), and ``record_call`` is the one entry point through which a call,
generated or simulated, becomes a CDR and, when answered and recorded, a recording.
"""

from __future__ import annotations

import calendar
import math
import random
import secrets
import string
import struct
import time
from dataclasses import dataclass, field
from typing import Any

# Recordings are 8 kHz, 8-bit unsigned PCM mono WAV files: 8000 bytes per second.
WAV_RATE = 8000
WAV_HEADER_SIZE = 44
DOWNLOAD_TTL = 30 * 60          # "The download URL is valid for 30 minutes" (L13587)
DISPOSITIONS = ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "VOICEMAIL")
CALL_TYPES = ("Inbound", "Outbound", "Internal")
HANGUP_REASONS = ("src hangup", "dst hangup")
DEVICES = ("sip_phone", "linkus_desktop", "linkus_mobile", "linkus_web")
DEVICE_TYPES = {"sip_phone": "sip", "linkus_desktop": "linkusdesktop",
                "linkus_mobile": "linkusmobile", "linkus_web": "linkusweb"}
LINKUS_MOBILE_TYPES = ("ios", "android", "ipad", "pad")


@dataclass
class Download:
    name: str
    content_type: str
    expires: float
    content: bytes = b""
    recording_id: int | None = None     # recordings are rendered when served, not kept in memory


@dataclass
class Activity:
    cdrs: list[dict] = field(default_factory=list)
    recordings: list[dict] = field(default_factory=list)
    # extension id -> {device: registration}, see online_status()
    registrations: dict[int, dict] = field(default_factory=dict)
    # queue id -> {"waiting_list": [...], "ringing_list": [...], "active_list": [...]}
    queue_calls: dict[int, dict] = field(default_factory=dict)
    # extension number -> agent call_status (1 idle ... 5 held) set by queue_status
    agent_call_status: dict[str, int] = field(default_factory=dict)
    parked_calls: list[dict] = field(default_factory=list)
    scheduled_reports: list[dict] = field(default_factory=list)
    downloads: dict[str, Download] = field(default_factory=dict)
    next_cdr_id: int = 0
    next_recording_id: int = 0


# ---------------------------------------------------------------- registrations

def online_status(activity: Activity, ext_id: int) -> dict:
    """The Ext_Basicinfo online_status: SIP details in status_list (L1597-1599)."""
    registered = activity.registrations.get(ext_id, {})
    view = {}
    for device in DEVICES:
        entries = registered.get(device) or []
        if not entries:
            view[device] = {"status": 0}
            continue
        entry: dict[str, Any] = {"status": 0 if device == "sip_phone" else 1,
                                 "ext_dev_type": DEVICE_TYPES[device]}
        if device in ("sip_phone", "linkus_mobile"):
            entry["status_list"] = [dict(e, status=1) for e in entries]
        view[device] = entry
    return view


def registration_entries(device: str, value: Any) -> list[dict]:
    """Control input for one device: false/[] (offline), true, an address or a list of them."""
    if value in (False, None, [], ""):
        return []
    values = value if isinstance(value, list) else [value]
    entries = []
    for item in values:
        if device == "sip_phone":
            if not isinstance(item, str) or ":" not in item:
                raise ValueError("sip_phone takes 'IP:port' strings")
            entries.append({"ip": item})
        elif device == "linkus_mobile":
            if item not in LINKUS_MOBILE_TYPES:
                raise ValueError(f"linkus_mobile takes {', '.join(LINKUS_MOBILE_TYPES)}")
            entries.append({"ip": "203.0.113.%d" % (len(entries) + 10), "linkus_dev_type": item})
        elif item is True:
            entries.append({})
        else:
            raise ValueError(f"{device} takes true or false")
    return entries


def is_registered(activity: Activity, ext_id: int) -> bool:
    return any(activity.registrations.get(ext_id, {}).values())


# ---------------------------------------------------------------- call records

def display_time(timestamp: int) -> str:
    """The PBX display format the emulator uses: month/day/year, 24-hour, UTC (L13880)."""
    return time.strftime("%m/%d/%Y %H:%M:%S", time.gmtime(timestamp))


def parse_display_time(text: str) -> int | None:
    try:
        return calendar.timegm(time.strptime(text.strip(), "%m/%d/%Y %H:%M:%S"))
    except (ValueError, AttributeError):
        return None


def party(number: str, name: str = "") -> str:
    return f"{name}<{number}>" if name else number


def record_call(activity: Activity, call: dict, recorded: bool = True) -> dict:
    """Store one finished call as a CDR (and a recording when answered and recorded).

    ``call`` holds timestamp, from_number, from_name, to_number, to_name, call_type,
    disposition, ring_duration, talk_duration and optionally src_addr, src_trunk,
    dst_trunk, did_number, dod_number, reason and record_file (the name a recording
    already has)."""
    activity.next_cdr_id += 1
    stamp = int(call["timestamp"])
    uid = time.strftime("%Y%m%d%H%M%S", time.gmtime(stamp)) + "%05X" % (activity.next_cdr_id & 0xFFFFF)
    talk = int(call.get("talk_duration") or 0) if call["disposition"] == "ANSWERED" else 0
    ring = int(call.get("ring_duration") or 0)
    cdr = {
        "id": activity.next_cdr_id, "timestamp": stamp, "uid": uid,
        "from_number": call["from_number"], "from_name": call.get("from_name", ""),
        "to_number": call["to_number"], "to_name": call.get("to_name", ""),
        "src_addr": call.get("src_addr", "192.168.28.25"),
        "src_trunk": call.get("src_trunk", ""), "dst_trunk": call.get("dst_trunk", ""),
        "ring_duration": ring, "talk_duration": talk, "duration": ring + talk,
        "disposition": call["disposition"], "call_type": call["call_type"],
        "did_number": call.get("did_number", ""), "dod_number": call.get("dod_number", ""),
        "record_file": "", "reason": call.get("reason", "src hangup"),
    }
    if recorded and (talk or call.get("record_file")):
        cdr["record_file"] = call.get("record_file") or "%s-%d.%d-%s-%s-%s.wav" % (
            time.strftime("%Y%m%d%H%M%S", time.gmtime(stamp + ring)), stamp, cdr["id"] % 1000,
            cdr["from_number"], cdr["to_number"], cdr["call_type"])
        activity.next_recording_id += 1
        activity.recordings.append({
            "id": activity.next_recording_id, "timestamp": stamp, "uid": uid,
            "call_from": party(cdr["from_number"], cdr["from_name"]),
            "call_to": party(cdr["to_number"], cdr["to_name"]),
            "duration": talk, "size": WAV_HEADER_SIZE + talk * WAV_RATE,
            "call_type": cdr["call_type"], "file": cdr["record_file"],
        })
    activity.cdrs.append(cdr)
    return cdr


def generate_calls(activity: Activity, extensions: list[dict], count: int, seed: int,
                   start: int, days: int) -> list[dict]:
    """``count`` realistic calls between ``start`` and ``start + days``, the same for the same seed.

    ``extensions`` are {number, name} of the PBX's extensions, at least one."""
    rng = random.Random(seed)
    span = max(1, days) * 86400
    stamps = sorted(start + rng.randrange(span) for _ in range(count))
    made = []
    for stamp in stamps:
        caller = rng.choice(extensions)
        call_type = rng.choices(CALL_TYPES, weights=(3, 3, 4))[0]
        disposition = rng.choices(DISPOSITIONS, weights=(70, 12, 6, 4, 8))[0]
        call: dict[str, Any] = {"timestamp": stamp, "call_type": call_type, "disposition": disposition,
                                "ring_duration": rng.randint(1, 25), "talk_duration": rng.randint(4, 240),
                                "reason": rng.choice(HANGUP_REASONS)}
        external = "+1555%07d" % rng.randrange(10 ** 7)
        if call_type == "Internal":
            callee = rng.choice([e for e in extensions if e is not caller] or extensions)
            call.update(from_number=caller["number"], from_name=caller["name"],
                        to_number=callee["number"], to_name=callee["name"])
        elif call_type == "Outbound":
            call.update(from_number=caller["number"], from_name=caller["name"], to_number=external,
                        dst_trunk="SIP-Trunk-1", dod_number=caller["number"])
        else:
            call.update(from_number=external, to_number=caller["number"], to_name=caller["name"],
                        src_trunk="SIP-Trunk-1", did_number="5550100", src_addr="198.51.100.7")
        if disposition in ("BUSY", "FAILED", "NO ANSWER"):
            call["reason"] = "dst extension_busy_no_forward" if disposition == "BUSY" else "dst hangup"
        made.append(record_call(activity, call, recorded=rng.random() < 0.8))
    return made


# ---------------------------------------------------------------- files

def wav_bytes(recording: dict) -> bytes:
    """A real WAV file of the recording's length: a tone whose pitch depends on the recording."""
    data_size = recording["size"] - WAV_HEADER_SIZE
    header = b"RIFF" + struct.pack("<I", 36 + data_size) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, WAV_RATE, WAV_RATE, 1, 8) + b"data" + struct.pack("<I", data_size)
    period = 10 + recording["id"] % 30
    cycle = bytes(128 + int(60 * math.sin(2 * math.pi * i / period)) for i in range(period))
    return header + (cycle * (data_size // period + 1))[:data_size]


def offer_download(activity: Activity, stem: str, extension: str, *, content: bytes = b"",
                   recording_id: int | None = None) -> Download:
    """Register a file under /api/download/ and return it; names are unguessable, like the PBX's."""
    suffix = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))
    name = "%s-download-%s-%s.%s" % (stem, time.strftime("%Y%m%d%H%M%S", time.gmtime()), suffix, extension)
    content_type = "audio/wav" if extension == "wav" else "text/csv"
    now = time.time()
    for stale in [n for n, d in activity.downloads.items() if d.expires <= now]:
        del activity.downloads[stale]
    download = Download(name, content_type, now + DOWNLOAD_TTL, content, recording_id)
    activity.downloads[name] = download
    return download
