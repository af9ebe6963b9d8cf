# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar connectivity as data: SIP trunks (three kinds, each with its own fields), outbound routes (dial
patterns, trunks in order, who may use them, PIN protection) and inbound routes (DID and caller ID matching,
trunks, the default destination)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.engine import REPLACE
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, ResourceSpec, Scalar
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import destination, distinct
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_ivrs import members
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_pin_lists import trimmed_name
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    YeastarAdapter,
    as_id,
    department_path,
    flag,
    needs_mixed_case_and_digits,
)

CODECS = ["ulaw", "alaw", "g729", "gsm", "h264", "h263", "h263p", "ilbc", "g722", "g726", "speex", "adpcm", "mpeg4",
          "vp8", "opus"]
DEFAULT_CODECS = ["ulaw", "alaw", "g729"]
TRUNK_KINDS = ["register", "peer", "account"]
# The fields of each kind of trunk beyond those every trunk has (manual Tables 112, 116, 120 and 124, 128, 132),
# and those its creation needs.
KIND_FIELDS = {
    "register": ["hostname", "port", "domain", "username", "password", "auth_name", "enb_outbound_proxy",
                 "outbound_proxy_server", "outbound_proxy_port", "dids"],
    "peer": ["hostname", "port", "domain", "dids"],
    "account": ["username", "password", "auth_name"],
}
KIND_REQUIRED = {
    "register": ["hostname", "port", "username", "password", "auth_name"],
    "peer": ["hostname", "port"],
    "account": ["username", "password", "auth_name"],
}
KIND_ONLY = sorted(set(name for names in KIND_FIELDS.values() for name in names))
GENERAL = "general"


def split_codecs(value):
    return [codec.strip() for codec in value.split(",") if codec.strip()] if isinstance(value, str) else value


def trunk_items(ids):
    return [{"id": as_id(ident)} for ident in ids]


def trunk_ids(items):
    return [as_id(item["id"]) for item in items or [] if item.get("id") not in (None, "")]


def extension_ids(items):
    return [as_id(item["id"]) for item in items or [] if item.get("type", "extension") == "extension"]


def extension_refs(ids):
    return [{"id": as_id(ident), "type": "extension"} for ident in ids]


def with_kind_rules(fields):
    """A trunk's answer holds every field, empty where its kind has none: such fields apply to the trunks of
    their kinds only (gathered leaves the others out)."""
    for field in fields:
        if field.name in KIND_ONLY:
            field.applies_if = lambda trunk, name=field.name: name in KIND_FIELDS.get(trunk.get("type"), ())
    return fields


