# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar resources as data: each spec lists its fields; each adapter says how to read and
write one object through the Yeastar client. The engine does the rest."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import dependency_order
from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, ResourceSpec

PRESENCE_STATUSES = ["available", "away", "business_trip", "do_not_disturb", "lunch", "off_work"]
FORWARD_DESTINATIONS = ["extension", "ext_vm", "ivr", "ring_group", "queue", "group_vm",
                        "mobile_number", "external_num", "play_greeting", "end_call"]
FORWARD_RULES = [
    ("in", "always", "internal calls, always"),
    ("in", "no_answer", "internal calls the extension does not answer"),
    ("in", "busy", "internal calls while the extension is busy"),
    ("ex", "always", "external calls, always"),
    ("ex", "no_answer", "external calls the extension does not answer"),
    ("ex", "busy", "external calls while the extension is busy"),
]


def flag(name, doc, **kwargs):
    """An on/off API field (0/1 on the wire), a boolean option."""
    return Field(name, "bool", doc=doc, **kwargs)


def needs_mixed_case_and_digits(value):
    if not (any(c.isdigit() for c in value) and any(c.isupper() for c in value) and any(c.islower() for c in value)):
        return "must contain digits, uppercase and lowercase letters"
    return None


def department_name(value):
    if not value.strip():
        return "must not be empty"
    if "/" in value:
        return ("must not contain '/': department references read it as a path separator (Sales/EU is department "
                "EU under Sales), so such a name could never be referenced")
    if value != value.strip():
        return "must not start or end with spaces: references ignore them, so such a name could never be referenced"
    return None


def department_path(value):
    parts = value.split("/")
    if not value.strip("/ "):
        return "must name a department"
    for part in parts:
        if part and part != part.strip():
            return "must not have spaces around a name or '/' (got %r)" % value
    return None


def forward_fields():
    fields = []
    for scope, case, words in FORWARD_RULES:
        prefix = "%s_%s_forward" % (scope, case)
        fields += [
            flag("enb_%s" % prefix, "Forward %s." % words, reset=forward_enabled_by_default(case)),
            Field("%s_dest" % prefix, choices=FORWARD_DESTINATIONS, reset="ext_vm",
                  doc="Destination type when forwarding %s." % words),
            Field("%s_prefix" % prefix, reset="", doc=[
                "For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), "
                "how many times the greeting plays (1 to 5)."]),
            Field("%s_value" % prefix, reset="", applies_if=forwards_elsewhere("%s_dest" % prefix), doc=[
                "For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), "
                "C(queue) and C(group_vm), the destination's API ID."]),
            Field("%s_extension" % prefix, api="%s_value" % prefix, reference="extension", to_api=str,
                  from_api=known_id, applies_if=forwards_to_extension("%s_dest" % prefix), doc=[
                      "For C(extension), the number of the extension to forward to; the module looks up its ID "
                      "for C(%s_value) (one API field)." % prefix]),
            Field("%s_num" % prefix, reset="", doc="For C(external_num), the external number."),
        ]
    return fields


def forward_enabled_by_default(case):
    """The PBX's create default: no-answer and busy forward to voicemail; always-forward is off (except for
    Do Not Disturb, which presence_reset() sets)."""
    return case != "always"


def forwards_to_extension(dest):
    return lambda entry: entry.get(dest) == "extension"


def forwards_elsewhere(dest):
    return lambda entry: entry.get(dest) != "extension"


def forward_exclusions():
    """The destination extension by number or the raw value, not both: they are one API field."""
    return [["%s_%s_forward_value" % rule[:2], "%s_%s_forward_extension" % rule[:2]] for rule in FORWARD_RULES]


def as_id(value):
    """An id as the API takes it (a number); a placeholder of check mode or rendered stays as it is."""
    return int(value) if str(value).isdigit() else value


def ids_of(item_type=None):
    """Reads the API's lists of {"value": id[, "type": ...]} as ids: the items of `item_type` when given,
    empty values skipped."""
    return lambda items: [as_id(item["value"]) for item in items or [] if item.get("value") not in (None, "")
                          and (item_type is None or item.get("type") == item_type)]


def extension_items(ids):
    """Extensions as the API's member lists take them."""
    return [{"value": str(ident), "type": "extension"} for ident in ids]


def known_id(value):
    """An object id, or None for the API's ways of saying none ("", 0): Yeastar ids start at 1."""
    return int(value) if str(value).isdigit() and int(value) > 0 else None


