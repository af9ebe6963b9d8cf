"""Render each module's DOCUMENTATION `options:` block from its fields, so docs and argument
spec come from one source. `--check` exits 1 when a module's block is out of date."""

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


def render_fields(fields, indent, module_version=None):
    """Options in DOCUMENTATION form; version_added only for options newer than the module."""
    pad = " " * indent
    lines = []
    for field in fields:
        lines.append("%s%s:" % (pad, field.name))
        lines.append("%s  description:" % pad)
        lines.extend(sequence(field.doc, pad + "    "))
        if module_version and indent == 2 and field.version_added != module_version:
            lines.append("%s  version_added: %s" % (pad, scalar(field.version_added)))
        lines.append("%s  type: %s" % (pad, field.type))
        if field.elements:
            lines.append("%s  elements: %s" % (pad, field.elements))
        if field.required:
            lines.append("%s  required: true" % pad)
        if field.default is not None:
            lines.append("%s  default: %s" % (pad, scalar(field.default)))
        if field.choices:
            lines.append("%s  choices:" % pad)
            lines.extend("%s    - %s" % (pad, scalar(choice)) for choice in field.choices)
        if field.options:
            lines.append("%s  suboptions:" % pad)
            lines.extend(render_fields(field.options, indent + 4, module_version))
    return lines


def rendered(source, fields):
    head, _marker, rest = source.partition(MARKER)
    end = rest.index('"""')
    module_version = re.search(r"^version_added: *(\S+)", head, re.MULTILINE)
    options = render_fields(fields, 2, module_version.group(1) if module_version else None)
    return head + MARKER + "\n".join(options) + "\n" + rest[end:]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    install_collection_loader()
    stale = []
    for path in sorted((ROOT / "plugins" / "modules").glob("*.py")):
        module = importlib.import_module("ansible_collections.telephony.pbx.plugins.modules." + path.stem)
        fields = getattr(module, "FIELDS", None)
        if fields is None:
            continue
        source = path.read_text()
        if MARKER not in source:
            sys.exit("%s: DOCUMENTATION has no options block" % path)
        wanted = rendered(source, fields)
        if wanted != source:
            stale.append(path.name)
            if not args.check:
                path.write_text(wanted)
    if stale and args.check:
        sys.exit("DOCUMENTATION options out of date in %s; run `make docs`" % ", ".join(stale))
    print("rendered" if stale else "up to date", ", ".join(stale))


if __name__ == "__main__":
    main()
