"""The README's "Using it" inventory and play run as written against the emulator (only the port differs: the
test emulator listens on a free port instead of `make emulator`'s 8088), and a re-run changes nothing."""

import pathlib
import re

import yaml

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def readme_blocks():
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", README.read_text(), re.S)]


def test_the_readme_inventory_and_play_work_as_written(workspace, pbx):
    inventory, playbook = readme_blocks()[:2]
    pbx_vars = inventory["all"]["children"]["pbx"]["vars"]
    assert pbx_vars["ansible_httpapi_port"] == 8088
    pbx_vars["ansible_httpapi_port"] = pbx.port
    path = workspace.dir / "readme-inventory.yml"
    path.write_text(yaml.safe_dump(inventory))
    first = workspace.playbook(playbook, inventory=path)
    assert first.rc == 0, first.output
    assert "changed=2" in first.output
    again = workspace.playbook(playbook, inventory=path)
    assert again.rc == 0 and "changed=0" in again.output, again.output
    assert [e["number"] for e in pbx.state()["extensions"] if e["number"] == "1000"] == ["1000"]
