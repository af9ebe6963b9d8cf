"""Integration fixtures: one emulator process per test worker, reset before every test, and a
workspace that runs real ansible-playbook against it."""

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))

from pbxlab import Emulator, Workspace  # noqa: E402


@pytest.fixture(scope="session")
def emulator():
    process = Emulator()
    yield process
    process.stop()


@pytest.fixture
def pbx(emulator):
    emulator.reset()
    return emulator


@pytest.fixture
def workspace(pbx, tmp_path):
    space = Workspace(pbx, directory=tmp_path)
    yield space
    space.cleanup()
