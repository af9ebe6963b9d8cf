# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Declarative resource specs: one list of Field objects per resource drives the argument
spec, input validation, normalisation, comparison, API payloads and the documentation.

A value exists in three forms:
  option    what the user writes (names, booleans);
  canonical what is compared (references as ids, sets sorted, flags as bool);
  api       what the PBX sends and receives (0/1 flags, id shapes such as [{"value": "3"}]).
Conversions between them live here; nothing vendor-specific does.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

SECRET_SHOWN = "********"
UNKNOWN = object()

# Names that look like secrets: the options among them that are not secret get an explicit no_log=False
# (ansible-test asks for it), and the connection masks such query and answer keys in its logs.
SECRET_NAME = re.compile(r"pass(?!ive)|secret|token|key|(^|_)pin(_list)?$", re.IGNORECASE)


def looks_secret(name):
    return bool(SECRET_NAME.search(name))


def repeated(values):
    """The values that appear more than once, sorted (empty ones ignored)."""
    return sorted(set(value for value in values if value not in (None, "") and values.count(value) > 1))


class InputError(Exception):
    """User input the module rejects before sending any request."""


class UnknownReference(InputError):
    """A name that denotes no object on the PBX (as opposed to one that denotes several)."""


class Field:
    """One option of a resource and the API field behind it."""

    def __init__(self, name, type="str", api=None, doc="", choices=None, elements=None, options=None,
                 key=None, default=None, required=False, identity=False, create_default=None,
                 required_on_create=False, create_only=False, secret=False, readable=True,
                 reference=None, api_true=1, api_false=0, to_api=None, from_api=None,
                 length=None, value_range=None, pattern=None, pattern_hint=None, check=None, check_list=None,
                 unordered=False, mutually_exclusive=None, reset=None, applies_if=None, codec=None,
                 gathered=True, version_added="0.1.0"):
        self.name = name
        self.type = type
        self.api = api or name
        self.doc = doc if isinstance(doc, list) else [doc]
        self.choices = choices
        self.elements = elements
        self.options = options
        self.key = key
        self.default = default
        self.required = required
        self.identity = identity
        self.create_default = create_default
        self.required_on_create = required_on_create
        self.create_only = create_only
        self.secret = secret
        self.readable = readable
        self.reference = reference
        self.api_true = api_true
        self.api_false = api_false
        self._to_api = to_api
        self._from_api = from_api
        self.length = length
        self.value_range = value_range
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint
        self.check = check
        self.check_list = check_list
        self.unordered = unordered
        self.mutually_exclusive = mutually_exclusive
        self.reset = reset
        self.applies_if = applies_if
        # False for one side of a relation both kinds can set, exported on the other side only (a company
        # contact's phonebooks are gathered as the phonebooks' contacts).
        self.gathered = gathered
        self.version_added = version_added
        self.options_by_name = dict((sub.name, sub) for sub in options or [])
        self.codec = codec or codec_for(self)

    @property
    def keyed(self):
        return self.type == "list" and self.elements == "dict" and self.key is not None

    # ------------------------------------------------------------ validation
    def check_written_type(self, value, where=None):
        """Refuse what YAML or a template turned into another type before ansible-core's silent conversion to str.

        `value` is the option as the task wrote it, not yet converted by the argument spec."""
        where = where or self.name
        if value is None:
            return
        if self.type == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                label = "%s[%d]" % (where, index)
                if self.options and isinstance(item, dict):
                    for sub in self.options:
                        sub.check_written_type(item.get(sub.name), "%s.%s" % (label, sub.name))
                elif self.elements == "str":
                    _refuse_non_string(item, label, self.secret)
        elif self.type == "dict" and self.options and isinstance(value, dict):
            for sub in self.options:
                sub.check_written_type(value.get(sub.name), "%s.%s" % (where, sub.name))
        elif self.type == "str":
            _refuse_non_string(value, where, self.secret)

    def validate(self, value, where=None):
        """Raise InputError naming the option and what is allowed."""
        where = where or self.name
        if value is None:
            return
        if self.type == "list":
            for index, item in enumerate(value):
                label = "%s[%d]" % (where, index)
                if self.options:
                    for sub in self.options:
                        sub.validate(item.get(sub.name), "%s.%s" % (label, sub.name))
                else:
                    self._validate_scalar(item, label)
            if self.keyed:
                duplicates = repeated([item[self.key] for item in value])
                if duplicates:
                    raise InputError("%s: each %s may appear once; repeated: %s" % (where, self.key, ", ".join(duplicates)))
            problem = self.check_list(value) if self.check_list else None
            if problem:
                raise InputError("%s %s" % (where, problem))
            return
        if self.type == "dict" and self.options and isinstance(value, dict):
            for sub in self.options:
                sub.validate(value.get(sub.name), "%s.%s" % (where, sub.name))
        self._validate_scalar(value, where)

    def _validate_scalar(self, value, where):
        if self.length and isinstance(value, str):
            low, high = self.length
            if not low <= len(value) <= high:
                allowed = "at most %d characters" % high if low == 0 else "%d to %d characters" % (low, high)
                raise InputError("%s must be %s long, got %d" % (where, allowed, len(value)))
        if self.value_range and isinstance(value, int) and not isinstance(value, bool):
            low, high = self.value_range
            if not low <= value <= high:
                raise InputError("%s must be between %d and %d, got %s" % (
                    where, low, high, SECRET_SHOWN if self.secret else value))
        if self.pattern and isinstance(value, str) and not self.pattern.match(value):
            shown = SECRET_SHOWN if self.secret else repr(value)
            raise InputError("%s must be %s, got %s" % (where, self.pattern_hint, shown))
        if self.check:
            problem = self.check(value)
            if problem:
                raise InputError("%s %s" % (where, problem))

    # ------------------------------------------------ conversions (codec)
    def read(self, current):
        """This field's API value in an object as the API holds it (some fields span several API keys)."""
        return self.codec.read(self, current)

    def payload(self, canonical, current=None):
        """The API keys and values that set a canonical value on an object (`current`, None to create)."""
        return self.codec.payload(self, canonical, current)

    def canonical_from_option(self, value, resolve):
        """Option value -> canonical value; `resolve(kind, names, option)` maps names to ids."""
        return None if value is None else self.codec.from_option(self, value, resolve)

    def canonical_from_api(self, value):
        """API value -> canonical value, or UNKNOWN when the API does not reveal it."""
        if self._from_api:
            value = self._from_api(value)
        if value is None or (self.secret and value == ""):
            if self.secret or not self.readable:
                return UNKNOWN
            # PBXes leave empty fields out of answers: absent is the same as empty.
            return self.empty
        if not self.readable:
            return UNKNOWN
        return self.codec.from_api(self, value)

    def api_from_canonical(self, value, current=None):
        """Canonical -> API value; `current` is the API value it replaces (keyed lists merge into it)."""
        value = self.codec.to_api(self, value, current)
        return self._to_api(value) if self._to_api else value

    def shown(self, canonical, names):
        """Canonical -> what before/after show; `names(kind, ids)` maps ids back to names."""
        if canonical is None:
            return None
        if self.secret:
            return SECRET_SHOWN
        if canonical is UNKNOWN:
            return "(not readable)"
        return self.codec.shown(self, canonical, names)

    def differs(self, wanted, current):
        """True when the wanted canonical value is not what the PBX holds, for the parts the user set."""
        if current is UNKNOWN:
            return True
        return self.codec.differs(self, wanted, current)

    def only_set(self, canonical_current, wanted):
        """The part of a current canonical value that corresponds to what the user set."""
        return self.codec.only_set(self, canonical_current, wanted)

    def applies(self, api_object):
        """Whether this field means anything for an object (an entry) as the API holds it: a forward's target
        extension only when the forward goes to an extension."""
        return self.applies_if is None or bool(self.applies_if(api_object))

    def referenced_ids(self, api_value):
        """(kind, id) of the objects an API value refers to."""
        return self.codec.referenced_ids(self, api_value)

    @property
    def empty(self):
        return "" if self.type == "str" else self.codec.empty

    def reset_value(self, identity):
        """What `replaced` sends for an option not declared: the PBX's create default, or None when the
        field cannot be reset (secrets, required references)."""
        return self.reset(identity) if callable(self.reset) else self.reset


