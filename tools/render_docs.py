"""Render each module's DOCUMENTATION `options:` block from its fields, and the table of reset values in
docs/pbx-as-code.md, so docs and argument spec come from one source. `--check` exits 1 when either is out
of date."""

import argparse
import importlib
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = "\noptions:\n"


def install_collection_loader():
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    tree = ROOT / "build" / "collections"
    link = tree / "ansible_collections" / "telephony" / "pbx"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(ROOT)
    _AnsibleCollectionFinder(paths=[str(tree)])._install()


def scalar(value):
    """One YAML value on one line: lists in flow style, strings quoted only where YAML needs it."""
    text = yaml.safe_dump(value, width=10000, allow_unicode=True, default_flow_style=True).strip()
    return text.removesuffix("...").strip()


def sequence(items, pad, width=120):
    """A block sequence of long strings, folded to fit `width`."""
    text = yaml.safe_dump(list(items), width=max(40, width - len(pad)), allow_unicode=True)
    return [pad + line for line in text.rstrip("\n").split("\n")]


OPTION_MARKUP = re.compile(r"O\(([a-z0-9_]+)([^)#]*)\)")


def option_markup(doc, top):
    """O(name) names an option of the module; a spec's sub-option (a section's item of yeastar_config) that
    names a sibling is written C(name) instead, which validate-modules accepts."""
    return [OPTION_MARKUP.sub(lambda m: m.group(0) if m.group(1) in top else "C(%s%s)" % (m.group(1), m.group(2)), line)
            for line in doc]


def render_fields(fields, indent, module_version=None, top=None):
    """Options in DOCUMENTATION form; version_added only for options newer than the module."""
    pad = " " * indent
    top = set(field.name for field in fields) if top is None else top
    lines = []
    for field in fields:
        lines.append("%s%s:" % (pad, field.name))
        lines.append("%s  description:" % pad)
        lines.extend(sequence(option_markup(field.doc, top), pad + "    "))
        if module_version and indent == 2 and field.version_added != module_version:
            lines.append("%s  version_added: %s" % (pad, scalar(field.version_added)))
        lines.append("%s  type: %s" % (pad, field.type))
        if field.elements:
            lines.append("%s  elements: %s" % (pad, field.elements))
        if field.required:
            lines.append("%s  required: true" % pad)
        if isinstance(field.default, (list, tuple)):
            # One item a line: a long list on one line breaks pep8's line length.
            lines.append("%s  default:" % pad)
            lines.extend("%s    - %s" % (pad, scalar(item)) for item in field.default)
        elif field.default is not None:
            lines.append("%s  default: %s" % (pad, scalar(field.default)))
        if field.choices:
            lines.append("%s  choices:" % pad)
            lines.extend("%s    - %s" % (pad, scalar(choice)) for choice in field.choices)
        if field.options:
            lines.append("%s  suboptions:" % pad)
            lines.extend(render_fields(field.options, indent + 4, module_version, top))
    return lines


def rendered(source, fields):
    head, _marker, rest = source.partition(MARKER)
    end = rest.index('"""')
    module_version = re.search(r"^version_added: *(\S+)", head, re.MULTILINE)
    options = render_fields(fields, 2, module_version.group(1) if module_version else None)
    return head + MARKER + "\n".join(options) + "\n" + rest[end:]


# RETURN entries every module shares, written once here and rendered into each module's RETURN.
SHARED_RETURN = {
    "api_requests": """api_requests:
  description: The API requests of this task.
  returned: always
  type: dict
  contains:
    sent:
      description: Requests sent, as C(METHOD endpoint); look-ups the connection answered from its cache are not sent.
      type: list
      elements: str
      returned: always
      sample: [GET extension/search, GET extension/get, POST extension/update]
    planned:
      description: Writes that check mode (or a state that needs no connection) did not send.
      type: list
      elements: str
      returned: always
      sample: []
""",
    "error": """error:
  description:
    - The PBX's error when it refused a request, in the same shape for every vendor.
  returned: failure
  type: dict
  contains:
    endpoint:
      description: The API endpoint that refused.
      type: str
    errcode:
      description: The PBX's error code, a number for Yeastar, a word such as C(VALIDATE_FAILED) for PortSIP,
        TelecomX's message token (C(access_denied), C(in_use), or the name of the refused field).
      type: raw
    errmsg:
      description: The PBX's error message.
      type: str
    detail:
      description: The PBX's further detail, if any.
      type: str
    invalid:
      description: Fields the PBX found invalid, named by their options, with the reason and the value.
      type: list
      elements: dict
    duplicates:
      description: Fields whose value another object already holds, and which object (C(holder)).
      type: list
      elements: dict
    http_status:
      description: The HTTP status of the error answer (Yeastar's only when it was not in the API's error format).
      type: int
    answer:
      description: The PBX's error answer as it came.
      type: dict
  sample:
    endpoint: extension/create
    errcode: 40003
    errmsg: DUPLICATE KEY VALUE
    detail: null
    invalid: []
    duplicates:
      - field: email_addr
        value: frontdesk@example.com
        holder: extension 1011
    http_status: null
    answer: {errcode: 40003, errmsg: DUPLICATE KEY VALUE}
""",
}
RETURN_BLOCK = re.compile(r'(RETURN = r"""\n)(.*?)(""")', re.S)


