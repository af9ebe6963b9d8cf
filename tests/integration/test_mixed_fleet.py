"""The vendor-neutral ring groups on a mixed fleet (Yeastar, PortSIP, TelecomX), one emulator per vendor: playbooks/fleet_ring_groups.yml with
playbooks/inventory/fleet.yml converges every PBX and re-runs with changed=0, and
playbooks/migrate_ring_groups.yml carries ring groups between vendors, listing what it cannot carry."""

import json

import pytest
import yaml
from helpers import play, task
from pbxlab import ROOT, Emulator, Workspace

PLAYBOOKS = ROOT / "playbooks"
FLEET = yaml.safe_load((PLAYBOOKS / "inventory" / "fleet.yml").read_text())
HOSTS = FLEET["all"]["children"]["fleet"]["hosts"]
NUMBERS = ("101", "102", "103")


def vendor_of(host):
    return HOSTS[host]["ansible_network_os"].rsplit(".", 1)[1]


def seed_extensions(emulator, vendor):
    if vendor == "telecomx":
        emulator.seed(extensions=[{"number": number, "name": "Agent %s" % number} for number in NUMBERS])
    elif vendor == "portsip":
        emulator.seed(users=[{"extension_number": number, "display_name": "Agent %s" % number} for number in NUMBERS])
    else:
        emulator.seed(extensions=[{"type": "SIP", "number": number, "first_name": "Agent", "last_name": number,
                                   "user_password": "Userpwd1011", "reg_name": "reg" + number,
                                   "reg_password": "Regpwd1011", "presence_status": "available",
                                   "organization_list": [{"value": "1"}]} for number in NUMBERS])


@pytest.fixture(scope="module")
def emulators():
    started = dict((host, Emulator("--vendor", vendor_of(host))) for host in HOSTS)
    yield started
    for emulator in started.values():
        emulator.stop()


@pytest.fixture
def fleet(emulators, tmp_path):
    """The example inventory with each host's port replaced by its emulator's (free ports, for parallel tests)."""
    for host, emulator in emulators.items():
        emulator.reset()
        seed_extensions(emulator, vendor_of(host))
    inventory = json.loads(json.dumps(FLEET))
    for host, emulator in emulators.items():
        inventory["all"]["children"]["fleet"]["hosts"][host]["ansible_port"] = emulator.port
    space = Workspace(list(emulators.values())[0], directory=tmp_path)
    space.inventory.write_text(json.dumps(inventory))
    yield space
    space.cleanup()


def ring_groups(emulator, vendor):
    if vendor == "telecomx":
        state = emulator.state()
        by_id = dict((e["_id"], e["number"]) for e in state["extensions"])
        return dict((g["number"], (g["name"], [by_id[m] for m in g["members"]])) for g in state["groups"])
    groups = emulator.state()["ring_groups"]
    if vendor == "portsip":
        return dict((g["extension_number"], (g["name"], [a["extension_number"] for a in g["agents"]])) for g in groups)
    by_id = dict((e["id"], e["number"]) for e in emulator.state()["extensions"])
    return dict((g["number"], (g["name"], [by_id[int(m["value"])] for m in g["member_list"]])) for g in groups)


def counters(emulators):
    return dict((host, emulator.counters()) for host, emulator in emulators.items())


