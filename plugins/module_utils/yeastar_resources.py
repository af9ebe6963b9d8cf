# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar resources as data: each spec lists its fields; each adapter says how to read and
write one object through the Yeastar client. The engine does the rest."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

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
            flag("enb_%s" % prefix, "Forward %s." % words),
            Field("%s_dest" % prefix, choices=FORWARD_DESTINATIONS, doc="Destination type when forwarding %s." % words),
            Field("%s_prefix" % prefix, doc=[
                "For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), "
                "how many times the greeting plays (1 to 5)."]),
            Field("%s_value" % prefix, doc=[
                "For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), "
                "C(queue) and C(group_vm), the destination's API ID."]),
            Field("%s_extension" % prefix, api="%s_value" % prefix, reference="extension", to_api=str,
                  from_api=id_or_none, doc=[
                      "For C(extension), the number of the extension to forward to; the module looks up its ID "
                      "for O(presence_list[].%s_value)." % prefix]),
            Field("%s_num" % prefix, doc="For C(external_num), the external number."),
        ]
    return fields


def forward_exclusions():
    """The destination extension by number or the raw value, not both: they are one API field."""
    return [["%s_%s_forward_value" % rule[:2], "%s_%s_forward_extension" % rule[:2]] for rule in FORWARD_RULES]


def id_or_none(value):
    return int(value) if str(value).isdigit() else None


PRESENCE_FIELDS = [
    Field("status", choices=PRESENCE_STATUSES, required=True, doc="Presence status these rules apply to."),
] + forward_fields() + [
    Field("ring_timeout", "int", value_range=(5, 300), doc="Seconds the extension rings before no-answer handling."),
    flag("enb_ring_mobile", "Ring the extension's mobile number at the same time."),
]


def first_presence_mobile_prefix(presence_list):
    for entry in presence_list or []:
        if entry.get("mobile_prefix") not in (None, ""):
            return entry["mobile_prefix"]
    return None


EXTENSION = ResourceSpec("extension", "extension", [
    Field("number", identity=True, required=True, create_only=True, pattern=r"^[0-9]{1,7}$",
          pattern_hint="digits only, at most 7", doc="Extension number; identifies the extension."),
    Field("type", choices=["SIP"], default="SIP", create_only=True, doc="Extension type; the API offers only SIP."),
    Field("first_name", doc="First name."),
    Field("last_name", doc="Last name."),
    Field("email_addr", pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$", pattern_hint="an email address such as "
          "name@example.com, or empty", doc="Email address; unique on the PBX. An empty string removes it."),
    Field("mobile_number", doc="Mobile number."),
    Field("user_password", secret=True, readable=False, required_on_create=True, length=(10, 63),
          check=needs_mixed_case_and_digits,
          doc=["User (web and Linkus) password, 10 to 63 characters with digits, uppercase and lowercase letters.",
               "Required when the extension is created. The PBX never reveals it, so with O(update_password=always) "
               "it is sent on every run and the task reports a change."]),
    Field("role", api="role_id", reference="role", to_api=int,
          doc=["Name of the user role, for example C(Employee) or C(Administrator), as listed by the PBX."]),
    Field("departments", "list", elements="str", api="organization_list", reference="department", unordered=True,
          check=department_path,
          to_api=lambda ids: [{"value": str(i)} for i in ids],
          from_api=lambda items: [int(item["value"]) for item in items or []],
          doc=["Departments the extension belongs to, by name, or by path such as C(Marketing/Tech Support) "
               "where names repeat. The list is the complete membership.",
               "Required by the PBX when Department Management is enabled."]),
    Field("title", doc="Job title."),
    Field("caller_id", length=(0, 31), pattern=r"^[0-9A-Za-z().+*#-]*$",
          pattern_hint="digits, letters and ( ) . - + * #", doc="Caller ID number, at most 31 characters."),
    Field("reg_name", length=(1, 63), create_default=lambda identity: identity["number"],
          doc=["SIP registration (authentication) name, at most 63 characters; unique on the PBX.",
               "When the extension is created without it, the extension number is used."]),
    Field("reg_password", secret=True, required_on_create=True, length=(8, 63),
          doc=["SIP registration password, 8 to 63 characters. Required when the extension is created.",
               "With O(update_password=always) it is compared with the PBX's value without being shown, "
               "and sent only when it differs."]),
    Field("concurrent_registrations", "int", choices=[1, 2, 3], create_default=1,
          doc=["How many SIP endpoints may register at once. When the extension is created without it, C(1)."]),
    Field("presence_status", choices=PRESENCE_STATUSES, create_default="available",
          doc=["Current presence status. When the extension is created without it, C(available)."]),
    Field("presence_list", "list", elements="dict", key="status", options=PRESENCE_FIELDS,
          mutually_exclusive=forward_exclusions(),
          doc=["Forwarding and ringing rules per presence status. Only the statuses and keys given are managed; "
               "the others keep their values on the PBX."]),
    Field("presence_mobile_prefix", doc="Dial prefix for ringing the mobile number simultaneously."),
    Field("agent_id", doc="Agent ID announced to queue callers; by default the extension number."),
    flag("enb_vm", "Enable voicemail."),
    flag("enb_vm_pin", "Ask for the voicemail PIN."),
    Field("vm_pin", secret=True, doc=["Voicemail PIN. With O(update_password=always) it is compared with the PBX's "
                                      "value without being shown."]),
    Field("new_vm_notification", choices=["no", "with_attach", "without_attach"],
          doc="Email on new voicemail: C(no), C(with_attach) (message attached) or C(without_attach)."),
    Field("vm_after_notification", choices=["no", "mark_read", "delete"],
          doc="After the email: keep unread (C(no)), C(mark_read), or C(delete) (only with C(with_attach))."),
    flag("enb_all_reject_mode_for_endpoints", "When one registered endpoint rejects a call, stop ringing the others."),
    Field("dtmf_mode", choices=["rfc4733", "info", "inband", "auto"], doc="DTMF mode."),
    Field("transport", choices=["udp", "tcp", "tls"], doc="SIP transport."),
    flag("enb_qualify", "Send SIP OPTIONS (qualify) to the endpoint."),
    flag("enb_t38_support", "Support T.38 fax."),
    flag("enb_nat", "Endpoint is behind NAT."),
    flag("enb_srtp", "Encrypt voice (SRTP)."),
    flag("allow_reg_remotely", "Allow registration from outside the local network."),
    flag("disable_outb_call", "Forbid outbound (external) calls."),
    flag("disable_outb_call_outside_business_hours", "Forbid outbound calls outside business hours."),
    flag("disable_international_call", "Forbid international calls."),
    Field("outbound_routes", "list", elements="str", api="outbound_route_permission", reference="outbound_route",
          unordered=True, doc=["Names of the outbound routes the extension may use; the complete list."]),
    flag("enb_internal_client", "Enable Linkus (mobile, desktop, web and SDK clients)."),
    Field("linkus_mobile_codec", choices=["ulaw", "alaw", "ilbc", "g722", "g729", "opus"], doc="Linkus Mobile codec."),
    flag("enb_ice", "Enable ICE for Linkus Mobile.", api_true="yes", api_false="no"),
])