class Scalar:
    """A string, number or choice: compared as written, with the API's numbers read back as numbers."""

    empty = None

    def read(self, field, current):
        return current.get(field.api)

    def payload(self, field, canonical, current):
        return {field.api: field.api_from_canonical(canonical, current.get(field.api) if current else None)}

    def from_option(self, field, value, resolve):
        return value

    def from_api(self, field, value):
        return _coerce(value, field.type)

    def to_api(self, field, value, current):
        return value

    def shown(self, field, canonical, names):
        return canonical

    def differs(self, field, wanted, current):
        return wanted != current

    def only_set(self, field, current, wanted):
        return current

    def completed(self, field, declared, reset):
        """The option under `replaced`: as declared, or the reset value when not declared."""
        return reset if declared is None else declared

    def referenced_ids(self, field, api_value):
        return []


class Flag(Scalar):
    """An on/off option; on the wire whatever the API uses (1/0, "yes"/"no")."""

    def from_api(self, field, value):
        if value in (field.api_true, str(field.api_true)):
            return True
        if value in (field.api_false, str(field.api_false)):
            return False
        return bool(value)

    def to_api(self, field, value, current):
        return field.api_true if value else field.api_false


class ScalarList(Scalar):
    """A list of plain values; a set when the field is unordered."""

    empty = ()

    def from_option(self, field, value, resolve):
        return _ordered(field, value)

    def from_api(self, field, value):
        return _ordered(field, [_coerce(v, field.elements) for v in value])

    def to_api(self, field, value, current):
        return list(value)

    def shown(self, field, canonical, names):
        return list(canonical)


