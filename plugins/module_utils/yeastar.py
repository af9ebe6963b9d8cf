# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar P-Series OpenAPI v1.0 client for modules: envelopes, paging, batched queries,
and the reference look-ups (roles, departments, outbound routes) cached per task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.client import ApiClient
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError, UnknownReference

PAGE_SIZE = 1000
QUERY_BATCH = 100


class YeastarClient(ApiClient):
    """Yeastar requests over the persistent httpapi connection: envelope, paging, batches, look-ups."""

    # -------------------------------------------------------------- requests
    def read(self, endpoint, **params):
        return self._call("GET", endpoint, params, None, True)

    def write(self, method, endpoint, params=None, body=None):
        """A request that changes the PBX; in check mode it is only recorded as planned."""
        if self.check_mode:
            self.plan(method, endpoint)
            return None
        return self._call(method, endpoint, params, body, False)

    def _call(self, method, endpoint, params, body, idempotent):
        answer = self.send(method, endpoint, params, body, idempotent)
        payload = answer.get("payload")
        if not isinstance(payload, dict) or "errcode" not in payload:
            raise PBXError(endpoint, errmsg=str(payload)[:500], http_status=answer.get("status"))
        if payload["errcode"] != 0:
            raise yeastar_error(endpoint, payload, self.option_name)
        return payload

    # ------------------------------------------------------ paging and batches
    def pages(self, endpoint, key="data", page_size=PAGE_SIZE, **params):
        """Every item of a paged list; adapts when the PBX caps the page size below the one asked."""
        page = 1
        seen = 0
        while True:
            answer = self.read(endpoint, page=page, page_size=page_size, **params)
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
    def roles(self):
        return self.memo("roles", lambda: Named(
            "role", [(int(o["value"]), o["text"]) for o in self.read("system/get_menuoptions", menu="role").get("data") or []]))

    def outbound_routes(self):
        return self.memo("outbound_routes", lambda: Named(
            "outbound route", [(int(r["id"]), r["name"]) for r in self.pages("outbound_route/list")]))

    def departments(self):
        return self.memo("departments", lambda: DepartmentTree(
            self.read("organization/list", is_all=2).get("organization_list") or []))

    def extensions(self):
        return self.memo("extensions", lambda: Named(
            "extension", [(int(e["id"]), str(e["number"])) for e in self.pages("extension/list")], key="numbered"))

    def lookup(self, kind):
        return {"role": self.roles, "department": self.departments, "outbound_route": self.outbound_routes,
                "extension": self.extensions}[kind]()


HINTS = {
    10001: "The PBX does not offer this endpoint; check the firmware version (83.7.0.16 or later).",
    10005: "The API application lacks the permission for this request.",
    60001: "The object no longer exists; it may have been deleted meanwhile. Re-run the task.",
    60002: "A PBX limit was reached (number of objects, department depth, or licence capacity).",
    60101: "The role does not exist on this PBX.",
    70120: "Department Management is not enabled on this PBX.",
    70082: "The PBX is overloaded; try again later.",
}


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
    """A flat name <-> id table (roles, outbound routes)."""

    def __init__(self, label, pairs, key="named"):
        self.label = label
        self.key = key
        self.by_id = dict(pairs)
        self.by_name = {}
        for ident, name in pairs:
            self.by_name.setdefault(name, []).append(ident)

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
    """The department tree, addressable by name or by path ("Marketing/Tech Support")."""

    def __init__(self, roots):
        self.nodes = {}
        self.root_id = None
        for root in roots:
            self._add(root, ())
            if self.root_id is None:
                self.root_id = int(root["id"])

    def _add(self, node, parent_path):
        path = parent_path + (node["name"],)
        self.nodes[int(node["id"])] = {"id": int(node["id"]), "name": node["name"], "path": path,
                                       "parent_id": int(node.get("parent_id") or 0)}
        for child in node.get("children") or []:
            self._add(child, path)

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
