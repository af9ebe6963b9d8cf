# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar P-Series OpenAPI v1.0 client for modules: envelopes, paging, batched queries,
and the reference look-ups (roles, departments, outbound routes) cached per task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.client import ApiClient, Pending
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError, UnknownReference

PAGE_SIZE = 1000
QUERY_BATCH = 100
ORGANIZATION_DISABLED = 70120


class YeastarClient(ApiClient):
    """Yeastar requests over the persistent httpapi connection: envelope, paging, batches, look-ups."""

    # -------------------------------------------------------------- requests
    def read(self, endpoint, cache_as=None, **params):
        """A read; a reference look-up names its area in `cache_as` so that a loop of tasks reads it once."""
        return self._call("GET", endpoint, params, None, True, cache_as=cache_as)

    def write(self, method, endpoint, params=None, body=None):
        """A request that changes the PBX; in check mode it is only recorded as planned. It drops the
        connection's cached look-ups of its area (organization/create: the departments)."""
        if self.check_mode:
            self.plan(method, endpoint, params, body)
            return None
        return self._call(method, endpoint, params, body, False, invalidates=endpoint.split("/")[0])

    def _call(self, method, endpoint, params, body, idempotent, cache_as=None, invalidates=None):
        answer = self.send(method, endpoint, params, body, idempotent, cache_as, invalidates)
        payload = answer.get("payload")
        if not isinstance(payload, dict) or "errcode" not in payload:
            raise PBXError(endpoint, errmsg=str(payload)[:500], http_status=answer.get("status"))
        if payload["errcode"] != 0:
            raise yeastar_error(endpoint, payload, self.option_name)
        return payload

    def file_refused(self, where, status, payload):
        if isinstance(payload, dict) and "errcode" in payload:
            return yeastar_error(where, payload, self.option_name)
        return super(YeastarClient, self).file_refused(where, status, payload)

    # ------------------------------------------------------ paging and batches
    def pages(self, endpoint, key="data", page_size=PAGE_SIZE, cache_as=None, **params):
        """Every item of a paged list; adapts when the PBX caps the page size below the one asked."""
        page = 1
        seen = 0
        while True:
            answer = self.read(endpoint, cache_as=cache_as, page=page, page_size=page_size, **params)
            items = answer.get(key) or []
            yield from items
            seen += len(items)
            total = answer.get("total_number")
            if not items or (total is not None and seen >= int(total)) or (total is None and len(items) < page_size):
                return
            if page == 1 and len(items) < page_size:
                # The PBX served fewer than asked without being done: that is its maximum page size.
                page_size = len(items)
            page += 1

    def query(self, endpoint, ids, key="data", batch=QUERY_BATCH):
        """Details of many objects, in batches of ids."""
        ids = list(ids)
        found = []
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            found.extend(self.read(endpoint, ids=",".join(str(i) for i in chunk)).get(key) or [])
        return found

    # ----------------------------------------------------- reference look-ups
    REFERENCE_KINDS = {"role": "load_roles", "department": "load_departments",
                       "outbound_route": "load_outbound_routes", "extension": "load_extensions",
                       "ring_group": "load_ring_groups", "queue": "load_queues", "ivr": "load_ivrs",
                       "phonebook": "load_phonebooks", "company_contact": "load_company_contacts",
                       "trunk": "load_trunks", "pin_list": "load_pin_lists"}
    # Objects others point at by name: their area (list endpoint) and their label.
    NAMED = {"outbound_route": ("outbound_route", "outbound route"), "trunk": ("trunk", "trunk"),
             "pin_list": ("pin_list", "PIN list")}
    # Objects others point at by number: their area (endpoints) and their label.
    NUMBERED = {"extension": ("extension", "extension"), "ring_group": ("ringgroup", "ring group"),
                "queue": ("queue", "queue"), "ivr": ("ivr", "IVR")}
    # Where a list or search answer holds its items when not under `data` (queue/list: L11179).
    LIST_KEYS = {"queue": "queue_list"}

    def load_roles(self):
        return Named("role", "name", [(int(o["value"]), o["text"]) for o in self.read(
            "system/get_menuoptions", cache_as="role", menu="role").get("data") or []])

    def load_outbound_routes(self):
        return self.named_table("outbound_route")

    def load_trunks(self):
        return self.named_table("trunk")

    def load_pin_lists(self):
        return self.named_table("pin_list")

    def named_table(self, kind, listed=None):
        area, label = self.NAMED[kind]
        if listed is None:
            listed = self.pages(area + "/list", cache_as=area)
        return Named(label, "name", [(int(item["id"]), item["name"]) for item in listed])

    def load_departments(self):
        try:
            roots = self.read("organization/list", cache_as="organization", is_all=2).get("organization_list") or []
        except PBXError as exc:
            if exc.errcode != ORGANIZATION_DISABLED:
                raise
            return DepartmentTree([], enabled=False)
        return DepartmentTree(roots)

    def load_extensions(self):
        return self.numbered_table("extension")

    def load_ring_groups(self):
        return self.numbered_table("ring_group")

    def load_queues(self):
        return self.numbered_table("queue")

    def load_ivrs(self):
        return self.numbered_table("ivr")

    def listed_phonebooks(self):
        """The phonebooks as listed (id, name, member_select), read once per task."""
        return self.memo("listed phonebooks", lambda: list(self.pages("phonebook/list", cache_as="phonebook")))

    def load_phonebooks(self):
        return Named("phonebook", "name", [(int(item["id"]), item["name"]) for item in self.listed_phonebooks()])

    def load_company_contacts(self, listed=None):
        if listed is None:
            listed = self.pages("company_contact/list", cache_as="company_contact")
        return Named("company contact", contact_identity_reference,
                     [(int(item["id"]), contact_reference(item.get("contact_name"), item.get("company")))
                      for item in listed])

    def numbered_table(self, kind, listed=None):
        area, label = self.NUMBERED[kind]
        if listed is None:
            listed = self.pages(area + "/list", key=self.LIST_KEYS.get(kind, "data"), cache_as=area)
        return Named(label, "number", [(int(item["id"]), str(item["number"])) for item in listed], key="numbered")

    def offline_table(self, kind):
        if kind == "department":
            return DepartmentTree([{"id": "(root department id)", "name": "(root)"}])
        if kind in self.NUMBERED:
            return self.numbered_table(kind, [])
        if kind == "company_contact":
            return self.load_company_contacts([])
        if kind in self.NAMED:
            return self.named_table(kind, [])
        label = {"role": "role", "phonebook": "phonebook"}[kind]
        return Named(label, "name", [])


