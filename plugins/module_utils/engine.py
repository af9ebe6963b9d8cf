# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The vendor-neutral resource engine: desired options + current object -> plan -> result.

A vendor supplies, per resource, an adapter (a ResourceAdapter) with the spec, reads (list,
find, identity_of), writes (create, update, delete) and a client that resolves references and
records the requests it sent or, in check mode, only planned. The engine decides what changes,
builds minimal payloads and reports before/after for --diff. It never talks HTTP itself;
module_utils/bulk.py runs it over whole sets of objects.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.spec import SECRET_SHOWN, InputError

SECRET_CHANGED = SECRET_SHOWN + " (new value)"
# What every module and yeastar_config do with secrets of existing objects unless told otherwise.
UPDATE_PASSWORD_DEFAULT = "on_create"
# A Field's create_only value for an option that changes only by replacing the object (a trunk's kind).
REPLACE = "replace"


class ResourceAdapter:
    """How one kind of object is read and written on one vendor's PBX. Subclasses set `spec`, `kind` (the
    reference kind the objects are known as, if other objects refer to them) and implement the reads and
    writes; the defaults here cover what is the same for every vendor."""

    spec = None
    kind = None

    def __init__(self, client):
        self.client = client

    # ------------------------------------------------------------------ reads
    def list(self):
        """Every object of the kind, in API form with the details the spec compares."""
        raise NotImplementedError

    def identity_of(self, current):
        """The identity options (natural key) of a listed object."""
        return dict((field.name, current.get(field.api)) for field in self.spec.fields if field.identity)

    def key(self, identity):
        """A hashable form of an identity, equal for every way of writing it."""
        return tuple(identity.get(field.name) for field in self.spec.fields if field.identity)

    def find(self, identity):
        wanted = self.key(identity)
        for current in self.list():
            if self.key(self.identity_of(current)) == wanted:
                return current
        return None

    def resolve(self, kind, names, option):
        return self.client.resolve(kind, names, option)

    def names(self, kind, ids):
        return self.client.names(kind, ids)

    def label(self, identity):
        return self.spec.describe(identity)

    def references_of(self, current):
        """(kind, id) of every object this one refers to, read from its reference fields."""
        found = []
        for field in self.spec.fields:
            found.extend(field.referenced_ids(field.read(current)))
        return found

    def deletable(self, current):
        """False for objects the PBX keeps whatever is declared (a root department)."""
        return True

    def ordered(self, items):
        """Declared items (option form) in the order they can be created: what others refer to first."""
        return list(items)

    def deletion_order(self, currents):
        return list(currents)

    def sort_key(self, shown):
        """Where an object (in option form) goes in gathered output, so exports diff cleanly."""
        return tuple(str(shown.get(field.name) or "") for field in self.spec.fields if field.identity)

    def check_create(self, identity, wanted):
        """Raise InputError for a creation the PBX will refuse, so check mode reports it too."""

    def applicable(self, identity, wanted_options, declared, current):
        """The wanted options (option form) an object takes. Raise InputError for a `declared` option it cannot
        take (a field of another kind of trunk); drop the reset values of such options under `replaced`."""
        return wanted_options

    def secrets_needed(self, wanted_options, current):
        """Names of secret options an update must send whatever `update_password` says, because the change
        makes the PBX require them (a route that starts asking for a PIN)."""
        return ()

    def kept_on_replace(self, current, wanted):
        """Canonical values of the current object that its replacement keeps when the task does not set them."""
        return {}

    # ----------------------------------------------------------------- writes
    def create_payload(self, identity, fields):
        raise NotImplementedError

    def create(self, payload):
        """Create; return the new object in API form (with its id unless in check mode)."""
        raise NotImplementedError

    def update(self, current, payload):
        raise NotImplementedError

    def delete(self, current):
        raise NotImplementedError

    def replace(self, current, payload):
        """Put a new object (create `payload`) in the place of `current`; return the new one in API form."""
        raise NotImplementedError

    def created(self, current, identity):
        """Tell the client's reference tables about a new object, so later references to it resolve."""
        if self.kind:
            self.client.remember(self.kind, current.get("id"), identity)

    def deleted(self, current):
        if self.kind:
            self.client.forget(self.kind, current.get("id"))

    # A kind the API writes only as a whole (a PBX-wide list) sets `defers_writes`: its create, update and
    # delete change a working copy, and `flush` sends it in one request once the section is done.
    defers_writes = False

    def flush(self):
        """Send the writes deferred so far, if any."""


