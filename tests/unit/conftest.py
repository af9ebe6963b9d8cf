"""Make the collection importable as ansible_collections.telephony.pbx for the unit tests."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD_COLLECTIONS = ROOT / "build" / "collections"
LINK = BUILD_COLLECTIONS / "ansible_collections" / "telephony" / "pbx"


def _install_collection_loader():
    if not LINK.exists():
        LINK.parent.mkdir(parents=True, exist_ok=True)
        LINK.symlink_to(ROOT)
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    _AnsibleCollectionFinder(paths=[str(BUILD_COLLECTIONS)])._install()


_install_collection_loader()