PRESENCE_FIELDS = [
    Field("status", choices=PRESENCE_STATUSES, required=True, doc="Presence status these rules apply to."),
] + forward_fields() + [
    Field("ring_timeout", "int", value_range=(5, 300), reset=30,
          doc="Seconds the extension rings before no-answer handling."),
    flag("enb_ring_mobile", "Ring the extension's mobile number at the same time.", reset=False),
]


def presence_reset(identity):
    """Every status's rules as a new extension has them (the sub-options below)."""
    entries = []
    for status in PRESENCE_STATUSES:
        entry = dict((sub.name, sub.reset) for sub in PRESENCE_FIELDS if sub.reset is not None)
        entry["status"] = status
        if status == "do_not_disturb":
            entry.update(("enb_%s_always_forward" % scope, True) for scope in ("in", "ex"))
        entries.append(entry)
    return entries


def same_as_number(identity):
    """The extension's number."""
    return identity["number"]


def first_presence_mobile_prefix(presence_list):
    for entry in presence_list or []:
        if entry.get("mobile_prefix") not in (None, ""):
            return entry["mobile_prefix"]
    return None


EXTENSION = ResourceSpec("extension", "extension", [
    Field("number", identity=True, required=True, create_only=True, pattern=r"^[0-9]{1,7}$",
          pattern_hint="digits only, at most 7", doc="Extension number; identifies the extension."),
    Field("type", choices=["SIP"], default="SIP", create_only=True, doc="Extension type; the API offers only SIP."),
    Field("first_name", doc="First name.", reset=""),
    Field("last_name", doc="Last name.", reset=""),
    Field("email_addr", pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$", pattern_hint="an email address such as "
          "name@example.com, or empty", doc="Email address; unique on the PBX. An empty string removes it.", reset=""),
    Field("mobile_number", doc="Mobile number.", reset=""),
    Field("user_password", secret=True, readable=False, required_on_create=True, length=(10, 63),
          check=needs_mixed_case_and_digits,
          doc=["User (web and Linkus) password, 10 to 63 characters with digits, uppercase and lowercase letters.",
               "Required when the extension is created. The PBX never reveals it, so with O(update_password=always) "
               "it is sent on every run and the task reports a change."]),
    Field("role", api="role_id", reference="role", to_api=as_id, from_api=known_id,
          doc=["Name of the user role, for example C(Employee) or C(Administrator), as listed by the PBX."]),
    Field("departments", "list", elements="str", api="organization_list", reference="department", unordered=True,
          check=department_path,
          to_api=lambda ids: [{"value": str(i)} for i in ids],
          from_api=ids_of(),
          doc=["Departments the extension belongs to, by name, or by path such as C(Marketing/Tech Support) "
               "where names repeat. The list is the complete membership.",
               "Required by the PBX when Department Management is enabled."]),
    Field("title", doc="Job title.", reset=""),
    Field("caller_id", length=(0, 31), pattern=r"^[0-9A-Za-z().+*#-]*$",
          pattern_hint="digits, letters and ( ) . - + * #", doc="Caller ID number, at most 31 characters.", reset=same_as_number),
    Field("reg_name", length=(1, 63), create_default=lambda identity: identity["number"],
          doc=["SIP registration (authentication) name, at most 63 characters; unique on the PBX.",
               "When the extension is created without it, the extension number is used."], reset=same_as_number),
    Field("reg_password", secret=True, required_on_create=True, length=(8, 63),
          doc=["SIP registration password, 8 to 63 characters. Required when the extension is created.",
               "With O(update_password=always) it is compared with the PBX's value without being shown, and sent "
               "only when it differs, where the PBX reveals it. The manual's answers carry it empty; against such a "
               "PBX (and the emulator) it is sent on every run and the task reports a change."]),
    Field("concurrent_registrations", "int", choices=[1, 2, 3], create_default=1,
          doc=["How many SIP endpoints may register at once. When the extension is created without it, C(1)."], reset=1),
    Field("presence_status", choices=PRESENCE_STATUSES, create_default="available",
          doc=["Current presence status. When the extension is created without it, C(available)."], reset="available"),
    Field("presence_list", "list", elements="dict", key="status", options=PRESENCE_FIELDS,
          mutually_exclusive=forward_exclusions(),
          doc=["Forwarding and ringing rules per presence status. Only the statuses and keys given are managed; "
               "the others keep their values on the PBX."], reset=presence_reset),
    Field("presence_mobile_prefix", doc="Dial prefix for ringing the mobile number simultaneously.", reset=""),
    Field("agent_id", doc="Agent ID announced to queue callers; by default the extension number.", reset=""),
    flag("enb_vm", "Enable voicemail.", reset=True),
    flag("enb_vm_pin", "Ask for the voicemail PIN.", reset=True),
    Field("vm_pin", secret=True, doc=["Voicemail PIN. With O(update_password=always) it is compared with the PBX's "
                                      "value without being shown."]),
    Field("new_vm_notification", choices=["no", "with_attach", "without_attach"],
          doc="Email on new voicemail: C(no), C(with_attach) (message attached) or C(without_attach).", reset="no"),
    Field("vm_after_notification", choices=["no", "mark_read", "delete"],
          doc="After the email: keep unread (C(no)), C(mark_read), or C(delete) (only with C(with_attach)).", reset="no"),
    flag("enb_all_reject_mode_for_endpoints", "When one registered endpoint rejects a call, stop ringing the others.", reset=False),
    Field("dtmf_mode", choices=["rfc4733", "info", "inband", "auto"], doc="DTMF mode.", reset="rfc4733"),
    Field("transport", choices=["udp", "tcp", "tls"], doc="SIP transport.", reset="udp"),
    flag("enb_qualify", "Send SIP OPTIONS (qualify) to the endpoint.", reset=True),
    flag("enb_t38_support", "Support T.38 fax.", reset=False),
    flag("enb_nat", "Endpoint is behind NAT.", reset=True),
    flag("enb_srtp", "Encrypt voice (SRTP).", reset=False),
    flag("allow_reg_remotely", "Allow registration from outside the local network.", reset=True),
    flag("disable_outb_call", "Forbid outbound (external) calls.", reset=False),
    flag("disable_outb_call_outside_business_hours", "Forbid outbound calls outside business hours.", reset=False),
    flag("disable_international_call", "Forbid international calls.", reset=False),
    Field("outbound_routes", "list", elements="str", api="outbound_route_permission", reference="outbound_route",
          unordered=True, doc=["Names of the outbound routes the extension may use; the complete list."], reset=[]),
    flag("enb_internal_client", "Enable Linkus (mobile, desktop, web and SDK clients).", reset=True),
    Field("linkus_mobile_codec", choices=["ulaw", "alaw", "ilbc", "g722", "g729", "opus"], doc="Linkus Mobile codec.", reset="g729"),
    flag("enb_ice", "Enable ICE for Linkus Mobile.", api_true="yes", api_false="no", reset=False),
])