TRUNK = ResourceSpec("trunk", "trunk", with_kind_rules([
    Field("name", identity=True, required=True, length=(1, 127), check=trimmed_name, doc=[
        "Trunk name; identifies the trunk (routes refer to it by it)."]),
    Field("type", choices=TRUNK_KINDS, required_on_create=True, create_only=REPLACE, doc=[
        "C(register): the PBX registers to the provider with O(username) and O(password); C(peer): the provider "
        "and the PBX trust each other's address (O(hostname)); C(account): a third-party device registers to the "
        "PBX with O(username) and O(password).",
        "Required when the trunk is created. Changing it replaces the trunk: a new trunk of the new kind is "
        "created under a temporary name, the old one deleted and the new one renamed; the diff says so. The "
        "replacement keeps the old trunk's options that its kind has, unless the task sets them; secrets are "
        "never carried over, so the task gives them. The PBX refuses the deletion while a route uses the trunk: "
        "the temporary trunk is then deleted again and the task fails, the old trunk untouched."]),
    flag("enable", "Whether the trunk is enabled.", reset=True),
    Field("country", create_only=True, doc=[
        "Country of the provider template, as C(trunk/itsp_list) names it, or C(general). Set when the trunk is "
        "created (by default the country of O(itsp), else C(general)); the API cannot change it afterwards."]),
    Field("itsp", create_only=True, doc=[
        "Provider (ITSP) template, by the name C(trunk/itsp_list) gives it (for example C(VoIP.ms)); a name the "
        "PBX does not list fails before any write. Set when the trunk is created; the API cannot change it "
        "afterwards."]),
    Field("transport", choices=["udp", "tcp", "tls", "dnsnaptr"], create_default="udp", reset="udp", doc=[
        "SIP transport; C(dnsnaptr) (DNS NAPTR) for C(register) and C(peer) trunks only. When the trunk is "
        "created without it, C(udp)."]),
    Field("hostname", doc="Provider's domain or IP address (C(register) and C(peer); required to create them)."),
    Field("port", "int", value_range=(1, 65535), doc=[
        "Provider's SIP port (C(register) and C(peer); required to create them)."]),
    Field("domain", doc=[
        "Provider's SIP domain (C(register) and C(peer)). When the trunk is created without it, O(hostname)."]),
    Field("username", doc=[
        "C(register): the SIP account's user name the provider gave; C(account): the user name the device registers "
        "with (the API calls it C(number) on creation). Required to create those kinds."]),
    Field("password", secret=True, length=(1, 127), doc=[
        "C(register) and C(account): the SIP account's password; for C(register) at least 10 characters with "
        "digits, uppercase and lowercase letters (the PBX's rule). Required to create those kinds.",
        "The PBX reveals it, so with O(update_password=always) it is compared without being shown and sent only "
        "when it differs; with the default O(update_password=on_create) it is sent only when the trunk is created "
        "(or replaced). Never shown: diffs, results and logs mask it."]),
    Field("auth_name", doc="Authentication name (C(register) and C(account); required to create them)."),
    flag("enb_outbound_proxy", "Send through an outbound proxy (C(register) only).", reset=False),
    Field("outbound_proxy_server", reset="", doc="Outbound proxy's domain or IP address (C(register) only)."),
    Field("outbound_proxy_port", "int", value_range=(0, 65535), reset=0, doc=[
        "Outbound proxy's port (C(register) only); C(0) when there is none."]),
    Field("codecs", "list", elements="str", api="codec_sel", choices=CODECS, check_list=distinct,
          to_api=",".join, from_api=split_codecs, create_default=tuple(DEFAULT_CODECS), reset=DEFAULT_CODECS, doc=[
              "Codecs, in order of preference: compared in order. When the trunk is created without them, "
              "C([ulaw, alaw, g729])."]),
    Field("def_outbound_cid", reset="", doc="Default outbound caller ID number."),
    Field("def_outbound_cid_name", reset="", doc="Default outbound caller ID name."),
    Field("outbound_caller_ids", "list", elements="dict", api="outbound_cid_list", unordered=True, reset=[], options=[
        Field("option", api="outbound_cid_option", choices=["shared", "range"], required=True, doc=[
            "C(shared): the extensions of O(outbound_caller_ids[].extensions) call out with one caller ID; "
            "C(range): the extensions of O(outbound_caller_ids[].extension_range) map one to one onto the caller "
            "ID range O(outbound_caller_ids[].caller_id)."]),
        Field("caller_id", api="outbound_cid", required=True, doc=[
            "The caller ID number, or for C(range) a range such as C(5503301-5503302)."]),
        Field("caller_id_name", api="outbound_cid_name", doc="The caller ID name."),
        Field("extension_range", api="outbound_cid_to_ext_range", doc=[
            "For C(range): the extension range, such as C(1001-1002)."]),
        Field("extensions", "list", elements="str", api="ext_list", reference="extension", unordered=True,
              to_api=extension_refs, from_api=extension_ids, doc=[
                  "For C(shared): the extension numbers that use the caller ID. Extension groups are not managed: "
                  "an entry that holds them is replaced by what the task declares."]),
    ], doc=[
        "Outbound caller IDs per extension; the complete list, compared as a set (order does not matter)."]),
    Field("dids", "list", elements="dict", api="did_list", unordered=True, reset=[], options=[
        Field("did", required=True, doc="The DID number."),
        Field("name", api="did_name", doc="A name for it."),
    ], doc=["The trunk's DID numbers (C(register) and C(peer)); the complete list, compared as a set."]),
]))


class NamedAdapter(YeastarAdapter):
    """Objects known by name with summary lists and detail reads: one found by search then get, all of them by
    list pages then query batches of 100."""

    def list(self):
        listed = list(self.client.pages(self.area + "/list"))
        if self.kind:
            self.client.remember_table(self.kind, self.client.named_table(self.kind, listed))
        summaries = dict((item["id"], item) for item in listed)
        return [self.completed(item, summaries.get(item["id"], {}))
                for item in self.client.query(self.area + "/query", list(summaries))]

    def find(self, identity):
        for item in self.client.pages(self.area + "/search", search_value=identity["name"]):
            if item.get("name") == identity["name"]:
                data = self.client.read(self.area + "/get", id=item["id"])["data"]
                # The manual declares trunk/get's data an array and shows an object: take either.
                return self.completed(data[0] if isinstance(data, list) else data, item)
        return None

    def completed(self, detail, summary):
        """An object's details with what only its list entry reports."""
        return detail

    def identity_of(self, current):
        return {"name": current["name"]}

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"])