class Reference(Scalar):
    """Another object by its natural key (name, number, path) in options, by id on the wire."""

    def __init__(self, many):
        self.many = many
        self.empty = () if many else None

    def from_option(self, field, value, resolve):
        if self.many and not value:
            return ()  # nothing to look up: no request for the kind's table
        ids = resolve(field.reference, value if self.many else [value], field.name)
        return _ordered(field, ids) if self.many else ids[0]

    def from_api(self, field, value):
        # Ids keep the type the client's look-ups use; only names are option-typed.
        return _ordered(field, list(value)) if self.many else value

    def to_api(self, field, value, current):
        return list(value) if self.many else value

    def shown(self, field, canonical, names):
        if canonical in ("", ()):
            return list(canonical) if self.many else canonical
        shown = names(field.reference, list(canonical) if self.many else [canonical])
        return shown if self.many else shown[0]

    def referenced_ids(self, field, api_value):
        canonical = field.canonical_from_api(api_value)
        if canonical in (None, "", (), UNKNOWN):
            return []
        return [(field.reference, ident) for ident in (canonical if self.many else [canonical])]


class KeyedList(Scalar):
    """Entries identified by a key (presence rules by status): only the entries and sub-options given are
    managed; writes merge into the current entries so nothing the user did not set is dropped."""

    empty = {}

    def from_option(self, field, value, resolve):
        return dict((item[field.key], dict((sub.name, sub.canonical_from_option(item.get(sub.name), resolve))
                                           for sub in field.options if sub.name != field.key
                                           and item.get(sub.name) is not None))
                    for item in value)

    def from_api(self, field, value):
        return dict((item.get(field.key), dict((sub.name, sub.canonical_from_api(item.get(sub.api)))
                                               for sub in field.options if sub.name != field.key))
                    for item in value)

    def to_api(self, field, value, current):
        # Current entries are re-sent whole, minus the response-only keys the API refuses.
        settable = set(sub.api for sub in field.options)
        merged = dict((item.get(field.key), dict((k, v) for k, v in item.items() if k in settable))
                      for item in (current or []))
        for key, wanted in value.items():
            entry = merged.setdefault(key, {field.key: key})
            for sub in field.options:
                if sub.name in wanted:
                    entry[sub.api] = sub.api_from_canonical(wanted[sub.name])
        return [merged[key] for key in sorted(merged, key=_order_of(current, field.key))]

    def shown(self, field, canonical, names):
        return [dict([(field.key, key)] + [(sub.name, sub.shown(entry[sub.name], names))
                                           for sub in field.options if sub.name in entry])
                for key, entry in sorted(canonical.items())]

    def differs(self, field, wanted, current):
        current = current if isinstance(current, dict) else {}
        for key, entry in wanted.items():
            have = current.get(key, {})
            for sub in field.options:
                if sub.name in entry and sub.differs(entry[sub.name], have.get(sub.name)):
                    return True
        return False

    def only_set(self, field, current, wanted):
        if not isinstance(current, dict):
            return current
        return dict((key, dict((name, current.get(key, {}).get(name)) for name in entry))
                    for key, entry in wanted.items())

    def completed(self, field, declared, reset):
        """Every entry of the reset list, with the declared sub-options over the reset ones; a declared
        sub-option displaces the reset value of the sub-options it excludes."""
        declared_by_key = dict((item[field.key], item) for item in declared or [])
        entries = []
        for reset_entry in reset:
            key = reset_entry[field.key]
            given = dict((name, value) for name, value in declared_by_key.pop(key, {}).items() if value is not None)
            entry = dict(reset_entry)
            for group in field.mutually_exclusive or []:
                if any(name in given for name in group):
                    for name in group:
                        entry.pop(name, None)
            entry.update(given)
            entries.append(entry)
        return entries + list(declared_by_key.values())

    def referenced_ids(self, field, api_value):
        found = []
        for item in api_value or []:
            for sub in field.options:
                if sub.applies(item):
                    found.extend(sub.referenced_ids(item.get(sub.api)))
        return found