DEPARTMENT = ResourceSpec("department", "department", [
    Field("name", identity=True, required=True, check=department_name, doc=[
        "Department name; with C(parent), identifies the department.",
        "It may not contain C(/), which separates the names of a path, nor start or end with spaces."]),
    Field("parent", identity=True, check=department_path, doc=[
        "Parent department, by name or by path such as C(Marketing/Tech Support).",
        "Defaults to the root department."]),
])


class YeastarAdapter(ResourceAdapter):
    """Reads and writes one kind of object through the Yeastar client; `area` names its endpoints."""

    area = None

    def create(self, payload):
        answer = self.client.write("POST", self.area + "/create", body=payload)
        return dict(payload, id=answer["id"]) if answer else dict(payload)

    def update(self, current, payload):
        self.client.write("POST", self.area + "/update", body=dict(payload, id=current["id"]))

    def delete(self, current):
        # Yeastar deletes with GET; the request is a write all the same and is never resent blindly.
        self.client.write("GET", self.area + "/delete", params={"id": current["id"]})


class NumberedAdapter(YeastarAdapter):
    """Objects known by number (extensions, ring groups): one found by search then get, all of them by list
    pages then query batches of 100. `list_key` names where list and search answers hold the objects."""

    list_key = "data"

    def list(self):
        listed = list(self.client.pages(self.area + "/list", key=self.list_key))
        self.client.remember_table(self.kind, self.client.numbered_table(self.kind, listed))
        return [self.completed(item) for item in self.client.query(self.area + "/query", [e["id"] for e in listed])]

    def find(self, identity):
        number = identity["number"]
        for item in self.client.pages(self.area + "/search", key=self.list_key, search_value=number):
            if str(item.get("number")) == number:
                return self.completed(self.client.read(self.area + "/get", id=item["id"])["data"])
        return None

    def completed(self, current):
        """An object as read, with what the API reports elsewhere put where the spec reads it."""
        return current

    def identity_of(self, current):
        return {"number": str(current["number"])}

    def sort_key(self, shown):
        return (len(shown["number"]), shown["number"])

    def create_payload(self, identity, fields):
        return dict(fields, number=identity["number"])