class TrunkAdapter(NamedAdapter):
    """SIP trunks: each kind takes its own fields; a change of kind is a replacement."""

    spec = TRUNK
    kind = "trunk"
    area = "trunk"

    @staticmethod
    def kind_of(wanted_options, current):
        return wanted_options.get("type") or (current or {}).get("type")

    def applicable(self, identity, wanted_options, declared, current):
        trunk_kind = self.kind_of(declared, current)
        if trunk_kind not in KIND_FIELDS:
            return wanted_options  # no kind yet: creation reports the missing type
        foreign = [name for name in KIND_ONLY if name not in KIND_FIELDS[trunk_kind]]
        given = [name for name in foreign if declared.get(name) not in (None, [], "")]
        if given:
            article = "an" if trunk_kind == "account" else "a"
            raise InputError("%s: %s %s trunk has no %s" % (self.label(identity), article, trunk_kind, ", ".join(given)))
        if trunk_kind == "account" and declared.get("transport") == "dnsnaptr":
            raise InputError("%s: transport dnsnaptr is for register and peer trunks only" % self.label(identity))
        return dict((name, value) for name, value in wanted_options.items() if name not in foreign)

    def check_create(self, identity, wanted):
        trunk_kind = wanted.get("type")
        missing = [name for name in KIND_REQUIRED.get(trunk_kind, []) if wanted.get(name) in (None, "")]
        if missing:
            raise InputError("%s is required to create the %s trunk %s" % (
                " and ".join(missing), trunk_kind, identity["name"]))
        if trunk_kind == "register":
            problem = needs_mixed_case_and_digits(wanted["password"])
            if problem or len(wanted["password"]) < 10:
                raise InputError("password of a register trunk must be at least 10 characters and %s"
                                 % "contain digits, uppercase and lowercase letters")

    def kept_on_replace(self, current, wanted):
        kept = {}
        fields = KIND_FIELDS[wanted["type"]]
        for field in self.spec.fields:
            if field.identity or field.secret or field.create_only == REPLACE or field.name in wanted:
                continue
            if field.name in KIND_ONLY and field.name not in fields:
                continue
            value = field.canonical_from_api(field.read(current))
            if value not in (None, "", ()):
                kept[field.name] = value
        return kept

    def itsp_countries(self):
        return self.client.memo("itsp countries", lambda: dict(
            (item["name"], item["country"]) for item in self.client.read("trunk/itsp_list").get("data") or []))

    def create_payload(self, identity, fields):
        payload = dict(fields, name=identity["name"])
        if payload.get("itsp") and not self.client.offline:
            countries = self.itsp_countries()
            if payload["itsp"] not in countries:
                raise InputError("itsp: the PBX lists no provider %r (trunk/itsp_list: %s)"
                                 % (payload["itsp"], ", ".join(sorted(countries)) or "none"))
            payload.setdefault("country", countries[payload["itsp"]])
        payload.setdefault("country", GENERAL)
        if payload.get("type") in ("register", "peer"):
            payload.setdefault("domain", payload.get("hostname"))
        if payload.get("type") == "account" and "username" in payload:
            # Account trunks: `number` on creation, `username` on update and in answers (manual L5774, L6040).
            payload["number"] = payload.pop("username")
        return payload

    def replace(self, current, payload):
        """A trunk of another kind under the same name: created under a temporary name first (names are unique),
        so the old trunk goes only once its replacement exists."""
        temporary = "%s (replacing %s)" % (payload["name"], current["id"])
        replacement = self.create(dict(payload, name=temporary))
        try:
            self.delete(current)
        except Exception:
            if replacement.get("id") is not None:
                self.delete(replacement)
            raise
        # In check mode nothing was created: the rename is planned without an id.
        self.update({"id": replacement.get("id")}, {"name": payload["name"]})
        return dict(replacement, name=payload["name"])


class Position(Scalar):
    """A route's place in the PBX's list (1 is tried first). The API reports it and has no way to set it
    (create appends, update takes no position), so it is compared, never sent; the adapter refuses a move."""

    def payload(self, field, canonical, current):
        return {}


