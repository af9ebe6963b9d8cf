"""Module documentation agrees with the fields it is rendered from and with the argument spec."""

import importlib
import importlib.util
import pathlib

import pytest
import yaml

from ansible_collections.telephony.pbx.plugins.module_utils.engine import ResourceAdapter, ensure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, build_argument_spec
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import DEPARTMENT, EXTENSION

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULE_NAMES = sorted(path.stem for path in (ROOT / "plugins" / "modules").glob("*.py") if path.stem != "__init__")


def load_render_docs():
    spec = importlib.util.spec_from_file_location("render_docs", ROOT / "tools" / "render_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_docs = load_render_docs()


def plugin(name):
    return importlib.import_module("ansible_collections.telephony.pbx.plugins.modules." + name)


def mismatches(spec, docs, where=""):
    """Differences between an argument spec and documented options, one line each."""
    found = []
    if sorted(spec) != sorted(docs):
        found.append("%soptions: spec %s, docs %s" % (where, sorted(spec), sorted(docs)))
    for name in sorted(set(spec) & set(docs)):
        entry, doc = spec[name], docs[name] or {}
        label = where + name
        wanted = {"type": entry["type"], "choices": entry.get("choices"), "default": entry.get("default"),
                  "required": entry.get("required", False), "elements": entry.get("elements")}
        documented = {"type": doc.get("type", "str"), "choices": doc.get("choices"), "default": doc.get("default"),
                      "required": doc.get("required", False), "elements": doc.get("elements")}
        found.extend("%s.%s: spec %r, docs %r" % (label, key, wanted[key], documented[key])
                     for key in wanted if wanted[key] != documented[key])
        if not doc.get("description"):
            found.append("%s: no description" % label)
        found.extend(mismatches(entry.get("options") or {}, doc.get("suboptions") or {}, label + "."))
    return found


def test_every_module_is_covered():
    assert MODULE_NAMES == [
        "portsip_ring_group",
        "ring_group",
        "ring_groups",
        "telecomx_group",
        "yeastar_call",
        "yeastar_call_report",
        "yeastar_cdr_info",
        "yeastar_company_contact",
        "yeastar_config",
        "yeastar_department",
        "yeastar_extension",
        "yeastar_hotel_guest",
        "yeastar_inbound_route",
        "yeastar_info",
        "yeastar_ivr",
        "yeastar_outbound_route",
        "yeastar_phonebook",
        "yeastar_pin_list",
        "yeastar_queue",
        "yeastar_queue_agent",
        "yeastar_queue_pause_reasons",
        "yeastar_recording",
        "yeastar_ring_group",
        "yeastar_trunk",
        "yeastar_wakeup_call",
    ]


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_documentation_options_are_up_to_date(name):
    source = (ROOT / "plugins" / "modules" / (name + ".py")).read_text()
    assert render_docs.rendered(source, plugin(name).FIELDS) == source


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_argument_spec_matches_the_documented_options(name):
    module = plugin(name)
    options = yaml.safe_load(module.DOCUMENTATION)["options"]
    assert mismatches(build_argument_spec(module.FIELDS), options) == []


@pytest.mark.parametrize("name", MODULE_NAMES)
@pytest.mark.parametrize("block", ["EXAMPLES", "RETURN"])
def test_examples_and_return_are_yaml(name, block):
    assert yaml.safe_load(getattr(plugin(name), block))


def test_a_rendered_list_default_is_valid_yaml():
    field = Field("gather", "list", elements="str", choices=["a", "b"], default=["a", "b"], doc="What to read.")
    options = yaml.safe_load("\n".join(render_docs.render_fields([field], 0)))
    assert options["gather"]["default"] == ["a", "b"]


def test_rendered_options_parse_back_to_the_fields():
    fields = [Field("name", required=True, doc="The name: with a colon."),
              Field("count", "int", choices=[1, 2], default=1, doc=["First.", "Second."]),
              Field("flag", "bool", default=False, doc="A flag."),
              Field("rules", "list", elements="dict", options=[Field("status", required=True, doc="Key.")], doc="R.")]
    options = yaml.safe_load("\n".join(render_docs.render_fields(fields, 0)))
    assert options == {
        "name": {"description": ["The name: with a colon."], "type": "str", "required": True},
        "count": {"description": ["First.", "Second."], "type": "int", "default": 1, "choices": [1, 2]},
        "flag": {"description": ["A flag."], "type": "bool", "default": False},
        "rules": {"description": ["R."], "type": "list", "elements": "dict", "suboptions": {
            "status": {"description": ["Key."], "type": "str", "required": True}}},
    }


def test_rendered_replaces_only_the_options_block():
    source = 'DOCUMENTATION = r"""\nmodule: x\noptions:\n  old: {}\n"""\n\nEXAMPLES = r"""\n- x: 1\n"""\n'
    out = render_docs.rendered(source, [Field("new", doc="New.")])
    assert out == ('DOCUMENTATION = r"""\nmodule: x\noptions:\n  new:\n    description:\n      - New.\n'
                   '    type: str\n"""\n\nEXAMPLES = r"""\n- x: 1\n"""\n')


# ------------------------------------------------- results match RETURN docs
class CreatingAdapter(ResourceAdapter):
    """Finds nothing and creates with id 5, so ensure() returns every key a change returns."""

    def __init__(self, spec):
        super().__init__(self)
        self.spec = spec

    def report(self):
        return {"sent": [], "planned": []}

    def find(self, identity):
        return None

    def resolve(self, kind, names, option):
        return [1] * len(names)

    def names(self, kind, ids):
        return ["x"] * len(ids)

    def create_payload(self, identity, fields):
        return dict(fields, **identity)

    def create(self, payload):
        return dict(payload, id=5)


@pytest.mark.parametrize("name, spec, params", [
    ("yeastar_department", DEPARTMENT, {"name": "Sales"}),
    ("yeastar_extension", EXTENSION, {"number": "1001", "user_password": "Abcdefgh12", "reg_password": "Abcdefgh12"}),
])
def test_result_keys_are_documented_in_return(name, spec, params):
    result = ensure(CreatingAdapter(spec), dict(params, state="present"))
    documented = set(yaml.safe_load(plugin(name).RETURN))
    assert set(result) - {"changed", "diff"} <= documented
    assert spec.name in documented


def test_options_newer_than_the_module_carry_version_added():
    source = 'DOCUMENTATION = r"""\nmodule: x\nversion_added: 0.1.0\noptions:\n"""\n'
    out = yaml.safe_load(render_docs.rendered(source, [Field("old", doc="Old."), Field("new", doc="New.", version_added="0.2.0")])
                         .split('r"""', 1)[1].split('"""')[0])
    assert "version_added" not in out["options"]["old"]
    assert out["options"]["new"]["version_added"] == "0.2.0"


def test_a_nested_option_names_its_siblings_in_code_markup_and_top_options_in_option_markup():
    nested = Field("item", "dict", doc="An item.", options=[
        Field("ring_timeout", "int", doc="Seconds."),
        Field("members", "list", elements="str", doc="Ring O(ring_timeout) each; O(state=absent) removes."),
    ])
    lines = render_docs.render_fields([nested, Field("state", doc="State.")], 2)
    assert "Ring C(ring_timeout) each; O(state=absent) removes." in "\n".join(lines)


def test_options_named_like_secrets_that_are_not_secret_say_so_whatever_their_type():
    spec = build_argument_spec([Field("key_destination", "dict", doc="Where.", options=[Field("type", doc="T.")])])
    assert spec["key_destination"]["no_log"] is False


def test_references_to_other_modules_keep_their_option_markup():
    nested = Field("config", "dict", doc="C.", options=[
        Field("slot", doc="Reset under O(telephony.pbx.yeastar_config#module:state=replaced).")])
    assert "O(telephony.pbx.yeastar_config#module:state=replaced)" in "\n".join(render_docs.render_fields([nested], 2))


def test_shared_return_entries_are_rendered_from_one_source():
    source = 'RETURN = r"""\nthing:\n  description: Mine.\napi_requests:\n  description: STALE-1\nerror:\n  description: STALE-2\n"""\n'
    rendered = render_docs.with_shared_returns(source)
    assert "thing:\n  description: Mine.\n" in rendered
    assert render_docs.SHARED_RETURN["api_requests"] in rendered and render_docs.SHARED_RETURN["error"] in rendered
    assert "STALE" not in rendered


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_return_documents_what_every_run_can_report(name):
    """run_module (module_utils/module.py) puts api_requests into every result and failure, and error into every
    failure the PBX answered; each documented key shows a sample (or what it contains)."""
    documented = yaml.safe_load(plugin(name).RETURN)
    assert {"api_requests", "error"} <= set(documented)
    assert [key for key, entry in documented.items() if "sample" not in entry and "contains" not in entry] == []
