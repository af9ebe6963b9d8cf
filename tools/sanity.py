"""Run `ansible-test sanity` on a copy of the collection in TMPDIR/telephony.pbx-sanity-*/ansible_collections/telephony/pbx.

ansible-test needs the collection at a path ending in ansible_collections/NAMESPACE/NAME and its
dependencies (ansible.netcommon, ansible.utils) beside it; a clone of the repository is neither.
The copy lives outside the repository, where git would make ansible-test skip ignored paths.
The copy holds the files git tracks or would track, without the emulator, which is no part of
the collection."""

import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from ansible_collections.ansible import netcommon, utils

ROOT = pathlib.Path(__file__).resolve().parent.parent
# One tree per checkout, so two checkouts on one machine can run sanity at the same time.
TREE = pathlib.Path(tempfile.gettempdir()) / ("telephony.pbx-sanity-%s" % hashlib.sha1(str(ROOT).encode()).hexdigest()[:8]) \
    / "ansible_collections"
COPY = TREE / "telephony" / "pbx"
LEFT_OUT = ("emulator/", "build/")

# ansible-test bootstraps pip in its virtual environments with a script it downloads from a host
# outside the package registries. This stand-in does the same from the standard library's
# ensurepip, then lets pip (from PyPI) install what ansible-test asked for.
PIP_BOOTSTRAP = """import ensurepip, subprocess, sys
ensurepip.bootstrap(upgrade=True)
bootstrap_only = ("--no-setuptools", "--no-wheel")
sys.exit(subprocess.call([sys.executable, "-m", "pip", "install", *(a for a in sys.argv[1:] if a not in bootstrap_only)]))
"""


def provide_pip_bootstrap():
    import ansible_test

    source = pathlib.Path(ansible_test.__file__).parent / "_internal" / "python_requirements.py"
    for version in set(re.findall(r"pip='([0-9.]+)'", source.read_text())):
        cache = pathlib.Path.home() / ".ansible" / "test" / "cache" / ("get_pip_%s.py" % version.replace(".", "_"))
        if not cache.exists() or cache.read_text() != PIP_BOOTSTRAP:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(PIP_BOOTSTRAP)


def collection_files():
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout.split("\n")
    return [name for name in listed if name and not name.startswith(LEFT_OUT) and (ROOT / name).is_file()]


def main():
    provide_pip_bootstrap()
    shutil.rmtree(COPY, ignore_errors=True)
    for name in collection_files():
        target = COPY / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    for dependency in (netcommon, utils):
        link = TREE / "ansible" / pathlib.Path(dependency.__path__[0]).name
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(dependency.__path__[0])
    python = "%d.%d" % sys.version_info[:2]
    command = [str(pathlib.Path(sys.executable).parent / "ansible-test"), "sanity", "--venv",
               "--python", python, "--color", "no", *sys.argv[1:]]
    sys.exit(subprocess.run(command, cwd=COPY, check=False).returncode)


if __name__ == "__main__":
    main()