def position(route):
    return Field("position", "int", api="pos", codec=Position(), value_range=(1, 9999), doc=[
        "The route's place in the PBX's list of %s routes (1 is matched first). The OpenAPI reports it but "
        "cannot set it: a new route goes last, so declare routes in order (a O(telephony.pbx.yeastar_config#module:"
        "config) section creates them in the order given). Given, it is checked: a route elsewhere fails the task "
        "before any write, naming where it is; move it in the web interface." % route])


OUTBOUND_ROUTE = ResourceSpec("outbound_route", "outbound route", [
    Field("name", identity=True, required=True, length=(1, 127), check=trimmed_name, doc=[
        "Outbound route name; identifies the route (extensions and IVRs refer to it by it)."]),
    Field("outbound_cid", reset="", doc="Outbound caller ID of the route; empty leaves it to the trunk."),
    Field("dial_patterns", "list", elements="dict", api="dial_pattern_list", reset=[], options=[
        Field("pattern", required=True, doc="The pattern dialled numbers match, such as C(9X.) or C(NXXNXXXXXX)."),
        Field("strip", "int", default=0, value_range=(0, 99), doc="How many leading digits to strip (default 0)."),
        Field("prepend", doc="Digits to put in front of the number after stripping."),
    ], doc=["Dial patterns, compared in order; the complete list."]),
    Field("trunks", "list", elements="str", api="trunk_list", reference="trunk", check_list=distinct,
          to_api=trunk_items, from_api=trunk_ids, reset=[], doc=[
              "Names of the trunks calls go out through, in failover order: compared in order."]),
    members("extensions", "ext_list", "extension", "extension", id_key="id", wire_id=as_id, doc=[
        "Extension numbers that may use the route; the complete list, compared as a set. Extension groups in the "
        "PBX's list are kept as they are."]),
    members("departments", "ext_list", "organization", "department", id_key="id", wire_id=as_id,
            check=department_path, doc=[
                "Departments (by name, or by path such as C(Sales/EU)) whose extensions may use the route; the "
                "complete list, compared as a set."]),
    Field("pin_protect", choices=["disable", "single_pin", "pin_list"], create_default="disable", reset="disable",
          doc=["Ask callers for a PIN: C(disable) no, C(single_pin) O(pin), C(pin_list) one of the PINs of "
               "O(pin_list). When the route is created without it, C(disable)."]),
    Field("pin", secret=True, pattern=r"^[0-9]+$", pattern_hint="digits", doc=[
        "The PIN for O(pin_protect=single_pin). The PBX reveals it, so with O(update_password=always) it is "
        "compared without being shown and sent only when it differs; with the default O(update_password=on_create) "
        "it is sent only when the route is created or starts asking for a single PIN (the PBX requires it then)."]),
    Field("pin_list", reference="pin_list", to_api=as_id, doc=[
        "Name of the PIN list for O(pin_protect=pin_list) (see M(telephony.pbx.yeastar_pin_list))."]),
    position("outbound"),
])

INBOUND_DESTINATIONS = ["disabled", "end_call", "extension", "pattern_to_ext", "range_to_ext", "pattern_to_ext_list",
                        "ext_vm", "ivr", "ring_group", "queue", "group_vm", "conference", "external_num", "outroute",
                        "play_greeting", "fax_to_email"]
# The ways a route matches the called number (did_option) and the caller (cid_option): the options of each way.
DID_MODES = {"patterns": ("did_patterns",), "pattern_to_ext": ("did_pattern_to_extension",),
             "range_to_ext": ("did_range_start", "did_range_end"), "pattern_to_ext_list": ("did_extensions",)}
CID_MODES = {"patterns": ("cid_patterns",), "phonebook": ("cid_phonebooks",)}
MATCHING = (("did_option", DID_MODES), ("cid_option", CID_MODES))
# What the OpenAPI reports of time-based routing (list and search answers, Table 186) and cannot set.
TIME_KEYS = ("time_condition", "time_condition_value", "business_hours_destination",
             "business_hours_destination_value", "outside_business_hours_destination",
             "outside_business_hours_destination_value", "holidays_hours_destination",
             "holidays_hours_destination_value")


def in_mode(option, mode):
    """Whether a route as the API holds it matches in `mode` (an omitted option is `patterns`)."""
    return lambda route: (route.get(option) or "patterns") == mode