def with_shared_returns(source):
    """The module's RETURN with its shared entries (api_requests, error) as SHARED_RETURN writes them."""
    match = RETURN_BLOCK.search(source)
    if not match:
        return source
    chunks = re.split(r"(?m)^(?=[a-z_]+:)", match.group(2))
    rendered = "".join(SHARED_RETURN.get(chunk.split(":", 1)[0], chunk) for chunk in chunks)
    return source[:match.start(2)] + rendered + source[match.end(2):]


RESETS_DOC = ROOT / "docs" / "pbx-as-code.md"
RESETS_BEGIN = "<!-- reset values: rendered by tools/render_docs.py -->\n"
RESETS_END = "<!-- end of reset values -->\n"


def reset_word(field):
    """What `replaced` sends for a field not declared, in words."""
    if field.identity:
        return "identifies the object"
    if field.secret:
        return "not reset: a secret, sent only under `update_password`"
    if field.create_only:
        return "set when the object is created, never changed"
    if field.reset is None:
        return "not reset: kept as the PBX holds it"
    if callable(field.reset):
        return "as a new object gets it: %s" % field.reset.__doc__.strip().rstrip(".").lower() \
            if field.reset.__doc__ else "as a new object gets it"
    if field.reset in ("", []):
        return "empty"
    return "`%s`" % scalar(field.reset)


def rendered_resets(sections):
    lines = []
    for name, adapter in sections:
        lines += ["", "Section `%s`:" % name, "", "| option | under `replaced` and `overridden`, when not declared |",
                  "|---|---|"]
        for field in adapter.spec.fields:
            lines.append("| `%s` | %s |" % (field.name, reset_word(field)))
            for sub in field.options or []:
                if field.keyed and sub.name != field.key:
                    lines.append("| `%s[].%s` | %s |" % (field.name, sub.name, reset_word(sub)))
    return "\n".join(lines[1:]) + "\n"


def with_resets(source, sections):
    head, _begin, rest = source.partition(RESETS_BEGIN)
    _old, _end, tail = rest.partition(RESETS_END)
    return head + RESETS_BEGIN + rendered_resets(sections) + RESETS_END + tail


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    install_collection_loader()
    stale = []
    sections = importlib.import_module("ansible_collections.telephony.pbx.plugins.module_utils.yeastar_sections").SECTIONS
    source = RESETS_DOC.read_text()
    if RESETS_BEGIN not in source:
        sys.exit("%s has no reset values block" % RESETS_DOC)
    if with_resets(source, sections) != source:
        stale.append(RESETS_DOC.name)
        if not args.check:
            RESETS_DOC.write_text(with_resets(source, sections))
    for path in sorted((ROOT / "plugins" / "modules").glob("*.py")):
        module = importlib.import_module("ansible_collections.telephony.pbx.plugins.modules." + path.stem)
        fields = getattr(module, "FIELDS", None)
        if fields is None:
            continue
        source = path.read_text()
        if MARKER not in source:
            sys.exit("%s: DOCUMENTATION has no options block" % path)
        wanted = with_shared_returns(rendered(source, fields))
        if wanted != source:
            stale.append(path.name)
            if not args.check:
                path.write_text(wanted)
    if stale and args.check:
        sys.exit("Rendered documentation out of date in %s; run `make docs`" % ", ".join(stale))
    print("rendered" if stale else "up to date", ", ".join(stale))


if __name__ == "__main__":
    main()