def test_fleet_converges_and_reruns_unchanged(fleet, emulators):
    first = fleet.playbook(str(PLAYBOOKS / "fleet_ring_groups.yml"), json_output=True)
    assert first.rc == 0, first.output
    first_counts = counters(emulators)
    wanted = {"600": ("Sales", ["101", "102"]), "601": ("Support", ["102", "103"])}
    for host, emulator in emulators.items():
        assert ring_groups(emulator, vendor_of(host)) == wanted, host
        assert first.stats(host)["changed"] == 1

    for emulator in emulators.values():
        emulator.reset_counters()
    second = fleet.playbook(str(PLAYBOOKS / "fleet_ring_groups.yml"), json_output=True)
    assert second.rc == 0, second.output
    second_counts = counters(emulators)
    for host in emulators:
        assert second.stats(host)["changed"] == 0, host
        assert second_counts[host]["writes"] == 0
    # The request budget per vendor (reported in docs/vendors.md): sign-in, list, and for PortSIP two reads per
    # ring group (its caller IDs and its members are not in the list).
    assert [first_counts["pbx-yeastar"]["total"], second_counts["pbx-yeastar"]["total"]] == [6, 5]
    assert [first_counts["pbx-portsip"]["total"], second_counts["pbx-portsip"]["total"]] == [7, 7]
    assert [first_counts["pbx-telecomx"]["total"], second_counts["pbx-telecomx"]["total"]] == [5, 3]
    assert (first_counts["pbx-yeastar"]["writes"], first_counts["pbx-portsip"]["writes"]) == (2, 4)


def migrate(fleet, source, target):
    return fleet.playbook(str(PLAYBOOKS / "migrate_ring_groups.yml"), "-e", "migrate_from=%s" % source,
                          "-e", "migrate_to=%s" % target, json_output=True)


def test_migration_between_vendors_lists_what_it_cannot_carry_and_reruns_unchanged(fleet, emulators):
    yeastar, portsip = emulators["pbx-yeastar"], emulators["pbx-portsip"]
    created = fleet.playbook(play(
        task("sales", "telephony.pbx.ring_group", number="600", name="Sales", strategy="memory_hunt",
             members=["101", "103"], vendor_options={"alert_info": "sales"}),
        task("support", "telephony.pbx.ring_group", number="601", name="Support", strategy="sequential",
             ring_time=20, members=["102"]), hosts="pbx-yeastar"))
    assert created.rc == 0, created.output

    there = migrate(fleet, "pbx-yeastar", "pbx-portsip")
    assert there.rc == 0, there.output
    lost = there.results("List what cannot be carried over", host="pbx-portsip")["msg"]
    assert lost == ["Sales: strategy memory_hunt (the target offers cyclic, least_worked, paging, ring_all, sequential)",
                    'Sales: telephony.pbx.yeastar options {"alert_info": "sales"}']
    assert ring_groups(portsip, "portsip") == {"600": ("Sales", ["101", "103"]), "601": ("Support", ["102"])}
    support = [g for g in portsip.state()["ring_groups"] if g["extension_number"] == "601"][0]
    assert (support["ring_strategy"], support["ring_time"]) == ("PRIORITIZED_HUNT", 20)

    portsip.reset_counters()
    again = migrate(fleet, "pbx-yeastar", "pbx-portsip")
    assert again.stats("pbx-portsip")["changed"] == 0 and portsip.counters()["writes"] == 0

    telecomx = emulators["pbx-telecomx"]
    onward = migrate(fleet, "pbx-portsip", "pbx-telecomx")
    assert onward.rc == 0, onward.output
    assert onward.results("List what cannot be carried over", host="pbx-telecomx")["msg"] == \
        "Everything can be carried over."
    assert ring_groups(telecomx, "telecomx") == {"600": ("Sales", ["101", "103"]), "601": ("Support", ["102"])}
    telecomx.reset_counters()
    onward_again = migrate(fleet, "pbx-portsip", "pbx-telecomx")
    assert onward_again.stats("pbx-telecomx")["changed"] == 0 and telecomx.counters()["writes"] == 0

    yeastar.reset()
    seed_extensions(yeastar, "yeastar")
    back = migrate(fleet, "pbx-telecomx", "pbx-yeastar")
    assert back.rc == 0, back.output
    assert back.results("List what cannot be carried over", host="pbx-yeastar")["msg"] == \
        "Everything can be carried over."
    assert ring_groups(yeastar, "yeastar") == {"600": ("Sales", ["101", "103"]), "601": ("Support", ["102"])}
    yeastar.reset_counters()
    back_again = migrate(fleet, "pbx-telecomx", "pbx-yeastar")
    assert back_again.stats("pbx-yeastar")["changed"] == 0 and yeastar.counters()["writes"] == 0
