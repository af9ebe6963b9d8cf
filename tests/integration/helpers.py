"""Building blocks for test playbooks: plays and tasks as data, written out as JSON (valid YAML)."""

import ast
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]

USER_PASSWORD = "User-Passw0rd-1"
REG_PASSWORD = "Reg-Passw0rd-1"


def play(*tasks, **options):
    """A playbook of one play on the emulator host; tasks are dicts."""
    body = {"name": "test", "hosts": "pbx", "gather_facts": False, "tasks": list(tasks)}
    body.update(options)
    return [body]


def task(title, module, **args):
    """A task; `_`-prefixed keyword arguments become task keywords (e.g. _loop, _register)."""
    keywords = dict((key[1:], value) for key, value in args.items() if key.startswith("_"))
    module_args = dict((key, value) for key, value in args.items() if not key.startswith("_"))
    return dict({"name": title, module: module_args}, **keywords)


def extension(name="extension", **args):
    defaults = {"number": "1001", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
                "departments": ["Yeastar"]}
    defaults.update(args)
    return task(name, "telephony.pbx.yeastar_extension", **defaults)


def stored_extensions(emulator):
    return dict((e["number"], e) for e in emulator.state()["extensions"])


def module_block(module, block="EXAMPLES"):
    """A documentation block (EXAMPLES, RETURN) of a module of the collection, read from its file without importing
    it, as YAML data."""
    tree = ast.parse((ROOT / "plugins" / "modules" / (module + ".py")).read_text())
    text = next(node.value.value for node in tree.body
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == block)
    return yaml.safe_load(text)