class ExtensionAdapter(NumberedAdapter):
    """Extensions."""

    spec = EXTENSION
    kind = "extension"
    area = "extension"

    def __init__(self, client):
        super(ExtensionAdapter, self).__init__(client)
        self.creations = 0

    def completed(self, current):
        # The API takes one top-level mobile prefix but reports it inside every presence entry.
        current["presence_mobile_prefix"] = first_presence_mobile_prefix(current.get("presence_list"))
        return current

    def ordered(self, items):
        return dependency_order(items, lambda item: [item["number"]], forward_targets)

    def check_create(self, identity, wanted):
        """Only check mode needs to foresee these refusals: a real run meets the PBX's own, in plain words."""
        if self.client.offline or not self.client.check_mode:
            return
        if "departments" not in wanted and self.client.lookup("department").enabled:
            raise InputError(
                "departments is required to create %s: Department Management is on on this PBX, and it refuses "
                "extensions that belong to no department" % self.label(identity))
        self.creations += 1
        capacity = self.client.memo("extension capacity", lambda: self.client.read("system/capacity").get("data") or {})
        limit, used = capacity.get("extension_capacity"), capacity.get("extension_used")
        if limit is not None and used is not None and int(used) + self.creations > int(limit):
            raise InputError(
                "%s cannot be created: the PBX holds %s extensions of its licensed %s, and this task creates %d "
                "(deletions come after creations, so they do not make room)"
                % (self.label(identity), used, limit, self.creations))


class DepartmentAdapter(YeastarAdapter):
    """Departments: the tree, read in one request, finds the objects and resolves the parents."""

    spec = DEPARTMENT
    kind = "department"
    area = "organization"

    def tree(self):
        return self.client.lookup("department")

    def parent_id(self, identity):
        if identity.get("parent"):
            return self.client.resolve("department", [identity["parent"]], "parent")[0]
        if self.tree().root_id is None:
            raise InputError("The PBX reports no root department to create %r under" % identity["name"])
        return self.tree().root_id

    def list(self):
        tree = self.tree()
        return [dict(id=node["id"], name=node["name"], parent_id=node["parent_id"])
                for node in sorted(tree.nodes.values(), key=lambda node: node["path"])
                if node["id"] != tree.root_id]

    def identity_of(self, current):
        parent = self.tree().path_of(current["parent_id"]) if current["parent_id"] != self.tree().root_id else None
        return {"name": current["name"], "parent": parent or None}

    def key(self, identity):
        """The department's full path: a parent may be written by name or by path."""
        tree = self.tree()
        parent = tree.find(identity["parent"], "parent") if identity.get("parent") else tree.nodes[tree.root_id]
        return parent["path"] + (identity["name"],)

    def ordered(self, items):
        return dependency_order(items, department_names, lambda item: [item["parent"]] if item.get("parent") else [])

    def deletion_order(self, currents):
        nodes = self.tree().nodes
        return sorted(currents, key=lambda current: -len(nodes[current["id"]]["path"]))

    def sort_key(self, shown):
        return tuple((shown.get("parent") or "").split("/")) + (shown["name"],)

    def label(self, identity):
        return "department %s" % ("%s/%s" % (identity["parent"], identity["name"]) if identity.get("parent")
                                  else identity["name"])

    def references_of(self, current):
        return [("department", current["parent_id"])] if current["parent_id"] != self.tree().root_id else []

    def deletable(self, current):
        return current["id"] != self.tree().root_id

    def find(self, identity):
        node = self.tree().child(self.parent_id(identity), identity["name"])
        return dict(id=node["id"], name=node["name"], parent_id=node["parent_id"]) if node else None

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"], parent_id=self.parent_id(identity))


def department_names(item):
    """How options may refer to a declared department: its path, or its name alone."""
    path = "%s/%s" % (item["parent"], item["name"]) if item.get("parent") else item["name"]
    return [path, item["name"]]


def forward_targets(item):
    """Numbers of the extensions a declared extension forwards to."""
    return [value for entry in item.get("presence_list") or [] for name, value in entry.items()
            if name.endswith("_forward_extension") and value]