class RecordList(Scalar):
    """Records without a key (a route's dial patterns): the list as a whole, each record compared with every
    sub-option normalised, so an answer like {"strip": "1", "prepend": ""} equals the option {"strip": 1}."""

    empty = ()

    def from_option(self, field, value, resolve):
        return _ordered(field, [self._record(field, dict(
            (sub.name, sub.canonical_from_option(item.get(sub.name), resolve)) for sub in field.options))
            for item in value])

    def from_api(self, field, value):
        return _ordered(field, [self._record(field, dict(
            (sub.name, sub.canonical_from_api(item.get(sub.api))) for sub in field.options)) for item in value])

    @staticmethod
    def _record(field, values):
        return tuple((sub.name, sub.empty if values[sub.name] is None else values[sub.name])
                     for sub in field.options)

    def to_api(self, field, value, current):
        return [dict((field.options_by_name[name].api, field.options_by_name[name].api_from_canonical(item))
                     for name, item in record if item not in (None, "", ()))
                for record in value]

    def shown(self, field, canonical, names):
        return [dict((name, field.options_by_name[name].shown(item, names)) for name, item in record
                     if item not in (None, "", ()))
                for record in canonical]


class Destination(Scalar):
    """Where a call goes, one option {type, number | name | prompt | range | value, prefix | repeat} standing for
    the API's three keys: the type (`field.api`), a prefix and a value. `kinds` says what each type's value is: a
    reference kind (an object known by its number, or by its name when the kind is in `named`; an id on the
    wire), "number" (a dialled number, with a dial prefix), "prompt" (a prompt file, played `repeat` times),
    "range" (a range of extension numbers, sent as written), "members" (extensions by number and extension groups
    by API ID, in the API's separate list `members_key`), "raw" (an id of something the collection does not
    manage) or None (nothing). `unset`, when given, is the option type that stands for the API's empty type (a
    destination not configured, such as an IVR key nobody set): it reads as that type and is sent as ""."""

    def __init__(self, kinds, prefix_key, value_key, unset=None, members_key=None, named=()):
        self.kinds = kinds
        self.prefix_key = prefix_key
        self.value_key = value_key
        self.unset = unset
        self.members_key = members_key
        self.named = named
        self.empty = (unset, None, "") if unset else None

    def read(self, field, current):
        if current.get(field.api) in (None, ""):
            return None
        read = {"type": current[field.api], "prefix": current.get(self.prefix_key), "value": current.get(self.value_key)}
        if self.members_key:
            read["members"] = current.get(self.members_key)
        return read

    def payload(self, field, canonical, current):
        kind, target, prefix = canonical
        if self.kinds.get(kind) == "members":
            return {field.api: kind, self.prefix_key: "", self.value_key: "",
                    self.members_key: [{"value": str(ident), "type": member_type} for member_type, ident in target]}
        return {field.api: "" if kind == self.unset else kind, self.prefix_key: prefix,
                self.value_key: "" if target is None else str(target)}

    def from_option(self, field, value, resolve):
        kind = value["type"]
        what = self.kinds[kind]
        if what == "number":
            return (kind, value["number"], value.get("prefix") or "")
        if what == "prompt":
            return (kind, value["prompt"], str(value.get("repeat") or 1))
        if what in ("raw", "range"):
            return (kind, value[TARGET_KEYS[what][0]], "")
        if what == "members":
            numbers = value.get("extensions") or []
            extensions = resolve("extension", numbers, "%s.extensions" % field.name) if numbers else []
            groups = [str(group) for group in value.get("extension_groups") or []]
            return (kind, _members(extensions, groups), "")
        if what is None:
            return (kind, None, "")
        key = self.target_key(what)
        return (kind, resolve(what, [value[key]], "%s.%s" % (field.name, key))[0], "")

    def target_key(self, what):
        return "name" if what in self.named else "number"

    def from_api(self, field, value):
        kind = value["type"]
        what = self.kinds.get(kind)
        if what == "members":
            items = [item for item in value.get("members") or [] if item.get("value") not in (None, "")]
            return (kind, _members([int(item["value"]) for item in items if item.get("type", "extension") == "extension"],
                                   [str(item["value"]) for item in items if item.get("type") == "ext_group"]), "")
        target = value.get("value")
        target = None if target in (None, "") or what is None else \
            int(target) if what not in ("number", "prompt", "raw", "range") and str(target).isdigit() else str(target)
        prefix = "" if what not in ("number", "prompt") else str(value.get("prefix") or ("1" if what == "prompt" else ""))
        return (kind, target, prefix)

    def to_api(self, field, value, current):
        return value

    def shown(self, field, canonical, names):
        kind, target, prefix = canonical
        what = self.kinds.get(kind)
        shown = {"type": kind}
        if what == "number":
            shown.update(number=target, **({"prefix": prefix} if prefix else {}))
        elif what == "prompt":
            shown.update(prompt=target, **({"repeat": int(prefix)} if prefix not in ("", "1") else {}))
        elif what in ("raw", "range"):
            shown[TARGET_KEYS[what][0]] = target
        elif what == "members":
            extensions = [ident for member_type, ident in target if member_type == "extension"]
            groups = [ident for member_type, ident in target if member_type == "ext_group"]
            if extensions:
                shown["extensions"] = sorted(names("extension", extensions))
            if groups:
                shown["extension_groups"] = groups
        elif what is not None and target is not None:
            shown[self.target_key(what)] = names(what, [target])[0]
        return shown

    def referenced_ids(self, field, api_value):
        if not api_value:
            return []
        kind, target, _prefix = self.from_api(field, api_value)
        what = self.kinds.get(kind)
        if what == "members":
            return [("extension", ident) for member_type, ident in target if member_type == "extension"]
        return [(what, target)] if what not in TARGET_KEYS and target is not None else []


