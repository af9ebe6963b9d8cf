# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: yeastar
author: telephony.pbx maintainers (@telephony-pbx)
short_description: Extensions of a fleet of Yeastar P-Series PBXes as hosts
version_added: 0.1.0
description:
  - Reads the extensions of one or many Yeastar P-Series PBXes over their OpenAPI v1.0 and makes each extension a
    host, grouped by PBX, department, presence and registration state.
  - Per PBX, it logs in once, reads the whole extension list in pages of the largest size the PBX accepts, the
    department tree with its members in one request, details with batched C(extension/query) calls only when
    O(details=true), and revokes its token at the end. The PBXes are read in parallel, at most O(pool_size) at a
    time. The token lifecycle (refresh, one renewal and resend, retries of reads, redaction, revocation) is the one
    the P(telephony.pbx.yeastar#httpapi) connection uses.
  - A PBX that cannot be read is left out with a warning naming it and the reason; with O(strict=true) it fails the
    inventory instead.
  - Host variables never hold a secret (passwords, PINs, registration names, the API credentials).
  - The source file name must end in C(.yeastar.yml) or C(.yeastar.yaml).
extends_documentation_fragment:
  - constructed
  - inventory_cache
options:
  plugin:
    description: The name of this plugin; makes the file an inventory source of it.
    required: true
    choices: [telephony.pbx.yeastar]
    type: str
  pbxes:
    description:
      - The PBXes to read.
    type: list
    elements: dict
    required: true
    suboptions:
      name:
        description:
          - A short name for the PBX, unique in the source; in host names, the C(yeastar_pbx) variable and the
            C(pbx_<name>) group.
        type: str
        required: true
      url:
        description:
          - The PBX's web address with scheme, host, port and an optional base path, such as
            C(https://pbx1.example.com:8088) or C(https://proxy.example.com/pbx/hq).
        type: str
        required: true
      client_id:
        description:
          - The API Client ID (PBX web interface, Integrations > API). May be a template, such as a lookup or a
            vaulted value.
          - Defaults to the environment variable E(YEASTAR_CLIENT_ID).
        type: str
      client_secret:
        description:
          - The API Client Secret. May be a template or a vaulted value; never shown.
          - Defaults to the environment variable E(YEASTAR_CLIENT_SECRET).
        type: str
      validate_certs:
        description: Whether to check the PBX's HTTPS certificate.
        type: bool
        default: true
      ca_path:
        description: A CA bundle to check the PBX's certificate with.
        type: path
  hostname_pattern:
    description:
      - How an extension's host is named, with the fields C({pbx}) (the PBX's name), C({number}) and C({id}).
    type: str
    default: "{pbx}-{number}"
  details:
    description:
      - Also read each extension's settings with C(extension/query) in batches of 100 (names, title, caller ID,
        exact departments, voicemail, transport...), which costs one request per 100 extensions.
    type: bool
    default: false
  departments:
    description:
      - Only extensions in these departments (or their sub-departments), by name or path such as
        C(Sales/Inside). Membership comes from the department tree the PBX sends in one request, before any detail
        is read.
    type: list
    elements: str
  numbers:
    description:
      - Only extensions whose number is one of these, or within one of these ranges written C(1000-1099).
    type: list
    elements: str
  online_only:
    description: Only extensions registered on at least one device (phone or Linkus client).
    type: bool
    default: false
  pool_size:
    description: How many PBXes are read at the same time.
    type: int
    default: 4
  timeout:
    description: Seconds allowed for each PBX's requests, retries included.
    type: int
    default: 60
notes:
  - The Yeastar API filters extensions neither by department, number range nor registration; these filters apply to
    the extension list and the department tree, which cost one request each whatever the filters, and they spare the
    detail requests of the extensions left out.
  - With the cache on, a cached inventory sends no request at all. The cache holds only host variables, never a
    credential, and is written only when every PBX could be read.
  - Without O(details), an extension's departments are the most specific departments the tree lists it in; an
    extension that is a member of both a department and one of its sub-departments shows only the latter.
