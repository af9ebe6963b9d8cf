"""The neutral ring group vocabulary: translation to and from each vendor's module options, and the refusals."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.ring_groups import VENDORS, to_neutral, to_vendor
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError

YEASTAR, PORTSIP, TELECOMX = (VENDORS["telephony.pbx.%s" % name] for name in ("yeastar", "portsip", "telecomx"))
SALES = {"number": "600", "name": "Sales", "strategy": "sequential", "ring_time": 25, "members": ["101", "102"]}


@pytest.mark.parametrize("vendor, expected", [
    (YEASTAR, {"number": "600", "name": "Sales", "ring_strategy": "sequentially", "ring_timeout": 25,
               "members": ["101", "102"]}),
    (PORTSIP, {"extension_number": "600", "name": "Sales", "ring_strategy": "PRIORITIZED_HUNT", "ring_time": 25,
               "members": [{"extension": "101"}, {"extension": "102"}]}),
    (TELECOMX, {"number": "600", "name": "Sales", "strategy": "sequential", "ring_time": 25,
                "members": ["101", "102"]}),
])
def test_each_vendor_spells_the_neutral_options_and_back(vendor, expected):
    assert to_vendor(vendor, SALES) == expected
    assert to_neutral(vendor, expected) == SALES


def test_a_strategy_the_vendor_lacks_names_the_vendor_and_its_strategies():
    with pytest.raises(InputError, match=r"strategy 'random' is not available on Yeastar \(telephony.pbx.yeastar\); "
                                         r"it allows memory_hunt, ring_all, sequential"):
        to_vendor(YEASTAR, dict(SALES, strategy="random"))


def test_vendor_options_pass_through_but_not_for_neutral_or_unknown_options():
    passed = to_vendor(PORTSIP, dict(SALES, vendor_options={"enable_paid": False}))
    assert passed["enable_paid"] is False
    with pytest.raises(InputError, match="vendor_options.ring_timeout is the neutral option ring_time on Yeastar"):
        to_vendor(YEASTAR, dict(SALES, vendor_options={"ring_timeout": 30}))
    with pytest.raises(InputError, match="vendor_options.colour is not an option of telephony.pbx.telecomx_group"):
        to_vendor(TELECOMX, dict(SALES, vendor_options={"colour": "red"}))


def test_the_vendor_identity_is_required():
    with pytest.raises(InputError, match=r"TelecomX \(telephony.pbx.telecomx\) identifies ring groups by name"):
        to_vendor(TELECOMX, {"number": "600"})
    assert to_vendor(TELECOMX, {"name": "Lobby"}) == {"name": "Lobby"}


def test_a_vendor_strategy_without_a_neutral_name_stays_a_vendor_option():
    assert to_neutral(PORTSIP, {"extension_number": "600", "ring_strategy": "SKILL_BASED_ROUTING_CYCLIC_HUNT"}) == \
        {"number": "600", "vendor_options": {"ring_strategy": "SKILL_BASED_ROUTING_CYCLIC_HUNT"}}
