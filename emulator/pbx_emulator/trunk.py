"""trunk/* : SIP trunks of the three kinds register, peer and account (manual L4658-6167).

One stored record per trunk with the uniform field set of the query example
(L5458-5483: an account trunk returns hostname/port/domain/proxy fields too,
empty). Passwords are returned in clear, as in every example (L5125, L5470).
Outbound routes and inbound routes refer to trunks by id; deleting a trunk a
route uses is refused with 70091.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import callflow
from .api import Call, Endpoint
from .state import Instance
from .validation import FLAG, TEXT, Rule, check, optional, raise_if, require_valid

KIND = "trunk"
KINDS = ("register", "peer", "account")
SORT_FIELDS = ("id", "name", "type", "host_port", "def_outbound_cid", "username")
# One spelling of DNS NAPTR: the manual prints dnstaptr, dnsnaptr, dnsnatr and dnssnaptr.
TRANSPORTS = ("udp", "tcp", "tls", "dnsnaptr")
CODECS = ("ulaw", "alaw", "g729", "gsm", "h264", "h263", "h263p", "ilbc", "g722", "g726",
          "speex", "adpcm", "mpeg4", "vp8", "opus")
STATUS_IDLE = 1
STATUS_DISABLED = 44
# trunk/itsp_list as the example prints it (L5545-5618).
ITSPS = (
    (64, "United States", "Test"), (65, "Germany", "Deutsche Telefon Standard"),
    (66, "Canada", "United Cloud"), (67, "Belgium", "Intellinet"), (68, "Belgium", "Intellinet2"),
    (69, "Canada", "HELIATEL Premium"), (70, "Canada", "RingOffice"), (71, "Canada", "VoIP.ms"),
    (72, "Croatia", "SignumTEL"), (73, "France", "TELECOM OBJECT"),
)
PASSWORD_RULE = re.compile(r"(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{10,}")
NUMBER_RANGE = re.compile(r"(\d+)-(\d+)")
PORT = Rule(int, range=(1, 65535))
REQUIRED_TEXT = Rule(str, required=True, nonempty=True)

EXTENSION = {
    "id": Rule(int, required=True),
    "type": Rule(str, enum=("extension", "ext_group")),
    "ext_number": TEXT, "ext_name": TEXT,
}
OUTBOUND_CID = {
    "outbound_cid_option": Rule(str, required=True, enum=("range", "shared")),
    "outbound_cid": REQUIRED_TEXT,
    "outbound_cid_name": TEXT,
    "outbound_cid_to_ext_range": TEXT,
    "ext_list": Rule(list, items=EXTENSION),
}
DID = {"did": REQUIRED_TEXT, "did_name": TEXT}
COMMON = {
    "name": Rule(str, required=True, nonempty=True, length=(1, 63)),
    "country": REQUIRED_TEXT,
    "type": Rule(str, required=True, enum=KINDS),
    "codec_sel": REQUIRED_TEXT,
    "enable": FLAG,
    "itsp": TEXT,
    "def_outbound_cid": TEXT,
    "def_outbound_cid_name": TEXT,
    "outbound_cid_list": Rule(list, items=OUTBOUND_CID),
}
SERVER = {
    "transport": Rule(str, required=True, enum=TRANSPORTS),
    "hostname": REQUIRED_TEXT,
    "port": replace(PORT, required=True),
    "domain": REQUIRED_TEXT,
    "did_list": Rule(list, items=DID),
}
CREDENTIALS = {"password": REQUIRED_TEXT, "auth_name": REQUIRED_TEXT}
PROXY = {
    "enb_outbound_proxy": FLAG,
    "outbound_proxy_server": TEXT,
    "outbound_proxy_port": Rule(int, range=(0, 65535)),
}
# Tables 112 (register), 116 (peer), 120 (account).
CREATE = {
    "register": {**COMMON, **SERVER, "username": REQUIRED_TEXT, **CREDENTIALS, **PROXY},
    "peer": {**COMMON, **SERVER},
    "account": {**COMMON, "transport": Rule(str, required=True, enum=TRANSPORTS[:3]),
                "number": REQUIRED_TEXT, **CREDENTIALS},
}
# Fields absent from every update table (124, 128, 132): accepted only unchanged.
CREATE_ONLY = ("type", "country", "itsp")


def _update_schema(kind: str) -> dict[str, Rule]:
    fields = {k: v for k, v in CREATE[kind].items() if k not in CREATE_ONLY and k != "number"}
    if kind == "account":
        fields["username"] = TEXT       # Table 132: the create table's `number`
    return {"id": Rule(int, required=True), **optional(fields),
            **{k: Rule(str) for k in CREATE_ONLY}}


UPDATE = {kind: _update_schema(kind) for kind in KINDS}
DEFAULTS: dict[str, Any] = {
    "enable": 1, "itsp": "", "transport": "udp", "hostname": "", "port": 0, "domain": "",
    "username": "", "password": "", "auth_name": "", "enb_outbound_proxy": 0,
    "outbound_proxy_server": "", "outbound_proxy_port": 0,
    "def_outbound_cid": "", "def_outbound_cid_name": "", "outbound_cid_list": [], "did_list": [],
}
DETAIL_FIELDS = ("id", "name", "enable", "country", "itsp", "type", "transport", "hostname", "port", "domain",
                 "username", "password", "auth_name", "enb_outbound_proxy", "outbound_proxy_server",
                 "outbound_proxy_port", "codec_sel", "def_outbound_cid", "def_outbound_cid_name",
                 "outbound_cid_list", "did_list")


def _codecs(text: str, errors: list[dict]) -> str:
    """A comma-separated list of known codecs, each once, order kept (it is the preference)."""
    codecs = [c.strip() for c in text.split(",")]
    check(all(c in CODECS for c in codecs), "codec_sel", "enum", errors)
    check(len(set(codecs)) == len(codecs), "codec_sel", "invalid", errors)
    return ",".join(codecs)


def _span(text: str) -> int | None:
    match = NUMBER_RANGE.fullmatch(text or "")
    if not match or int(match[1]) > int(match[2]):
        return None
    return int(match[2]) - int(match[1])


def _outbound_cids(pbx: Instance, entries: list[dict], errors: list[dict]) -> list[dict]:
    stored = []
    for index, entry in enumerate(entries):
        where = f"outbound_cid_list[{index}]."
        members = entry.get("ext_list") or []
        if entry["outbound_cid_option"] == "range":
            # "5503301-5503302" for extensions "1001-1002": two ranges of one size.
            span = _span(entry.get("outbound_cid_to_ext_range", ""))
            check(span is not None, where + "outbound_cid_to_ext_range", "format", errors)
            check(_span(entry["outbound_cid"]) is not None, where + "outbound_cid", "format", errors)
            check(span is None or _span(entry["outbound_cid"]) in (None, span),
                  where + "outbound_cid_to_ext_range", "invalid", errors)
            check(not members, where + "ext_list", "invalid", errors)
        else:
            check(bool(members), where + "ext_list", "required", errors)
            check(not entry.get("outbound_cid_to_ext_range"), where + "outbound_cid_to_ext_range",
                  "invalid", errors)
            callflow.member_errors(pbx, [{"type": m.get("type", "extension"), "value": str(m["id"])}
                                         for m in members], where + "ext_list", errors,
                                   {"extension": "extension", "ext_group": None})
        stored.append({
            "id": pbx.data.allocate("trunk_outbound_cid"),
            "outbound_cid_option": entry["outbound_cid_option"],
            "outbound_cid": entry["outbound_cid"],
            "outbound_cid_name": entry.get("outbound_cid_name", ""),
            "outbound_cid_to_ext_range": entry.get("outbound_cid_to_ext_range", ""),
            "ext_list": [{"id": m["id"], "type": m.get("type", "extension")} for m in members],
        })
    return stored


def _itsp_errors(record: dict, errors: list[dict]) -> None:
    if not record["itsp"]:
        return
    countries = {name: country for _, country, name in ITSPS}
    if record["itsp"] not in countries:
        errors.append({"field": "itsp", "validation_type": "not_exist"})
    else:
        check(countries[record["itsp"]] == record["country"], "itsp", "invalid", errors)


def _apply(pbx: Instance, params: dict, current: dict, action: str) -> dict:
    merged = {**current, **{k: v for k, v in params.items()
                            if k not in ("id", "number", "outbound_cid_list", "did_list")}}
    if "number" in params:
        merged["username"] = params["number"]
    errors: list[dict] = []
    merged["codec_sel"] = _codecs(merged["codec_sel"], errors)
    if merged["type"] == "register" and "password" in params:
        # Stated for register create (L5656); the same account on edit.
        check(bool(PASSWORD_RULE.fullmatch(params["password"])), "password", "format", errors)
    _itsp_errors(merged, errors)
    if "outbound_cid_list" in params:
        merged["outbound_cid_list"] = _outbound_cids(pbx, params["outbound_cid_list"], errors)
    if "did_list" in params:
        dids = [d["did"] for d in params["did_list"]]
        check(len(set(dids)) == len(dids), "did_list", "invalid", errors)
        merged["did_list"] = [{"id": pbx.data.allocate("trunk_did"), "did": d["did"],
                               "did_name": d.get("did_name", "")} for d in params["did_list"]]
    raise_if(errors)
    callflow.require_unique_name(pbx, KIND, merged["name"], current.get("id"), action, "Trunk")
    return merged


def create_trunk(pbx: Instance, params: dict) -> int:
    kind = params.get("type")
    # Without a known type only the fields every kind shares are required.
    require_valid(params, CREATE[kind] if kind in KINDS else {**optional(CREATE["register"]),
                                                               **optional(CREATE["account"]), **COMMON})
    merged = _apply(pbx, params, dict(DEFAULTS), "create")
    merged["id"] = pbx.data.allocate(KIND)
    pbx.data.trunks[merged["id"]] = merged
    return merged["id"]


def update_trunk(pbx: Instance, params: dict) -> None:
    # The stored trunk's kind picks the update table, so the id is checked first.
    trunk_id = params.get("id")
    require_valid({"id": trunk_id}, {"id": Rule(int, required=True)})
    current = callflow.get_object(pbx, KIND, trunk_id)
    require_valid(params, UPDATE[current["type"]])
    errors: list[dict] = []
    for name in CREATE_ONLY:
        check(params.get(name, current[name]) == current[name], name, "invalid", errors)
    raise_if(errors)
    pbx.data.trunks[trunk_id] = _apply(pbx, params, current, "update")


# ---------------------------------------------------------------- views

def _status(trunk: dict) -> int:
    return STATUS_IDLE if trunk["enable"] else STATUS_DISABLED


def _host_port(trunk: dict) -> str:
    return f"{trunk['hostname']}:{trunk['port']}" if trunk["type"] != "account" else ""


def summary_view(trunk: dict) -> dict:
    """Trunk_Info: empty values are left out, username only for register/account (L4712)."""
    view = {"id": trunk["id"], "status": _status(trunk), "name": trunk["name"], "type": trunk["type"],
            "host_port": _host_port(trunk), "def_outbound_cid": trunk["def_outbound_cid"],
            "username": trunk["username"] if trunk["type"] != "peer" else ""}
    return {k: v for k, v in view.items() if v != ""}


def _cid_view(pbx: Instance, entry: dict) -> dict:
    view = {k: entry[k] for k in ("id", "outbound_cid_option", "outbound_cid", "outbound_cid_name")}
    if entry["outbound_cid_option"] == "range":
        view["outbound_cid_to_ext_range"] = entry["outbound_cid_to_ext_range"]
    else:
        view["ext_list"] = []
        for member in entry["ext_list"]:
            shown = callflow.member_view(pbx, member["type"], str(member["id"]))
            view["ext_list"].append({"ext_number": shown["text2"], "ext_name": shown["text"],
                                     "type": member["type"], "id": member["id"]})
    return view


def detail_view(pbx: Instance, trunk: dict) -> dict:
    view = {k: trunk[k] for k in DETAIL_FIELDS}
    view["outbound_cid_list"] = [_cid_view(pbx, e) for e in trunk["outbound_cid_list"]]
    view["did_list"] = [dict(d) for d in trunk["did_list"]]
    if trunk["type"] == "account":
        del view["did_list"]        # no account table has it
    if not trunk["itsp"]:
        del view["itsp"]            # never shown in the examples when not set
    return view


def list_errors(pbx: Instance, trunks: list[dict], errors: list[dict]) -> list[dict]:
    """A route's trunk_list: existing trunks, each once; stored as [{id}] in the order sent."""
    ids = [t["id"] for t in trunks]
    for index, trunk_id in enumerate(ids):
        check(trunk_id in pbx.data.trunks, f"trunk_list[{index}].id", "not_exist", errors)
    check(len(set(ids)) == len(ids), "trunk_list", "invalid", errors)
    return [{"id": trunk_id} for trunk_id in ids]


def reference(trunk: dict) -> dict:
    """The {id, name, type} item routes show for a trunk."""
    return {"id": trunk["id"], "name": trunk["name"], "type": trunk["type"]}


# ---------------------------------------------------------------- endpoints

def _list(call: Call, search: bool) -> dict:
    views = [summary_view(t) for t in call.pbx.data.trunks.values()]
    return callflow.list_views(call, views, SORT_FIELDS, search, ("name", "type", "host_port", "username"))


def itsp_list(call: Call) -> dict:
    require_valid(call.params, {})
    return {"data": [{"id": i, "country": c, "name": n} for i, c, n in ITSPS], "total_number": len(ITSPS)}


# trunk/get's data is declared Array<Trunk_Info> (L4906) but the example returns one object (L5110).
ENDPOINTS = {
    "trunk/list": Endpoint("GET", lambda call: _list(call, search=False)),
    "trunk/search": Endpoint("GET", lambda call: _list(call, search=True)),
    "trunk/itsp_list": Endpoint("GET", itsp_list),
    **callflow.object_endpoints("trunk", KIND, detail_view, create_trunk, update_trunk),
}
