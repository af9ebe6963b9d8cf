# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The vendor-neutral resource engine: desired options + current object -> plan -> result.

A vendor supplies an adapter with the spec, reads (find, resolve, names), writes
(create, update, delete) and a client that records the requests it sent or planned.
The engine decides what changes, builds minimal payloads, skips writes in check mode
and reports before/after for --diff. It never talks HTTP itself.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.spec import SECRET_SHOWN, InputError

SECRET_CHANGED = SECRET_SHOWN + " (new value)"


class Plan:
    """What one object needs: 'create', 'update', 'delete' or nothing."""

    def __init__(self, action, current, payload, before, after):
        self.action = action
        self.current = current
        self.payload = payload
        self.before = before
        self.after = after


def plan_present(adapter, identity, wanted_options, current, update_secrets):
    """Compare the wanted options with the current API object; resolve references on the way."""
    spec = adapter.spec
    wanted = dict((name, spec.by_name[name].canonical_from_option(value, adapter.resolve))
                  for name, value in wanted_options.items())
    shown_identity = dict((name, value) for name, value in identity.items() if value is not None)
    if current is None:
        wanted = _with_create_defaults(spec, identity, wanted)
        payload = adapter.create_payload(identity, dict(
            (spec.by_name[name].api, spec.by_name[name].api_from_canonical(value)) for name, value in wanted.items()))
        after = dict(shown_identity, **_shown(spec, wanted, adapter.names, new_secrets=True))
        return Plan("create", None, payload, {}, after)

    changes, before, after = {}, dict(shown_identity), dict(shown_identity)
    for name, value in wanted.items():
        field = spec.by_name[name]
        if field.secret and update_secrets != "always":
            continue
        have = field.canonical_from_api(current.get(field.api))
        before[name] = field.shown(field.only_set(have, value), adapter.names)
        after[name] = field.shown(value, adapter.names)
        if not field.differs(value, have):
            continue
        if field.create_only:
            raise InputError("%s cannot be changed on an existing %s: the PBX holds %r, the task asks for %r"
                             % (name, spec.describe(identity), before[name], after[name]))
        changes[name] = value
        if field.secret:
            after[name] = SECRET_CHANGED
    if not changes:
        return Plan(None, current, None, before, after)
    payload = dict((spec.by_name[name].api, spec.by_name[name].api_from_canonical(
        value, current.get(spec.by_name[name].api))) for name, value in changes.items())
    return Plan("update", current, payload, before, after)


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


def apply_plan(adapter, plan, check_mode):
    """Carry the plan out (or only record the planned writes in check mode); return the object after."""
    if plan.action is None:
        return plan.current
    if plan.action == "delete":
        adapter.delete(plan.current, check_mode)
        return None
    if plan.action == "create":
        return adapter.create(plan.payload, check_mode)
    adapter.update(plan.current, plan.payload, check_mode)
    merged = dict(plan.current)
    merged.update(plan.payload)
    return merged


def ensure(adapter, params, check_mode):
    """The whole single-object flow a resource module runs."""
    spec = adapter.spec
    identity = spec.identity(params)
    wanted = spec.wanted_options(params)
    current = adapter.find(identity)
    if params.get("state") == "absent":
        plan = plan_absent(adapter, identity, current)
    else:
        plan = plan_present(adapter, identity, wanted, current, params.get("update_password", "always"))
    after = apply_plan(adapter, plan, check_mode)
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