def phonebook_ids(value):
    """cid_to_phonebook: an array of ids in the tables, the string "[10,5]" in the examples (L8132)."""
    if isinstance(value, str):
        value = [part for part in value.strip("[] ").split(",") if part.strip()]
    return [as_id(str(ident).strip()) for ident in value or []]


def pattern_records(key):
    return (lambda patterns: [{key: pattern} for pattern in patterns],
            lambda items: [item[key] for item in items or []])


class ReadOnly(Scalar):
    """What the API reports and cannot set, as it reports it: never sent; the adapter refuses a change."""

    def __init__(self, keys, unset):
        self.keys = keys
        self.unset = unset

    def read(self, field, current):
        shown = dict((key, current[key]) for key in self.keys if key in current)
        return shown or None

    def from_api(self, field, value):
        return None if value == self.unset else value

    def payload(self, field, canonical, current):
        return {}


INBOUND_ROUTE = ResourceSpec("inbound_route", "inbound route", [
    Field("name", identity=True, required=True, length=(1, 127), check=trimmed_name, doc=[
        "Inbound route name; identifies the route."]),
    Field("alert_info", reset="", doc="Alert-Info keyword, so phones ring distinctively for calls of this route."),
    Field("did_patterns", "list", elements="str", api="did_pattern_list", unordered=True, reset=[],
          applies_if=in_mode("did_option", "patterns"), to_api=pattern_records("did_pattern")[0],
          from_api=pattern_records("did_pattern")[1], doc=[
              "Called numbers (DID patterns) the route takes, such as C(5503300) or C(55033XX); none: every DID. "
              "The complete list, compared as a set.",
              "One of the four ways to match the called number, with O(did_pattern_to_extension), "
              "O(did_range_start) and O(did_range_end), and O(did_extensions): give at most one; the route then "
              "matches that way (C(did_option) on the wire). A route that matches another way keeps it when none "
              "is given; it matches by patterns again only with patterns (the PBX requires one)."]),
    Field("did_pattern_to_extension", api="did_pattern_to_ext", applies_if=in_mode("did_option", "pattern_to_ext"),
          doc=["A DID pattern whose digits name the extension to ring, as the web interface writes it (C(did_option) "
               "C(pattern_to_ext)); goes with O(default_destination) C({type: pattern_to_ext}). A pattern with "
               "C({{ }}) must be marked C(!unsafe) so Ansible does not template it."]),
    Field("did_range_start", api="did_to_ext_start", pattern=r"^[0-9]+$", pattern_hint="digits",
          applies_if=in_mode("did_option", "range_to_ext"), doc=[
              "First called number of a DID range mapped one to one onto an extension range (C(did_option) "
              "C(range_to_ext)); O(did_range_end) goes with it, and O(default_destination) C({type: range_to_ext, "
              "range: '2001-2010'}) names the extensions."]),
    Field("did_range_end", api="did_to_ext_end", pattern=r"^[0-9]+$", pattern_hint="digits",
          applies_if=in_mode("did_option", "range_to_ext"), doc=[
              "Last called number of the DID range of O(did_range_start), not below it."]),
    Field("did_extensions", "list", elements="dict", api="did_pattern_to_ext_list", unordered=True,
          applies_if=in_mode("did_option", "pattern_to_ext_list"), options=[
              Field("did", api="did_pattern", required=True, pattern=r"^[0-9]+$", pattern_hint="digits", doc=[
                  "The called number."]),
              Field("extension", api="did_pattern_to_ext", reference="extension", required=True, to_api=str,
                    from_api=as_id, doc="Number of the extension it rings."),
          ], doc=[
              "Called numbers each mapped to an extension (C(did_option) C(pattern_to_ext_list)); goes with "
              "O(default_destination) C({type: pattern_to_ext_list}). The complete list, compared as a set."]),
    Field("cid_patterns", "list", elements="str", api="cid_pattern_list", unordered=True, reset=[],
          applies_if=in_mode("cid_option", "patterns"), to_api=pattern_records("cid_pattern")[0],
          from_api=pattern_records("cid_pattern")[1], doc=[
              "Caller numbers (patterns) the route takes; none: every caller. The complete list, compared as a "
              "set. Not with O(cid_phonebooks)."]),
    Field("cid_phonebooks", "list", elements="str", api="cid_to_phonebook", reference="phonebook", unordered=True,
          applies_if=in_mode("cid_option", "phonebook"), from_api=phonebook_ids, doc=[
              "Names of phonebooks: the route takes calls from their contacts' numbers (C(cid_option) "
              "C(phonebook)); see M(telephony.pbx.yeastar_phonebook). Compared as a set. Not with "
              "O(cid_patterns)."]),
    Field("trunks", "list", elements="str", api="trunk_list", reference="trunk", unordered=True, check_list=distinct,
          to_api=trunk_items, from_api=trunk_ids, required_on_create=True, doc=[
              "Names of the trunks whose calls the route takes; compared as a set. Required when the route is "
              "created."]),
    destination("default_destination", "def_dest", "def_dest_prefix", "def_dest_value", INBOUND_DESTINATIONS,
                members_key="def_dest_ext_list", required_on_create=True, doc=[
                    "Where the route's calls go, for example C({type: extension, number: '1001'}), C({type: "
                    "ring_group, number: '6300'}), C({type: external_num, number: '5551234', prefix: '9'}), "
                    "C({type: outroute, name: International}) or C({type: play_greeting, prompt: Closed.wav, "
                    "repeat: 2}). Required when the route is created.",
                    "C(group_vm) and C(conference) take the API ID in C(value) and C(pattern_to_ext) extension "
                    "groups by API ID: the collection manages none of them, and the OpenAPI lists them only in the "
                    "web interface's menus."]),
    Field("time_based_routing", "dict", codec=ReadOnly(TIME_KEYS, {"time_condition": "disabled"}), doc=[
        "Time-based routing as the PBX reports it in its route list: C(time_condition) (C(global), "
        "C(route_scope) or C(custom)), C(time_condition_value), and the business-hours, outside-hours and holiday "
        "destinations with their values, under the API's names. Read only: set it in the web interface; the "
        "OpenAPI cannot set it (its create and update take none of these fields).",
        "Given, it is checked: anything else than what the PBX holds (or, for a new route, anything but "
        "C({time_condition: disabled})) fails the task before any write. Left out of gathered output while "
        "C(time_condition) is C(disabled), so gathered output can be declared back unchanged."]),
    position("inbound"),
])


