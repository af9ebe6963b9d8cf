# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whole sets of objects in one task (PBX as code): the states of network resource modules over the
resource engine, vendor-neutral. A vendor lists its sections, in the order objects are created, as
(name, ResourceAdapter class); this module reads each section once, plans per object, writes one by one
and reports per section.

Requests stay near the floor whatever the number of objects: each section is read with the adapter's
`list()` (pages and batches), references resolve from tables loaded once and kept current, and only
objects that differ are written.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.engine import (
    apply_plan,
    plan_absent,
    plan_present,
)
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError, TransportFailure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import UNKNOWN, Destination, InputError, UnknownReference

STATES = ["merged", "replaced", "overridden", "deleted", "gathered", "rendered", "parsed"]
WRITING_STATES = ("merged", "replaced", "overridden", "deleted")
RESETTING_STATES = ("replaced", "overridden")


class PartialApply(Exception):
    """A write failed part-way: what was applied before it, and what was not reached."""

    def __init__(self, cause, applied, not_applied):
        self.cause = cause
        self.applied = applied
        self.not_applied = not_applied
        super(PartialApply, self).__init__(
            "%s Applied before the failure: %s. Not applied: %s. Nothing applied was undone; a re-run continues "
            "from what the PBX now holds." % (cause, _count_list(applied), _count_list(not_applied)))


def _count_list(labels, shown=10):
    if not labels:
        return "nothing"
    more = len(labels) - shown
    return "%d (%s%s)" % (len(labels), ", ".join(labels[:shown]), ", and %d more" % more if more > 0 else "")


class Section:
    """One section of the configuration: its adapter, the objects declared and what the PBX holds."""

    def __init__(self, name, adapter, declared):
        self.name = name
        self.adapter = adapter
        self.declared = declared
        self.current = None
        self.before = None
        self.declared_keys = set()
        self.unflushed = []
        self.outcome = {"created": [], "updated": [], "deleted": [], "unchanged": 0}

    def load(self):
        if self.current is None:
            adapter = self.adapter
            self.current = dict((adapter.key(adapter.identity_of(item)), item) for item in adapter.list())
            self.before = list(self.current.values())
        return self.current