# The keys a destination option's value takes, per kind of value (a reference kind takes `number`, or `name`).
TARGET_KEYS = {"number": ("number",), "prompt": ("prompt",), "raw": ("value",), "range": ("range",),
               "members": ("extensions", "extension_groups"), None: ()}
# Keys a destination option may have beside those of its value.
EXTRA_KEYS = {"number": ("prefix",), "prompt": ("repeat",)}


def _members(extensions, groups):
    """A destination's extensions (ids; placeholders in check mode) and extension groups (API IDs) as one set."""
    return tuple(sorted([("extension", ident) for ident in extensions] + [("ext_group", ident) for ident in groups],
                        key=lambda member: (member[0] != "extension", str(member[1]))))


def destination_problem(kinds, named=()):
    """A check for a destination option: the keys its type needs, and no others."""

    def problem(value):
        kind = value.get("type")
        what = kinds.get(kind)
        keys = TARGET_KEYS.get(what, ("name",) if what in named else ("number",))
        given = [key for key in keys if value.get(key) not in (None, "", [])]
        if what == "members" and not given:
            return "of type %s needs extensions or extension_groups" % kind
        missing = [key for key in keys if key not in given and what != "members"]
        if missing:
            return "of type %s needs %s" % (kind, " and ".join(missing))
        allowed = set(keys) | {"type"} | set(EXTRA_KEYS.get(what, ()))
        extra = sorted(key for key, item in value.items() if item is not None and key not in allowed)
        if extra:
            return "of type %s does not take %s" % (kind, ", ".join(extra))
        return None
    return problem