class RouteAdapter(NamedAdapter):
    """Routes: in the PBX's order, which the OpenAPI reports and cannot change (see Position)."""

    def __init__(self, client):
        super(RouteAdapter, self).__init__(client)
        self.appended = 0

    def last_position(self):
        return self.client.memo((self.area, "last_pos"), lambda: int(
            self.client.read(self.area + "/list", page=1, page_size=1).get("last_pos") or 0))

    def applicable(self, identity, wanted_options, declared, current):
        wanted_position = declared.get("position")
        if wanted_position is None:
            return wanted_options
        if current is not None:
            have = current.get("pos")
            if have is not None and int(have) != wanted_position:
                raise InputError(
                    "%s is at position %s, the task asks for %s: the OpenAPI cannot move a route; move it in the web "
                    "interface" % (self.label(identity), have, wanted_position))
        elif not self.client.offline:
            expected = self.last_position() + self.appended + 1
            if wanted_position != expected:
                raise InputError(
                    "%s would be created at position %d (a new route goes last), the task asks for %d"
                    % (self.label(identity), expected, wanted_position))
        return wanted_options

    def create(self, payload):
        self.appended += 1
        return super(RouteAdapter, self).create(payload)

    def completed(self, detail, summary):
        # Inbound route details have no position (Tables 192, 199): their list entries do.
        detail.setdefault("pos", summary.get("pos"))
        return detail

    def sort_key(self, shown):
        return (shown.get("position") or 0, shown["name"])


class OutboundRouteAdapter(RouteAdapter):
    """Outbound routes."""

    spec = OUTBOUND_ROUTE
    kind = "outbound_route"
    area = "outbound_route"

    def secrets_needed(self, wanted_options, current):
        # The PBX requires the PIN with pin_protect=single_pin (Table 243).
        switching = wanted_options.get("pin_protect") == "single_pin" and current.get("pin_protect") != "single_pin"
        return ("pin",) if switching else ()


