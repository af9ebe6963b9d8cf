"""The built collection artifact holds only the collection, installs, and works."""

import subprocess
import tarfile

from helpers import play, task
from pbxlab import BIN, ROOT


def test_artifact_installs_and_runs(workspace, tmp_path):
    subprocess.run([str(BIN / "ansible-galaxy"), "collection", "build", "--force", "--output-path", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    artifact = next(tmp_path.glob("telephony-pbx-*.tar.gz"))
    with tarfile.open(artifact) as archive:
        names = archive.getnames()
    assert "plugins/httpapi/yeastar.py" in names
    assert "plugins/modules/yeastar_extension.py" in names
    leaked = [n for n in names if n.split("/")[0] in ("emulator", "tests", "tools", "build", ".ci", "Makefile", ".venv")]
    assert leaked == []

    installed = tmp_path / "collections"
    subprocess.run([str(BIN / "ansible-galaxy"), "collection", "install", "--force", "--no-deps", "-p", str(installed), str(artifact)],
                   check=True, capture_output=True)
    assert (installed / "ansible_collections" / "telephony" / "pbx" / "MANIFEST.json").exists()
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["system"])), json_output=True,
                             env={"ANSIBLE_COLLECTIONS_PATH": str(installed)})
    assert run.rc == 0, run.output
    assert run.results("info")["system"]["model_name"]