HINTS = {
    10001: "The PBX does not offer this endpoint; check the firmware version (83.7.0.16 or later).",
    10005: "The API application lacks the permission for this request.",
    60001: "The object no longer exists; it may have been deleted meanwhile. Re-run the task.",
    60002: "A PBX limit was reached (number of objects, department depth, or licence capacity).",
    60101: "The role does not exist on this PBX.",
    70120: "Department Management is not enabled on this PBX.",
    70082: "The PBX is overloaded; try again later.",
    70516: "The wake-up call no longer exists; it may have rung (a wake-up call that repeats never is deleted "
           "after it rang) or been deleted meanwhile. Re-run the task.",
    70524: "The PBX is integrated with a hotel PMS (property management system), which owns check-in and "
           "check-out: check the guest out in the PMS. Nothing was changed.",
    70091: "Another object still refers to this one; remove that reference first.",
    70093: "A phonebook the request names does not exist on the PBX.",
    70128: "A company contact the request names does not exist on the PBX.",
}


def contact_reference(name, company):
    """How options refer to a company contact: its name as the PBX shows it (first and last name), then its
    company in brackets when it has one, e.g. "Jay Prichett (Closet)"."""
    name = " ".join((name or "").split())
    return "%s (%s)" % (name, company) if company else name


def contact_identity_reference(identity):
    return contact_reference("%s %s" % (identity.get("first_name") or "", identity.get("last_name") or ""),
                             identity.get("company"))


def yeastar_error(endpoint, envelope, option_name=None):
    """A Yeastar error envelope as the collection's PBXError, API fields named by their options."""
    option_name = option_name or (lambda name: name)

    def field(api_name):
        option = option_name(api_name)
        return option if option == api_name else "%s (API field %s)" % (option, api_name)

    invalid = [{"field": field(item.get("field") or "?"),
                "reason": item.get("validation_type") or item.get("reason") or "rejected",
                "value": item.get("value")}
               for item in envelope.get("invalid_param_list") or []]
    duplicates = [{"field": field(item.get("field") or "?"), "value": item.get("value"),
                   "holder": " ".join(str(v) for v in (item.get("external_source"), item.get("external_source_name"))
                                      if v) or None}
                  for item in envelope.get("duplicate_field_list") or []]
    return PBXError(endpoint, envelope.get("errcode"), envelope.get("errmsg"), envelope.get("submsg"), invalid,
                    duplicates, hint=HINTS.get(envelope.get("errcode")), answer=envelope)