seealso:
  - plugin: telephony.pbx.yeastar
    plugin_type: httpapi
"""

EXAMPLES = r"""
# hq.yeastar.yml: two PBXes, credentials from the environment (AWX credential) or the vault
plugin: telephony.pbx.yeastar
pbxes:
  - name: hq
    url: https://pbx-hq.example.com:8088
  - name: branch
    url: https://pbx-branch.example.com:8088
    client_id: "{{ lookup('ansible.builtin.env', 'BRANCH_CLIENT_ID') }}"
    client_secret: !vault |
      $ANSIBLE_VAULT;1.1;AES256
      6231...
hostname_pattern: "{pbx}-{number}"
online_only: false
keyed_groups:
  - key: yeastar_role
    prefix: role
compose:
  ansible_host: "'pbx-' ~ yeastar_pbx ~ '.example.com'"
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/yeastar-inventory
cache_timeout: 600
"""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.utils.display import Display
from ansible_collections.telephony.pbx.plugins.plugin_utils.yeastar_session import YeastarSession

display = Display()

# The manual gives 10000 as the largest page (L13652, L6186); a PBX that takes less is read at what it serves.
PAGE_SIZES = (10000, 1000, 100)
QUERY_BATCH = 100
PARAMETER_ERROR = 40002
ORGANIZATION_DISABLED = 70120
HOST_PATTERN_FIELDS = ("pbx", "number", "id")
NUMBER_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
PBX_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
DEVICES = ("sip_phone", "linkus_desktop", "linkus_mobile", "linkus_web")
# How messages that say what to change name the settings: those of a pbxes entry.
SETTING_NAMES = {"client_id": "client_id", "client_secret": "client_secret", "address": "url",
                 "base_path": "the path of url", "plain_http": "an http:// url", "https": "an https:// url",
                 "no_cert_check": "validate_certs: false", "ca_path": "ca_path"}
# Extension settings a host may carry with details on; anything else (passwords, PINs, registration name,
# presence forwarding rules) stays on the PBX.
DETAIL_VARS = ("first_name", "last_name", "title", "caller_id", "role_id", "concurrent_registrations", "transport",
               "dtmf_mode", "enb_vm", "agent_id", "enb_internal_client", "disable_outb_call",
               "disable_international_call", "outbound_route_permission")


class PBXFailure(Exception):
    """A PBX that could not be read; the message names the reason in plain words."""


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "telephony.pbx.yeastar"

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith((".yeastar.yml", ".yeastar.yaml"))

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache)
        self._read_config_data(path)
        pbxes = [self._pbx(entry, index) for index, entry in enumerate(self.get_option("pbxes") or [])]
        if len({pbx["name"] for pbx in pbxes}) != len(pbxes):
            raise AnsibleParserError("pbxes: every PBX needs its own name")
        pattern = self.get_option("hostname_pattern")
        self._check_pattern(pattern)
        filters = self._filters()

        cache_key = self.get_cache_key(path)
        use_cache = self.get_option("cache") and cache
        read = None
        if use_cache:
            try:
                read = self._cache[cache_key]
            except KeyError:
                read = None
        if read is None:
            read = self._read_fleet(pbxes, filters)
            if self.get_option("cache") and not read["failed"]:
                self._cache[cache_key] = read
        self._report_failures(read["failed"])
        for name, extensions in read["pbxes"].items():
            self._populate(name, extensions, pattern)

    # ---------------------------------------------------------------- options
    def _pbx(self, entry, index):
        where = "pbxes[%d]" % index
        if not isinstance(entry, dict):
            raise AnsibleParserError("%s must be a mapping with name, url, client_id and client_secret" % where)
        unknown = set(entry) - {"name", "url", "client_id", "client_secret", "validate_certs", "ca_path"}
        if unknown:
            raise AnsibleParserError("%s: unknown keys %s" % (where, ", ".join(sorted(unknown))))
        name = to_text(self._template(entry.get("name"), where + ".name") or "")
        if not PBX_NAME.match(name):
            raise AnsibleParserError("%s.name: give a short name of letters, digits, '_', '.' or '-', got %r"
                                     % (where, name))
        url = to_text(self._template(entry.get("url"), where + ".url") or "")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or \
                parts.username or ".." in parts.path:
            raise AnsibleParserError("%s.url (PBX %s): give scheme, host, optional port and base path, such as "
                                     "https://pbx.example.com:8088, got %r" % (where, name, url))
        try:
            port = parts.port
        except ValueError:
            raise AnsibleParserError("%s.url (PBX %s): the port of %r is not a number" % (where, name, url))
        return {
            "name": name,
            "url": "%s://%s%s%s" % (parts.scheme, parts.hostname, ":%d" % port if port else "", parts.path.rstrip("/")),
            "host": parts.hostname,
            "port": port or (443 if parts.scheme == "https" else 80),
            "use_ssl": parts.scheme == "https",
            "base_path": parts.path.rstrip("/"),
            "client_id": self._credential(entry, "client_id", where, name),
            "client_secret": self._credential(entry, "client_secret", where, name),
            "validate_certs": bool(self._template(entry.get("validate_certs", True), where + ".validate_certs")),
            "ca_path": self._template(entry.get("ca_path"), where + ".ca_path"),
        }

    def _credential(self, entry, key, where, name):
        value = entry.get(key)
        if value is None:
            value = os.environ.get("YEASTAR_%s" % key.upper())
        value = self._template(value, "%s.%s" % (where, key))
        if not value:
            raise AnsibleParserError("%s.%s (PBX %s): not given, and the environment variable YEASTAR_%s is not set"
                                     % (where, key, name, key.upper()))
        return to_text(value)

    def _template(self, value, where):
        """A value of the source, rendered when it is a template (lookups, vaulted variables)."""
        if isinstance(value, str) and ("{{" in value or "{%" in value):
            try:
                value = self.templar.template(value)
            except AnsibleError as exc:
                # The template itself may hold a secret's lookup: name the field, not the text.
                raise AnsibleParserError("%s: the template could not be rendered: %s" % (where, exc.message))
        return to_text(value) if isinstance(value, str) else value

    @staticmethod
    def _check_pattern(pattern):
        fields = set(re.findall(r"{([^{}]*)}", pattern))
        unknown = fields - set(HOST_PATTERN_FIELDS)
        if unknown or "{number}" not in pattern and "{id}" not in pattern:
            raise AnsibleParserError("hostname_pattern: use the fields {pbx}, {number} and {id}, with {number} or {id} "
                                     "so each extension gets its own host; got %r" % pattern)

    def _filters(self):
        ranges = []
        for text in self.get_option("numbers") or []:
            match = NUMBER_RANGE.match(str(text))
            if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
                raise AnsibleParserError("numbers: write a number or a range such as 1000-1099, got %r" % text)
            ranges.append((int(match.group(1)), int(match.group(2) or match.group(1))))
        return {"numbers": ranges, "departments": self.get_option("departments") or [],
                "online_only": self.get_option("online_only"), "details": self.get_option("details")}

    # ---------------------------------------------------------------- reading
    def _read_fleet(self, pbxes, filters):
        """Every PBX in a bounded pool; {"pbxes": {name: [extension vars]}, "failed": {name: reason}}."""
        read, failed = {}, {}
        workers = max(1, min(self.get_option("pool_size"), len(pbxes) or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = dict((pbx["name"], pool.submit(self._read_pbx, pbx, filters)) for pbx in pbxes)
        for name, future in futures.items():
            try:
                read[name] = future.result()
            except PBXFailure as exc:
                failed[name] = str(exc)
        return {"pbxes": read, "failed": failed}

    def _read_pbx(self, pbx, filters):
        started = time.monotonic()
        session = YeastarSession({
            "host": pbx["host"], "port": pbx["port"], "use_ssl": pbx["use_ssl"],
            "validate_certs": pbx["validate_certs"], "ca_path": pbx["ca_path"], "base_path": pbx["base_path"],
            "remote_user": pbx["client_id"], "password": pbx["client_secret"], "timeout": self.get_option("timeout"),
        }, log=lambda message: display.vvv("telephony.pbx.yeastar inventory, PBX %s: %s" % (pbx["name"], message)),
            setting_names=SETTING_NAMES)
        try:
            reader = PBXReader(pbx, session)
            extensions = reader.extensions(filters)
        except PBXFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure of one PBX must not hide the others
            reason = to_text(exc) or type(exc).__name__
            raise PBXFailure(reason if pbx["host"] in reason else "%s: %s" % (pbx["url"], reason))
        finally:
            try:
                session.close()
            except Exception as exc:  # noqa: BLE001 - revoking is best effort; the token expires anyway
                display.vvv("telephony.pbx.yeastar inventory, PBX %s: revoking the token failed: %s" % (pbx["name"], exc))
        display.vv("telephony.pbx.yeastar inventory: PBX %s, %d extensions in %d requests, %.1fs"
                   % (pbx["name"], len(extensions), reader.requests, time.monotonic() - started))
        return extensions

    def _report_failures(self, failed):
        if not failed:
            return
        text = "; ".join("PBX %s could not be read: %s" % item for item in sorted(failed.items()))
        if self.get_option("strict"):
            raise AnsibleParserError(text)
        for name, reason in sorted(failed.items()):
            display.warning("telephony.pbx.yeastar inventory: PBX %s could not be read and is left out: %s"
                            % (name, reason))

    # ---------------------------------------------------------------- hosts
    def _populate(self, pbx_name, extensions, pattern):
        strict = self.get_option("strict")
        pbx_group = self.inventory.add_group(self._group("pbx", pbx_name))
        for variables in extensions:
            host = pattern.format(pbx=pbx_name, number=variables["yeastar_number"], id=variables["yeastar_id"])
            self.inventory.add_host(host, group=pbx_group)
            for key, value in variables.items():
                self.inventory.set_variable(host, key, value)
            groups = [self._group("department", d) for d in variables["yeastar_departments"]]
            groups.append(self._group("presence", variables["yeastar_presence"]))
            groups.append("registered" if variables["yeastar_registered"] else "unregistered")
            for group in groups:
                self.inventory.add_child(self.inventory.add_group(group), host)
            self._set_composite_vars(self.get_option("compose"), variables, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option("groups"), variables, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), variables, host, strict=strict)

    def _group(self, kind, name):
        return self._sanitize_group_name("%s_%s" % (kind, name.replace("/", "_")))


class PBXReader:
    """The requests of one PBX: the extension list, the department tree and, when asked, details."""

    def __init__(self, pbx, session):
        self.pbx = pbx
        self.session = session
        self.requests = 0

    def call(self, endpoint, tolerated=None, **query):
        """The answer of one read; None when the PBX answers the `tolerated` errcode."""
        self.requests += 1
        answer = self.session.request("GET", endpoint, query=query or None)
        payload = answer.get("payload")
        if not isinstance(payload, dict) or "errcode" not in payload:
            raise PBXFailure("%s answered HTTP %s without the API's envelope" % (endpoint, answer.get("status")))
        if payload["errcode"] == tolerated:
            return None
        if payload["errcode"] != 0:
            raise PBXFailure("%s refused: errcode %s %s%s" % (
                endpoint, payload["errcode"], payload.get("errmsg", ""),
                " (%s)" % payload["submsg"] if payload.get("submsg") else ""))
        return payload

    def extension_list(self):
        """All extensions, in pages of the largest size the PBX accepts."""
        for size in PAGE_SIZES:
            try:
                return self._pages("extension/list", size)
            except PBXFailure as exc:
                if "errcode %d" % PARAMETER_ERROR not in str(exc) or size == PAGE_SIZES[-1]:
                    raise
        return []

    def _pages(self, endpoint, size):
        items, page = [], 1
        while True:
            answer = self.call(endpoint, page=page, page_size=size)
            batch = answer.get("data") or []
            items.extend(batch)
            total = answer.get("total_number")
            if not batch or (total is not None and len(items) >= int(total)) or (total is None and len(batch) < size):
                return items
            if page == 1 and len(batch) < size:
                size = len(batch)  # the PBX serves fewer than asked: its largest page
            page += 1

    def department_tree(self):
        """{department id: (path, own member ids)}; {} with Department Management off (70120)."""
        payload = self.call("organization/list", tolerated=ORGANIZATION_DISABLED, is_all=1)
        if payload is None:
            return {}
        departments = {}

        def walk(node, parents):
            path = parents + (node["name"],)
            members = set(node.get("ext_list") or [])
            children = node.get("children") or []
            below = set()
            for child in children:
                below |= set(child.get("ext_list") or [])
                walk(child, path)
            # The root is every extension's department; a path below it is what options and groups name.
            departments[node["id"]] = ("/".join(path[1:]) or path[0], members - below, members)

        for root in payload.get("organization_list") or []:
            walk(root, ())
        return departments

    def extensions(self, filters):
        listed = self.extension_list()
        departments = self.department_tree()
        wanted = self._department_members(departments, filters["departments"])
        chosen = [e for e in listed if self._selected(e, filters, wanted)]
        details = {}
        if filters["details"] and chosen:
            ids = [e["id"] for e in chosen]
            for start in range(0, len(ids), QUERY_BATCH):
                batch = ids[start:start + QUERY_BATCH]
                for item in self.call("extension/query", ids=",".join(str(i) for i in batch)).get("data") or []:
                    details[item["id"]] = item
        own = {}
        for path, members, _subtree in departments.values():
            for member in members:
                own.setdefault(member, []).append(path)
        return [self.variables(e, own.get(e["id"], []), details.get(e["id"]), departments) for e in chosen]

    def _department_members(self, departments, names):
        if not names:
            return None
        wanted = set()
        for name in names:
            found = [d for d in departments.values() if d[0] == name or d[0].split("/")[-1] == name]
            if not found:
                raise PBXFailure("departments: no department %r on this PBX (known: %s)"
                                 % (name, ", ".join(sorted(d[0] for d in departments.values())) or "none"))
            for _path, _own, members in found:
                wanted |= members
        return wanted

    @staticmethod
    def _selected(extension, filters, wanted):
        if wanted is not None and extension["id"] not in wanted:
            return False
        if filters["numbers"]:
            number = str(extension.get("number", ""))
            if not number.isdigit() or not any(low <= int(number) <= high for low, high in filters["numbers"]):
                return False
        return not filters["online_only"] or bool(registrations(extension))

    def variables(self, extension, own_departments, details, departments):
        devices = registrations(extension)
        variables = {
            "yeastar_pbx": self.pbx["name"],
            "yeastar_pbx_url": self.pbx["url"],
            "yeastar_id": extension["id"],
            "yeastar_number": str(extension.get("number", "")),
            "yeastar_name": extension.get("caller_id_name", ""),
            "yeastar_email": extension.get("email_addr", ""),
            "yeastar_mobile": extension.get("mobile_number", ""),
            "yeastar_role": extension.get("role_name", ""),
            "yeastar_presence": extension.get("presence_status", ""),
            "yeastar_registered": bool(devices),
            "yeastar_devices": devices,
            "yeastar_departments": sorted(own_departments),
        }
        if details:
            # The extension's own departments, exactly; named by path like the tree's.
            ids = [int(d["value"]) for d in details.get("organization_list") or [] if str(d.get("value")).isdigit()]
            variables["yeastar_departments"] = sorted(departments[i][0] for i in ids if i in departments)
            variables["yeastar_details"] = dict((k, details[k]) for k in DETAIL_VARS if k in details)
        return variables


def registrations(extension):
    """{device: [SIP address, or the Linkus client type]} for the devices an extension is online on."""
    online = {}
    for device in DEVICES:
        state = (extension.get("online_status") or {}).get(device) or {}
        entries = [e for e in state.get("status_list") or [] if e.get("status") == 1]
        if entries:
            online[device] = [e.get("linkus_dev_type") or e.get("ip", "") for e in entries]
        elif state.get("status") == 1:
            online[device] = []
    return online