class InboundRouteAdapter(RouteAdapter):
    """Inbound routes; nothing refers to them. The called number and the caller each match one way (DID_MODES,
    CID_MODES): the options given choose it, and the payload carries the matching option whenever it changes.
    Time-based routing is read from the route list (where the manual documents it) and never written."""

    spec = INBOUND_ROUTE
    area = "inbound_route"

    # The API field that shows which way its payload matches, and that way.
    WIRE_MODES = (("did_pattern_list", "did_option", "patterns"), ("did_pattern_to_ext", "did_option", "pattern_to_ext"),
                  ("did_to_ext_start", "did_option", "range_to_ext"), ("did_to_ext_end", "did_option", "range_to_ext"),
                  ("did_pattern_to_ext_list", "did_option", "pattern_to_ext_list"),
                  ("cid_pattern_list", "cid_option", "patterns"), ("cid_to_phonebook", "cid_option", "phonebook"))

    def completed(self, detail, summary):
        detail = super(InboundRouteAdapter, self).completed(detail, summary)
        for key in TIME_KEYS:
            detail.pop(key, None)
        detail.update((key, summary[key]) for key in TIME_KEYS if key in summary)
        return detail

    def applicable(self, identity, wanted_options, declared, current):
        wanted_options = super(InboundRouteAdapter, self).applicable(identity, wanted_options, declared, current)
        label = self.label(identity)
        chosen = {}
        for option, modes in MATCHING:
            chosen[option] = self.matching_mode(label, option, modes, declared, current)
            for mode, names in modes.items():
                if mode != chosen[option]:
                    for name in names:
                        wanted_options.pop(name, None)  # a reset value of a way the route does not match
        destination = declared.get("default_destination") or {}
        if destination.get("type") == "pattern_to_ext_list" and chosen["did_option"] != "pattern_to_ext_list":
            raise InputError("%s: default_destination pattern_to_ext_list rings the extensions of did_extensions, "
                             "which the route does not have" % label)
        self.check_time_based_routing(label, declared.get("time_based_routing"), current)
        wanted_options.pop("time_based_routing", None)
        return wanted_options

    @staticmethod
    def matching_mode(label, option, modes, declared, current):
        """The way the route will match for `option`: the one whose options are given (validated like the PBX's
        "required when" notes), else the current one."""
        given = [mode for mode, names in modes.items() if any(declared.get(name) is not None for name in names)]
        have = (current or {}).get(option) or "patterns"
        if len(given) > 1:
            raise InputError("%s: %s are different ways to match; give the options of one" % (
                label, ", ".join(" and ".join(modes[mode]) for mode in given)))
        if not given:
            return have
        mode = given[0]
        # Switching ways needs all of the new way's options; the way the route has keeps what is not given
        # (and patterns may be none: every number).
        missing = [name for name in modes[mode] if declared.get(name) in (None, "", [])] if mode != have else []
        if missing:
            raise InputError("%s: %s %s required to match by %s (%s %s)" % (
                label, " and ".join(missing), "is" if len(missing) == 1 else "are", mode, option,
                "takes at least one pattern" if mode == "patterns" else "needs it"))
        if mode == "range_to_ext" and declared.get("did_range_start") and declared.get("did_range_end") and \
                int(declared["did_range_start"]) > int(declared["did_range_end"]):
            raise InputError("%s: did_range_end %s is below did_range_start %s" % (
                label, declared["did_range_end"], declared["did_range_start"]))
        return mode

    def check_time_based_routing(self, label, declared, current):
        if declared is None:
            return
        field = self.spec.by_name["time_based_routing"]
        wanted = field.codec.from_api(field, declared)
        have = field.canonical_from_api(field.read(current)) if current is not None else None
        if wanted != have:
            raise InputError(
                "%s: time_based_routing is set in the web interface; the OpenAPI cannot set it (the PBX holds %s, "
                "the task asks for %s)" % (label, have or field.codec.unset, declared))

    def with_matching_options(self, payload, current):
        """The payload with the matching options that make the PBX use what it sends (no did_option or
        cid_option for an empty pattern list: the PBX requires patterns with `patterns`)."""
        have = None if current is None else dict((option, current.get(option) or "patterns") for option, _modes in MATCHING)
        for key, option, mode in self.WIRE_MODES:
            if payload.get(key) and (have is None or have[option] != mode):
                payload[option] = mode
        return payload

    def create_payload(self, identity, fields):
        return self.with_matching_options(dict(fields, name=identity["name"]), None)

    def update(self, current, payload):
        super(InboundRouteAdapter, self).update(current, self.with_matching_options(dict(payload), current))