class Plan:
    """What one object needs: 'create', 'update', 'delete' or nothing."""

    def __init__(self, action, current, payload, before, after):
        self.action = action
        self.current = current
        self.payload = payload
        self.before = before
        self.after = after


def plan_present(adapter, identity, wanted_options, current, update_secrets, reset=False):
    """Compare the wanted options with the current API object; resolve references on the way.

    With `reset`, options not given go back to their reset values (state replaced)."""
    spec = adapter.spec
    declared = wanted_options
    if reset and current is not None:
        wanted_options = with_reset_values(spec, identity, wanted_options)
    elif current is None:
        wanted_options = with_complete_entries(spec, identity, wanted_options)
    wanted_options = adapter.applicable(identity, wanted_options, declared, current)
    wanted = dict((name, spec.by_name[name].canonical_from_option(value, adapter.resolve))
                  for name, value in wanted_options.items())
    shown_identity = dict((name, value) for name, value in identity.items() if value is not None)
    if current is None:
        wanted = _with_create_defaults(spec, identity, wanted)
        adapter.check_create(identity, wanted)
        payload = adapter.create_payload(identity, _payload(spec, wanted, None))
        after = dict(shown_identity, **_shown(spec, wanted, adapter.names, new_secrets=True))
        return Plan("create", None, payload, {}, after)

    changes, before, after = {}, dict(shown_identity), dict(shown_identity)
    needed = adapter.secrets_needed(wanted_options, current)
    for name, value in wanted.items():
        field = spec.by_name[name]
        if field.secret and update_secrets != "always" and name not in needed:
            continue
        have = field.canonical_from_api(field.read(current))
        before[name] = field.shown(field.only_set(have, value), adapter.names)
        after[name] = field.shown(value, adapter.names)
        if not field.differs(value, have):
            continue
        if field.create_only == REPLACE:
            return _replacement(adapter, identity, wanted, current, name)
        if field.create_only:
            raise InputError("%s cannot be changed on an existing %s: the PBX holds %r, the task asks for %r"
                             % (name, spec.describe(identity), before[name], after[name]))
        changes[name] = value
        if field.secret:
            after[name] = SECRET_CHANGED
    if not changes:
        return Plan(None, current, None, before, after)
    payload = _payload(spec, changes, current)
    return Plan("update", current, payload, before, after)


def _replacement(adapter, identity, wanted, current, changed):
    """The plan for an object whose `changed` option can change only by replacing it: the replacement gets the
    wanted options over those it keeps of the current object; the diff says it is a replacement."""
    spec = adapter.spec
    complete = dict(adapter.kept_on_replace(current, wanted), **wanted)
    try:
        complete = _with_create_defaults(spec, identity, complete)
        adapter.check_create(identity, complete)
    except InputError as exc:
        raise InputError("%s: changing %s replaces it with a new one" % (exc, changed))
    shown_identity = dict((name, value) for name, value in identity.items() if value is not None)
    before = dict(shown_identity)
    for name in complete:
        field = spec.by_name[name]
        before[name] = field.shown(field.canonical_from_api(field.read(current)), adapter.names)
    after = dict(shown_identity, **_shown(spec, complete, adapter.names, new_secrets=True))
    after["replaced"] = ("%s cannot change in place: a new %s is created, then the old one deleted"
                         % (changed, spec.label))
    payload = adapter.create_payload(identity, _payload(spec, complete, None))
    return Plan("replace", current, payload, before, after)


