# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every vendor's module-side client shares: the persistent connection, the record of
requests sent and writes planned, per-task memos, and reference resolution by name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.connection import Connection, ConnectionError

from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError, TransportFailure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import SECRET_SHOWN, UnknownReference, looks_secret

# The connection's JSON-RPC error code for a request refused before it left the controller
# (plugin_utils.token_session.NOT_SENT; modules cannot import controller-side code).
NOT_SENT = -32001


class Pending(str):
    """An object check mode assumes an earlier task creates; it stands where its id will be.

    A str so results serialise, ordered after every int id so id lists stay sortable."""

    def __new__(cls, kind, name):
        pending = super(Pending, cls).__new__(cls, "(%s %s, not created yet)" % (kind.replace("_", " "), name))
        pending.name = name
        return pending

    def __lt__(self, other):
        return False if isinstance(other, int) else str.__lt__(self, other)

    def __gt__(self, other):
        return True if isinstance(other, int) else str.__gt__(self, other)


class ApiClient:
    """Base of a vendor client. Subclasses send requests through `self.connection` and declare
    REFERENCE_KINDS: for each kind of object options refer to by name, the method that loads its
    table (an object with `ids(names, option)`, `names(ids)` and `add(ident, identity)`).

    Tables are loaded once per task and kept current without reading them again: a created object is
    added to its table, a deleted one removed (identities never change on update)."""

    REFERENCE_KINDS = {}

    def __init__(self, module, option_name=None, offline=False):
        # The connection opens on first use: states that need none (rendered, parsed) never open it.
        self._socket_path = None if offline else module._socket_path
        self._connection = None
        self.offline = offline
        self.check_mode = module.check_mode or offline
        self.option_name = option_name
        self.sent = []
        self.planned = []
        self.rendered = []
        self.warnings = []
        self._memo = {}

    @property
    def connection(self):
        if self._connection is None:
            if self._socket_path is None:
                raise TransportFailure("This state works without a connection to the PBX, yet a request was needed")
            self._connection = Connection(self._socket_path)
        return self._connection

    def send(self, method, endpoint, params, body, idempotent, cache_as=None, invalidates=None):
        """One request over the persistent connection; listed in `sent` unless refused before leaving or
        answered from the connection's cache of reference look-ups (`cache_as`, dropped by `invalidates`)."""
        try:
            answer = self.connection.send_request(body, method, endpoint, params or None, idempotent,
                                                  cache_as=cache_as, invalidates=invalidates)
        except ConnectionError as exc:
            if getattr(exc, "code", None) != NOT_SENT:
                self.record(method, endpoint)
            raise TransportFailure(str(exc))
        if not answer.get("cached"):
            self.record(method, endpoint)
        self.warnings.extend(answer.get("warnings") or [])
        return answer

    def fetch_file(self, path, dest):
        """Download the file at `path` (a URL path the PBX handed out) into `dest` through the connection, which
        writes it on the controller; {"size", "sha256", "changed"}. Recorded as `GET` of the path without the file
        name. An answer that is no file (an error instead) raises the vendor's error (`file_refused`)."""
        where = path.rsplit("/", 1)[0].lstrip("/")
        try:
            answer = self.connection.download(path, dest)
        except ConnectionError as exc:
            if getattr(exc, "code", None) != NOT_SENT:
                self.record("GET", where)
            raise TransportFailure(str(exc))
        self.record("GET", where)
        self.warnings.extend(answer.get("warnings") or [])
        payload = answer.get("payload")
        if not isinstance(payload, dict) or "sha256" not in payload:
            raise self.file_refused(where, answer.get("status"), payload)
        return payload

    def file_refused(self, where, status, payload):
        return PBXError(where, errmsg="no file but: %s" % str(payload)[:300], http_status=status)

    def record(self, method, endpoint):
        self.sent.append("%s %s" % (method, endpoint))

    def plan(self, method, endpoint, params=None, body=None):
        """A write check mode skips; kept whole (secrets masked) for the rendered state."""
        self.planned.append("%s %s" % (method, endpoint))
        request = {"method": method, "endpoint": endpoint}
        if params:
            request["query"] = masked(params)
        if body is not None:
            request["body"] = masked(body)
        self.rendered.append(request)

    def report(self):
        return {"sent": list(self.sent), "planned": list(self.planned)}

    def memo(self, key, load):
        if key not in self._memo:
            self._memo[key] = load()
        return self._memo[key]

    def lookup(self, kind):
        return self.memo(("reference", kind), lambda: self.offline_table(kind) if self.offline else
                         getattr(self, self.REFERENCE_KINDS[kind])())

    def offline_table(self, kind):
        """The table a kind has when there is no PBX to ask: nothing in it, names stand for themselves."""
        raise NotImplementedError

    def remember(self, kind, ident, identity):
        """A created object joins its table (when loaded); in check mode it has no id yet and a Pending stands in."""
        table = self._memo.get(("reference", kind))
        if table is not None:
            table.add(ident, identity)

    def remember_table(self, kind, table):
        """A table read on the way (a full listing) serves the look-ups too."""
        self._memo[("reference", kind)] = table

    def forget(self, kind, ident):
        table = self._memo.get(("reference", kind))
        if table is not None:
            table.remove(ident)

    def resolve(self, kind, names, option):
        """Ids for names. In check mode a name not found is assumed to come from an earlier task of
        the same run, which check mode did not carry out: warn and stand a Pending in for its id."""
        table = self.lookup(kind)
        ids = []
        for name in names:
            try:
                ids.extend(table.ids([name], option))
            except UnknownReference as exc:
                if not self.check_mode:
                    raise
                if not self.offline:
                    self.warnings.append("%s. Check mode assumes an earlier task creates it." % exc)
                ids.append(Pending(kind, name))
        return ids

    def names(self, kind, ids):
        known = self.lookup(kind).names([i for i in ids if not isinstance(i, Pending)])
        found = iter(known)
        return [i.name if isinstance(i, Pending) else next(found) for i in ids]


def masked(value):
    """A request body or query with the values of secret-looking keys masked."""
    if isinstance(value, dict):
        return dict((key, SECRET_SHOWN if looks_secret(key) and item not in (None, "") else masked(item))
                    for key, item in value.items())
    if isinstance(value, list):
        return [masked(item) for item in value]
    return value
