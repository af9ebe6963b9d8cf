"""The EXAMPLES of yeastar_trunk, yeastar_outbound_route and yeastar_inbound_route run as written against the
emulator (the vaulted secrets given as extra vars), and the creating tasks, run twice, change nothing the
second time."""

import ast
import pathlib

import yaml

from helpers import play

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULES = ["yeastar_trunk", "yeastar_outbound_route", "yeastar_inbound_route"]
SECRETS = {"vault_carrier_password": "Carrier-Passw0rd", "vault_international_pin": "4711",
           "vault_user_password": "User-Passw0rd-1", "vault_sip_password": "Reg-Passw0rd-1"}


def examples(name):
    tree = ast.parse((ROOT / "plugins" / "modules" / (name + ".py")).read_text())
    text = next(node.value.value for node in tree.body
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "EXAMPLES")
    return yaml.safe_load(text)


def test_examples_run_and_converge(workspace, pbx):
    tasks = [task for name in MODULES for task in examples(name)]
    extra = ["-e", " ".join("%s=%s" % item for item in SECRETS.items())]
    first = workspace.playbook(play(*tasks), *extra)
    assert first.rc == 0, first.output
    assert [t["name"] for t in pbx.state()["trunks"]] == ["Carrier"]
    assert pbx.state()["outbound_routes"] and pbx.state()["inbound_routes"] == []
    creations = [task for task in tasks if all(args.get("state") != "absent" for key, args in task.items()
                                               if isinstance(args, dict))]
    assert workspace.playbook(play(*creations), *extra).rc == 0, "creates again what the examples deleted"
    pbx.reset_counters()
    again = workspace.playbook(play(*creations), *extra)
    assert again.rc == 0, again.output
    assert "changed=0" in again.output, again.output
    assert pbx.counters()["writes"] == 0
