"""The collection version lives in two places that must agree."""

import pathlib

import yaml

from ansible_collections.telephony.pbx.plugins.module_utils.version import COLLECTION_VERSION
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import USER_AGENT

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_collection_version_matches_galaxy_yml():
    galaxy = yaml.safe_load((ROOT / "galaxy.yml").read_text())
    assert COLLECTION_VERSION == galaxy["version"]


def test_user_agent_names_the_collection_version():
    assert USER_AGENT.startswith("telephony.pbx/%s (ansible-core " % COLLECTION_VERSION)