class Reconciler:
    """Runs one state over the sections given in `config`, in creation order (deletions in reverse)."""

    def __init__(self, client, sections, config, state, update_password):
        self.client = client
        self.state = state
        self.update_password = update_password
        self.sections = [Section(name, adapter_class(client), (config or {}).get(name))
                         for name, adapter_class in sections]
        self.given = [section for section in self.sections if section.declared is not None]
        self.applied = []
        self.diffs = []

    # ------------------------------------------------------------- validation
    def validated(self):
        """Refuse, before any request, what no PBX state could make right: invalid options, one object twice."""
        for section in self.given:
            spec = section.adapter.spec
            seen = {}
            for index, item in enumerate(section.declared):
                where = "config.%s[%d]" % (section.name, index)
                for field in spec.fields:
                    try:
                        field.validate(item.get(field.name))
                    except InputError as exc:
                        raise InputError("%s.%s" % (where, exc))
                identity = tuple(sorted((k, v) for k, v in spec.identity(item).items() if v is not None))
                if identity in seen:
                    raise InputError("%s declares %s again (first at index %d); declare each object once"
                                     % (where, spec.describe(dict(identity)), seen[identity]))
                seen[identity] = index
        return self

    # ---------------------------------------------------------------- writing
    def apply(self):
        removing = self.state in ("overridden", "deleted")
        if self.state in ("merged",) + RESETTING_STATES:
            for section in self.given:
                self._converge(section)
                # Objects nothing refers to (no kind) can wait for the deletions: one write per section.
                if not (removing and section.adapter.kind is None):
                    self._flush(section)
        if removing:
            for section in reversed(self.given):
                self._remove(section)
                self._flush(section)
        return self

    def _flush(self, section):
        """Send what an adapter that writes a whole list at once deferred (see ResourceAdapter.flush)."""
        unflushed, section.unflushed = section.unflushed, []
        try:
            section.adapter.flush()
        except (PBXError, TransportFailure) as exc:
            raise PartialApply(exc, [done for done in self.applied if done not in unflushed], unflushed)

    def _converge(self, section):
        adapter = section.adapter
        self.client.option_name = adapter.spec.option_name
        current = section.load()
        items = adapter.ordered(section.declared)
        for position, item in enumerate(items):
            identity = adapter.spec.identity(item)

            def not_reached(position=position):
                return [adapter.label(adapter.spec.identity(rest)) for rest in items[position:]]

            try:
                key = self._key(adapter, identity)
                section.declared_keys.add(key)
                plan = plan_present(adapter, identity, adapter.spec.wanted_options(item), current.get(key),
                                    self.update_password, reset=self.state in RESETTING_STATES)
            except InputError as exc:
                if self.applied:
                    raise PartialApply(exc, list(self.applied), not_reached())
                raise
            self._carry_out(section, plan, identity, key, not_reached)

    def _key(self, adapter, identity):
        try:
            return adapter.key(identity)
        except UnknownReference:
            if not self.client.check_mode:
                raise
            # Check mode: the parent comes from an earlier task; the object cannot exist yet.
            return ("(not created yet)",) + tuple(identity.values())

    def _remove(self, section):
        adapter = section.adapter
        self.client.option_name = adapter.spec.option_name
        current = section.load()
        if self.state == "deleted" and section.declared:
            keys = []
            for item in section.declared:
                try:
                    keys.append(adapter.key(adapter.spec.identity(item)))
                except UnknownReference:
                    continue  # under a parent that does not exist: nothing to delete
            targets = [current[key] for key in keys if key in current]
        elif self.state == "deleted":
            targets = list(current.values())
        else:
            targets = [item for key, item in current.items() if key not in section.declared_keys]
        targets = adapter.deletion_order([item for item in targets if adapter.deletable(item)])
        self._refuse_referenced(section, targets)
        for position, item in enumerate(targets):
            identity = adapter.identity_of(item)
            self._carry_out(section, plan_absent(adapter, identity, item), identity, adapter.key(identity),
                            lambda: [adapter.label(adapter.identity_of(rest)) for rest in targets[position:]])

    def _refuse_referenced(self, section, targets):
        """No object is deleted while an object that stays refers to it; the message names who."""
        kind = section.adapter.kind
        if not kind or not targets:
            return
        going = set(id(item) for item in targets)
        doomed = dict((item.get("id"), item) for item in targets)
        holders = {}
        for other in self.sections:
            if not any(_may_refer(field, kind) for field in _all_fields(other.adapter.spec.fields)) and \
                    other is not section:
                continue
            for item in other.load().values():
                if other is section and id(item) in going:
                    continue
                for ref_kind, ident in other.adapter.references_of(item):
                    if ref_kind == kind and ident in doomed:
                        holders.setdefault(ident, []).append(other.adapter.label(other.adapter.identity_of(item)))
        if holders:
            label = section.adapter.label
            identity_of = section.adapter.identity_of
            raise InputError("Nothing was deleted: %s" % "; ".join(
                "%s is still referenced by %s" % (label(identity_of(doomed[ident])), _count_list(sorted(names), 5))
                for ident, names in sorted(holders.items(), key=lambda pair: str(pair[0]))) +
                ". Declare those objects without the reference, or delete them too.")

    def _carry_out(self, section, plan, identity, key, not_reached):
        adapter = section.adapter
        label = adapter.label(identity)
        if plan.action is None:
            section.outcome["unchanged"] += 1
            return
        try:
            after = apply_plan(adapter, plan, identity)
        except (PBXError, TransportFailure) as exc:
            raise PartialApply(exc, list(self.applied), not_reached())
        # A replacement (a trunk of another kind) counts as an update of the object the task names.
        verb = {"create": "created", "update": "updated", "replace": "updated", "delete": "deleted"}[plan.action]
        section.outcome[verb].append(label)
        self.applied.append("%s %s" % (verb, label))
        if adapter.defers_writes:
            section.unflushed.append("%s %s" % (verb, label))
        self.diffs.append({"before_header": label, "after_header": label, "before": plan.before, "after": plan.after})
        if after is None:
            section.current.pop(key, None)
        else:
            section.current[key] = after

    # ----------------------------------------------------------------- results
    def result(self):
        changed = bool(self.applied)
        return {
            "changed": changed,
            "sections": dict((section.name, section.outcome) for section in self.given),
            "before": dict((section.name, self._gathered(section, section.before)) for section in self.given),
            "after": dict((section.name, self._gathered(section, list(section.current.values())))
                          for section in self.given),
            "diff": self.diffs,
        }

    def gathered(self):
        sections = self.given or self.sections
        return dict((section.name, self._gathered(section, list(section.load().values()))) for section in sections)

    def _gathered(self, section, items):
        return sorted((gathered_item(section.adapter, item) for item in items),
                      key=section.adapter.sort_key)

    def rendered(self):
        """The requests a run would send to a PBX holding none of the declared objects."""
        for section in self.given:
            section.current = {}
            section.before = []
        self.state = "merged"
        self.apply()
        return self.client.rendered


