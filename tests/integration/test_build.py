"""The built collection artifact holds only the collection, installs, and works."""

import posixpath
import re
import subprocess
import tarfile

from helpers import build_artifact, play, task
from pbxlab import BIN

# Files of the repository that only its developers use: they must not ship.
DEVELOPMENT_ONLY = ("emulator", "tests", "tools", "benchmarks", "build", ".ci", ".venv", "Makefile", ".gitignore",
                    ".ansible-lint", "requirements-dev.txt", "execution-environment.yml", "changelogs/fragments",
                    "docs/emulator.md", "docs/architecture.md")
# What the collection's users and ansible-builder need from the artifact besides plugins, roles and playbooks.
SHIPPED = ("README.md", "LICENSE", "CHANGELOG.rst", "meta/runtime.yml", "meta/execution-environment.yml",
           "requirements.txt",
           "extensions/awx/install_credential_types.yml", "extensions/awx/credential_types/yeastar.yml",
           "extensions/awx/credential_types/portsip.yml", "extensions/awx/credential_types/telecomx.yml")
MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def artifact_names(artifact):
    with tarfile.open(artifact) as archive:
        return set(archive.getnames())


def broken_links(artifact, names):
    """Relative links of the shipped Markdown files whose target the artifact lacks."""
    broken = []
    with tarfile.open(artifact) as archive:
        for name in sorted(n for n in names if n.endswith(".md")):
            text = archive.extractfile(name).read().decode()
            for target in MARKDOWN_LINK.findall(text):
                if "://" in target or target.startswith("mailto:"):
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target)).rstrip("/")
                if resolved not in names:
                    broken.append("%s -> %s" % (name, target))
    return broken


def test_artifact_holds_the_collection_without_development_files(tmp_path):
    artifact = build_artifact(tmp_path)
    names = artifact_names(artifact)
    assert "plugins/httpapi/yeastar.py" in names
    assert "plugins/modules/yeastar_extension.py" in names
    assert [n for n in SHIPPED if n not in names] == []
    leaked = sorted(n for n in names if any(n == path or n.startswith(path + "/") for path in DEVELOPMENT_ONLY))
    assert leaked == []
    assert broken_links(artifact, names) == []


def test_artifact_installs_and_runs(workspace, tmp_path):
    artifact = build_artifact(tmp_path)
    installed = tmp_path / "collections"
    subprocess.run([str(BIN / "ansible-galaxy"), "collection", "install", "--force", "--no-deps", "-p", str(installed), str(artifact)],
                   check=True, capture_output=True)
    assert (installed / "ansible_collections" / "telephony" / "pbx" / "MANIFEST.json").exists()
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["system"])), json_output=True,
                             env={"ANSIBLE_COLLECTIONS_PATH": str(installed)})
    assert run.rc == 0, run.output
    assert run.results("info")["system"]["model_name"]