def codec_for(field):
    """The codec a field's declaration implies; a field may also name one."""
    if field.reference:
        return Reference(many=field.type == "list")
    if field.type == "bool":
        return Flag()
    if field.type == "list" and field.options:
        return KeyedList() if field.key else RecordList()
    if field.type == "list":
        return ScalarList()
    return Scalar()


def _ordered(field, items):
    return tuple(sorted(items)) if field.unordered else tuple(items)


def _refuse_non_string(value, where, secret):
    if isinstance(value, str):
        return
    shown = "" if secret else " %s" % (value,)
    if isinstance(value, bool):
        raise InputError(
            "%s must be a string, got the boolean%s: quote it. Unquoted, YAML reads yes, no, on, off, true and false "
            "as booleans." % (where, shown))
    if isinstance(value, (int, float)):
        raise InputError(
            "%s must be a string, got the number%s: quote it, as in %s: \"0100\". Unquoted, YAML reads digits as a "
            "number and loses what made them text (0100 becomes 64, read as octal, and 0000 becomes 0), so the module "
            "refuses numbers rather than store another value. For a computed value, add | string."
            % (where, shown, where.rsplit(".", 1)[-1]))
    kind = "a list" if isinstance(value, (list, tuple)) else "a dictionary" if isinstance(value, dict) else \
        "a %s" % type(value).__name__
    raise InputError("%s must be a single string, got %s" % (where, kind))


def _order_of(current, key):
    order = dict((item.get(key), index) for index, item in enumerate(current or []))
    return lambda k: (order.get(k, len(order)), str(k))


def _coerce(value, kind):
    if kind == "int":
        if value == "":
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    if kind == "str" and value is not None and not isinstance(value, str):
        return str(value)
    return value


class ResourceSpec:
    """The fields of one resource plus the words used to talk about it."""

    def __init__(self, name, label, fields):
        self.name = name
        self.label = label
        self.fields = fields
        self.by_name = dict((f.name, f) for f in fields)
        self.by_api = dict((f.api, f) for f in fields)

    def identity(self, params):
        return dict((f.name, params.get(f.name)) for f in self.fields if f.identity)

    def describe(self, identity):
        return "%s %s" % (self.label, " ".join(str(v) for v in identity.values() if v is not None))

    def wanted_options(self, params):
        """The options the user set (identity excluded), validated."""
        wanted = {}
        for field in self.fields:
            value = params.get(field.name)
            if value is None:
                continue
            field.validate(value)
            if not field.identity:
                wanted[field.name] = _drop_unset(value)
        return wanted

    def option_name(self, api_name):
        field = self.by_api.get(api_name)
        return field.name if field else api_name


def _drop_unset(value):
    if isinstance(value, list):
        return [_drop_unset(v) for v in value]
    if isinstance(value, dict):
        return dict((k, _drop_unset(v)) for k, v in value.items() if v is not None)
    return value


def build_argument_spec(fields):
    spec = {}
    for field in fields:
        entry = {"type": field.type}
        if field.choices:
            entry["choices"] = list(field.choices)
        if field.elements:
            entry["elements"] = field.elements
        if field.options:
            entry["options"] = build_argument_spec(field.options)
        if field.mutually_exclusive:
            entry["mutually_exclusive"] = field.mutually_exclusive
        if field.secret:
            entry["no_log"] = True
        elif field.type != "bool" and looks_secret(field.name):
            entry["no_log"] = False
        if field.default is not None:
            entry["default"] = field.default
        if field.required:
            entry["required"] = True
        spec[field.name] = entry
    return spec