def gathered_item(adapter, current):
    """An object as `config` writes it: identity, then every option that differs from what a new object
    gets (replaced and overridden restore those), secrets left out."""
    identity = adapter.identity_of(current)
    shown = dict((name, value) for name, value in identity.items() if value is not None)
    for field in adapter.spec.fields:
        if field.identity or field.secret or not field.readable or not field.gathered or not field.applies(current):
            continue
        value = _gathered_value(adapter, field, field.read(current), identity)
        if value is not None:
            shown[field.name] = value
    return shown


def _gathered_value(adapter, field, api_value, identity):
    if api_value is None:
        return None  # not in the PBX's answer: nothing to say about it
    canonical = field.canonical_from_api(api_value)
    if canonical is UNKNOWN:
        return None
    reset = field.reset_value(identity)
    if field.keyed:
        return _gathered_entries(adapter, field, canonical, reset)
    if reset is not None:
        if canonical == field.canonical_from_option(reset, adapter.resolve):
            return None
    elif canonical in (None, "", ()) or canonical == field.default:
        return None
    return field.shown(canonical, adapter.names)


def _gathered_entries(adapter, field, canonical, reset):
    defaults = dict((entry[field.key], entry) for entry in reset or [])
    entries = []
    for key, entry in sorted(canonical.items()):
        default = defaults.get(key, {})
        shown = {}
        for sub in field.options:
            if sub.name == field.key or sub.name not in entry or not sub.applies(entry):
                continue
            value = entry[sub.name]
            if sub.name in default and value == sub.canonical_from_option(default[sub.name], adapter.resolve):
                continue
            if sub.name not in default and value in (None, "", ()):
                continue
            shown[sub.name] = sub.shown(value, adapter.names)
        if shown:
            entries.append(dict([(field.key, key)] + sorted(shown.items())))
    return entries or None


def _may_refer(field, kind):
    return field.reference == kind or (isinstance(field.codec, Destination) and kind in field.codec.kinds.values())


def _all_fields(fields):
    for field in fields:
        yield field
        yield from _all_fields(field.options or [])


def dependency_order(items, provides, depends_on):
    """Items ordered so that each comes after the declared items it depends on; references to objects not
    declared are not dependencies (they exist already, or resolution reports them)."""
    providers = {}
    for index, item in enumerate(items):
        for name in provides(item):
            providers.setdefault(name, index)
    ordered, state = [], {}

    def visit(index):
        if state.get(index) == "done":
            return
        if state.get(index) == "visiting":
            raise InputError("config declares a circle of references through %s" % ", ".join(
                "/".join(provides(items[i])[:1]) for i, mark in sorted(state.items()) if mark == "visiting"))
        state[index] = "visiting"
        for name in depends_on(items[index]):
            if name in providers and providers[name] != index:
                visit(providers[name])
        state[index] = "done"
        ordered.append(items[index])

    for index in range(len(items)):
        visit(index)
    return ordered
