"""`ansible-builder create` writes the execution environment's build context offline, with the collection in it.

Building the image needs podman or docker and Galaxy (docs/execution-environment.md); `create` needs neither, so
CI checks the context it writes: the artifact, the Galaxy requirements that install it, the scripts that read the
collections' Python and system requirements while the image builds, and the Containerfile that runs them."""

import shutil
import subprocess
import tarfile

import yaml
from helpers import build_artifact
from pbxlab import BIN, ROOT


def collection_version():
    return yaml.safe_load((ROOT / "galaxy.yml").read_text())["version"]


def test_create_writes_a_context_holding_the_collection(tmp_path):
    # The definition names the artifact relative to itself (build/...), so it is copied next to a fresh artifact.
    definition = tmp_path / "execution-environment.yml"
    shutil.copy(ROOT / "execution-environment.yml", definition)
    artifact = build_artifact(tmp_path / "build")
    assert artifact.name == "telephony-pbx-%s.tar.gz" % collection_version()

    context = tmp_path / "context"
    created = subprocess.run([str(BIN / "ansible-builder"), "create", "--file", str(definition), "--context", str(context),
                              "--output-filename", "Containerfile"], capture_output=True, text=True, check=False)
    assert created.returncode == 0, created.stdout + created.stderr

    shipped = context / "_build" / "collections" / artifact.name
    assert shipped.read_bytes() == artifact.read_bytes()
    with tarfile.open(shipped) as archive:
        names = archive.getnames()
    assert "meta/execution-environment.yml" in names and "requirements.txt" in names

    requirements = yaml.safe_load((context / "_build" / "requirements.yml").read_text())
    assert {"name": "collections/%s" % artifact.name, "type": "file"} in requirements["collections"]
    assert [c["name"] for c in requirements["collections"]].count("ansible.netcommon") == 1

    scripts = sorted(p.name for p in (context / "_build" / "scripts").iterdir())
    assert {"assemble", "introspect.py", "install-from-bindep", "pip_install"} <= set(scripts)

    containerfile = (context / "Containerfile").read_text()
    # The Galaxy stage runs where _build is copied, so requirements.yml finds the artifact under collections/.
    assert "COPY _build /build" in containerfile and "WORKDIR /build" in containerfile
    assert "ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml" in containerfile
    # The collections' requirements (our requirements.txt via meta/execution-environment.yml) are read from the
    # installed collections while the image builds, then installed in the final image.
    assert "introspect.py introspect --write-bindep=/tmp/src/bindep.txt --write-pip=/tmp/src/requirements.txt" in containerfile
    assert 'ARG ANSIBLE_INSTALL_REFS="ansible-core>=2.19,<2.22 ansible-runner>=2.4"' in containerfile
    assert 'ARG EE_BASE_IMAGE="registry.access.redhat.com/ubi9/ubi:latest"' in containerfile


def test_collection_requirements_are_what_ansible_builder_reads(tmp_path):
    """The introspection the image build runs finds the collection's Python requirements, and nothing else (no test
    tools; ansible-core's own dependencies are left out by ansible-builder)."""
    collections = tmp_path / "collections"
    subprocess.run([str(BIN / "ansible-galaxy"), "collection", "install", "--force", "--no-deps", "-p", str(collections),
                    str(build_artifact(tmp_path))], check=True, capture_output=True)
    written = tmp_path / "requirements.txt"
    introspect = subprocess.run([str(BIN / "ansible-builder"), "introspect", str(collections), "--write-pip", str(written)],
                                capture_output=True, text=True, check=False)
    assert introspect.returncode == 0, introspect.stderr
    assert written.read_text().splitlines() == ["aiohttp>=3.8  # from collection telephony.pbx"]