class Named:
    """A flat name <-> id table (roles, outbound routes, extensions by number); `option` is the identity
    option that holds an object's name, or a function of the identity that makes it (company contacts)."""

    def __init__(self, label, option, pairs, key="named"):
        self.label = label
        self.option = option
        self.key = key
        self.by_id = {}
        self.by_name = {}
        for ident, name in pairs:
            self._add(ident, name)

    def _add(self, ident, name):
        self.by_id[ident] = name
        self.by_name.setdefault(name, []).append(ident)

    def add(self, ident, identity):
        name = self.option(identity) if callable(self.option) else identity[self.option]
        self._add(Pending(self.label, name) if ident is None else ident, name)

    def remove(self, ident):
        name = self.by_id.pop(ident, None)
        if name is not None:
            self.by_name[name].remove(ident)

    def ids(self, names, option):
        ids = []
        for name in names:
            matches = self.by_name.get(name, [])
            if len(matches) != 1:
                known = _some(sorted(self.by_name))
                problem = "no %s %s %r exists" % (self.label, self.key, name) if not matches else \
                    "%d %ss are %s %r" % (len(matches), self.label, self.key, name)
                error = UnknownReference if not matches else InputError
                raise error("%s: %s on this PBX (known: %s)" % (option, problem, known))
            ids.append(matches[0])
        return ids

    def names(self, ids):
        return [self.by_id.get(i, "#%s" % i) for i in ids]


def _some(names, shown=20):
    """Names for an error message: all of a short list, the first few of a long one."""
    if not names:
        return "none"
    more = len(names) - shown
    return ", ".join(names[:shown]) + (", and %d more" % more if more > 0 else "")


class DepartmentTree:
    """The department tree, addressable by name or by path ("Marketing/Tech Support").

    `enabled` is False on a PBX with Department Management off (it answers the tree with 70120)."""

    def __init__(self, roots, enabled=True):
        self.nodes = {}
        self.root_id = None
        self.enabled = enabled
        for root in roots:
            self._add(root, ())
            if self.root_id is None:
                self.root_id = next(iter(self.nodes))

    def _add(self, node, parent_path):
        path = parent_path + (node["name"],)
        # Ids are numbers on a PBX; a Pending or placeholder stands in where no PBX gave one.
        ident = int(node["id"]) if str(node["id"]).isdigit() else node["id"]
        parent_id = node.get("parent_id") or 0
        self.nodes[ident] = {"id": ident, "name": node["name"], "path": path,
                             "parent_id": int(parent_id) if str(parent_id).isdigit() else parent_id}
        for child in node.get("children") or []:
            self._add(child, path)

    def add(self, ident, identity):
        """A new department under its parent (given by name or path, the root when none)."""
        try:
            parent = self.find(identity["parent"], "parent") if identity.get("parent") else self.nodes[self.root_id]
        except UnknownReference:
            return  # check mode, under a parent an earlier task creates: nothing here can refer to it by path
        path = parent["path"] + (identity["name"],)
        if ident is None:
            ident = Pending("department", "/".join(path[1:]))
        self._add({"id": ident, "name": identity["name"], "parent_id": parent["id"]}, parent["path"])

    def remove(self, ident):
        self.nodes.pop(ident, None)

    def path_of(self, ident):
        """The path of a department as options write it: names below the root, joined by '/'."""
        return "/".join(self.nodes[ident]["path"][1:])

    def find(self, reference, option):
        """The one department a name or path denotes; a path may start with the root's name or skip it."""
        parts = tuple(p.strip() for p in reference.split("/") if p.strip())
        matches = [n for n in self.nodes.values() if n["path"][-len(parts):] == parts] if parts else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            known = _some(sorted("/".join(n["path"]) for n in self.nodes.values()))
            raise UnknownReference("%s: no department %r exists on this PBX (known: %s)" % (option, reference, known))
        raise InputError("%s: %r matches %d departments (%s); give its path instead" % (
            option, reference, len(matches), ", ".join(sorted("/".join(n["path"]) for n in matches))))

    def child(self, parent_id, name):
        for node in self.nodes.values():
            if node["parent_id"] == parent_id and node["name"] == name and node["id"] != parent_id:
                return node
        return None

    def ids(self, references, option):
        return [self.find(reference, option)["id"] for reference in references]

    def names(self, ids):
        return ["/".join(self.nodes[i]["path"][1:]) or self.nodes[i]["name"] if i in self.nodes else "#%s" % i
                for i in ids]