DEPARTMENT = ResourceSpec("department", "department", [
    Field("name", identity=True, required=True, check=department_name, doc=[
        "Department name; with O(parent), identifies the department.",
        "It may not contain C(/), which separates the names of a path, nor start or end with spaces."]),
    Field("parent", identity=True, check=department_path, doc=[
        "Parent department, by name or by path such as C(Marketing/Tech Support).",
        "Defaults to the root department."]),
])


class YeastarAdapter:
    """Reads and writes one kind of object through the Yeastar client; `area` names its endpoints."""

    spec = None
    area = None

    def __init__(self, client):
        self.client = client

    def resolve(self, kind, names, option):
        return self.client.resolve(kind, names, option)

    def names(self, kind, ids):
        return self.client.names(kind, ids)

    def create(self, payload, check_mode):
        answer = self.client.write("POST", self.area + "/create", body=payload)
        return dict(payload, id=answer["id"]) if answer else dict(payload)

    def update(self, current, payload, check_mode):
        self.client.write("POST", self.area + "/update", body=dict(payload, id=current["id"]))

    def delete(self, current, check_mode):
        self.client.write("GET", self.area + "/delete", params={"id": current["id"]})


class ExtensionAdapter(YeastarAdapter):
    """Extensions: found by number through search, read in full with get."""

    spec = EXTENSION
    area = "extension"

    def find(self, identity):
        number = identity["number"]
        for item in self.client.pages("extension/search", search_value=number):
            if str(item.get("number")) == number:
                current = self.client.read("extension/get", id=item["id"])["data"]
                # The API takes one top-level mobile prefix but reports it inside every presence entry.
                current["presence_mobile_prefix"] = first_presence_mobile_prefix(current.get("presence_list"))
                return current
        return None

    def create_payload(self, identity, fields):
        return dict(fields, number=identity["number"])


class DepartmentAdapter(YeastarAdapter):
    """Departments: one tree read finds the object and resolves the parent."""

    spec = DEPARTMENT
    area = "organization"

    def parent_id(self, identity):
        tree = self.client.departments()
        if identity.get("parent"):
            return self.client.resolve("department", [identity["parent"]], "parent")[0]
        if tree.root_id is None:
            raise InputError("The PBX reports no root department to create %r under" % identity["name"])
        return tree.root_id

    def find(self, identity):
        node = self.client.departments().child(self.parent_id(identity), identity["name"])
        return dict(id=node["id"], name=node["name"], parent_id=node["parent_id"]) if node else None

    def create_payload(self, identity, fields):
        return dict(fields, name=identity["name"], parent_id=self.parent_id(identity))