def _payload(spec, canonical, current):
    """The API fields for canonical values; `current` is the object they change (None to create). Each field
    sees the API fields set before it in this payload over `current`, so two options that share one API field
    (an IVR's allowed extensions and allowed departments, one list) both land in it."""
    payload = {}
    for name, value in canonical.items():
        seen = dict(current or {}, **payload) if (current is not None or payload) else None
        payload.update(spec.by_name[name].payload(value, seen))
    return payload


def with_reset_values(spec, identity, wanted_options):
    """The options given, completed with the reset value of every other field that has one."""
    complete = dict(wanted_options)
    for field in spec.fields:
        if field.identity:
            continue
        reset = field.reset_value(identity)
        if reset is None:
            continue
        complete[field.name] = field.codec.completed(field, wanted_options.get(field.name), reset)
    return complete


def with_complete_entries(spec, identity, wanted_options):
    """For a creation, keyed entries completed with what a new object gets: a PBX may require every
    sub-option of an entry it is sent (Yeastar's presence rules need ring_timeout)."""
    complete = dict(wanted_options)
    for name, value in wanted_options.items():
        field = spec.by_name[name]
        if field.keyed and field.reset is not None:
            complete[name] = field.codec.completed(field, value, field.reset_value(identity))
    return complete


def _with_create_defaults(spec, identity, wanted):
    wanted = dict(wanted)
    for field in spec.fields:
        if field.identity or field.name in wanted:
            continue
        default = field.create_default
        if callable(default):
            default = default(identity)
        if default is not None:
            wanted[field.name] = default
        elif field.required_on_create:
            raise InputError("%s is required to create %s, which does not exist yet"
                             % (field.name, spec.describe(identity)))
    return wanted


def _shown(spec, canonical, names, new_secrets=False):
    shown = {}
    for name, value in canonical.items():
        field = spec.by_name[name]
        shown[name] = SECRET_CHANGED if (field.secret and new_secrets) else field.shown(value, names)
    return shown


def plan_absent(adapter, identity, current):
    if current is None:
        return Plan(None, None, None, {}, {})
    before = dict((name, value) for name, value in identity.items() if value is not None)
    return Plan("delete", current, None, before, {})


def apply_plan(adapter, plan, identity):
    """Carry the plan out (the client only records writes in check mode); return the object after."""
    if plan.action is None:
        return plan.current
    if plan.action == "delete":
        adapter.delete(plan.current)
        adapter.deleted(plan.current)
        return None
    if plan.action == "create":
        created = adapter.create(plan.payload)
        adapter.created(created, identity)
        return created
    if plan.action == "replace":
        replacement = adapter.replace(plan.current, plan.payload)
        adapter.deleted(plan.current)
        adapter.created(replacement, identity)
        return replacement
    adapter.update(plan.current, plan.payload)
    merged = dict(plan.current)
    merged.update(plan.payload)
    return merged


def ensure(adapter, params):
    """The whole single-object flow a resource module runs."""
    spec = adapter.spec
    identity = spec.identity(params)
    wanted = spec.wanted_options(params)
    current = adapter.find(identity)
    if params.get("state") == "absent":
        plan = plan_absent(adapter, identity, current)
    else:
        plan = plan_present(adapter, identity, wanted, current, params.get("update_password", UPDATE_PASSWORD_DEFAULT))
    after = apply_plan(adapter, plan, identity)
    result = {
        "changed": plan.action is not None,
        spec.name: mask_secrets(spec, after) if after else {},
        "diff": {"before": plan.before, "after": plan.after},
        "api_requests": adapter.client.report(),
    }
    if plan.action:
        result["operation"] = plan.action
    return result


def mask_secrets(spec, api_object):
    masked = dict(api_object)
    for field in spec.fields:
        if field.secret and masked.get(field.api) not in (None, ""):
            masked[field.api] = SECRET_SHOWN
    return masked
