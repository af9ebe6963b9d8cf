# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ring groups in one vocabulary for every vendor: the neutral options, how each vendor spells them, and the
translation both ways. The vendor's own adapter, engine and set engine (bulk.Reconciler) do the work on the
translated options, so comparison, check mode, diffs and request budgets are the vendor module's.

The vendor mapping (docs/vendors.md shows the same table):

| neutral option | Yeastar (yeastar_ring_group) | PortSIP (portsip_ring_group)        | TelecomX (telecomx_group) |
|----------------|------------------------------|-------------------------------------|---------------------------|
| identity       | number                       | number (extension_number)           | name                      |
| number         | number                       | extension_number                    | number                    |
| name           | name                         | name                                | name                      |
| ring_time      | ring_timeout                 | ring_time                           | ring_time                 |
| members        | members                      | members (extension; skill level 1)  | members                   |
| strategy       | ring_strategy                | ring_strategy                       | strategy                  |
|   ring_all     |   ring_all                   |   RING_SIMULTANEOUSLY               |   all                     |
|   sequential   |   sequentially               |   PRIORITIZED_HUNT                  |   sequential              |
|   memory_hunt  |   memory_hunt                |   -                                 |   -                       |
|   cyclic       |   -                          |   CYCLIC_HUNT                       |   -                       |
|   least_worked |   -                          |   LEAST_WORKED_HUNT                 |   -                       |
|   paging       |   -                          |   PAGING_INTERCOM                   |   -                       |
|   random       |   -                          |   -                                 |   random                  |
| vendor_options | every other option of the vendor's module, passed through as written                        |
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.connection import Connection, ConnectionError

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import Reconciler, gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.engine import ensure
from ansible_collections.telephony.pbx.plugins.module_utils.portsip import PortsipClient
from ansible_collections.telephony.pbx.plugins.module_utils.portsip_ring_groups import PortsipRingGroupAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.spec import UNKNOWN, Field, InputError
from ansible_collections.telephony.pbx.plugins.module_utils.telecomx import TelecomXClient
from ansible_collections.telephony.pbx.plugins.module_utils.telecomx_groups import TelecomXGroupAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import RingGroupAdapter

NEUTRAL_STRATEGIES = ["ring_all", "sequential", "memory_hunt", "cyclic", "least_worked", "paging", "random"]


class Vendor:
    """How one vendor spells the neutral ring group options."""

    def __init__(self, name, network_os, module, adapter, client, options, strategies, members_to, members_from):
        self.name = name
        self.network_os = network_os
        self.module = module
        self.adapter = adapter
        self.client = client
        # neutral option -> the vendor module's option
        self.options = options
        self.strategies = strategies
        self.strategy_names = dict((spelled, neutral) for neutral, spelled in strategies.items())
        self.members_to = members_to
        self.members_from = members_from
        self.identity = [field.name for field in adapter.spec.fields if field.identity]

    def label(self):
        return "%s (%s)" % (self.name, self.network_os)


def _same(numbers):
    return list(numbers)


VENDORS = dict((vendor.network_os, vendor) for vendor in [
    Vendor("Yeastar", "telephony.pbx.yeastar", "telephony.pbx.yeastar_ring_group", RingGroupAdapter, YeastarClient,
           {"number": "number", "name": "name", "ring_time": "ring_timeout", "members": "members",
            "strategy": "ring_strategy"},
           {"ring_all": "ring_all", "sequential": "sequentially", "memory_hunt": "memory_hunt"},
           _same, _same),
    Vendor("PortSIP", "telephony.pbx.portsip", "telephony.pbx.portsip_ring_group", PortsipRingGroupAdapter,
           PortsipClient,
           {"number": "extension_number", "name": "name", "ring_time": "ring_time", "members": "members",
            "strategy": "ring_strategy"},
           {"ring_all": "RING_SIMULTANEOUSLY", "sequential": "PRIORITIZED_HUNT", "cyclic": "CYCLIC_HUNT",
            "least_worked": "LEAST_WORKED_HUNT", "paging": "PAGING_INTERCOM"},
           lambda numbers: [{"extension": number} for number in numbers],
           lambda members: [member["extension"] for member in members]),
    Vendor("TelecomX", "telephony.pbx.telecomx", "telephony.pbx.telecomx_group", TelecomXGroupAdapter, TelecomXClient,
           {"number": "number", "name": "name", "ring_time": "ring_time", "members": "members",
            "strategy": "strategy"},
           {"ring_all": "all", "sequential": "sequential", "random": "random"},
           _same, _same),
])

NEUTRAL_FIELDS = [
    Field("number", doc=[
        "The ring group's number. It identifies the ring group on Yeastar and PortSIP (which cannot change it); "
        "on TelecomX, where O(name) identifies the group, it may be left out (a group nobody dials)."]),
    Field("name", doc="The ring group's name; identifies the ring group on TelecomX."),
    Field("strategy", choices=NEUTRAL_STRATEGIES, doc=[
        "How calls ring the members, in one vocabulary for every vendor: C(ring_all) rings them at once, "
        "C(sequential) one after another in O(members) order, C(memory_hunt) (Yeastar) adds the next member each "
        "O(ring_time), C(cyclic) (PortSIP) starts with the member rung least recently, C(least_worked) (PortSIP) "
        "with the member who answered least recently, C(paging) (PortSIP) pages them all, C(random) (TelecomX) "
        "rings them one at a time in random order.",
        "A strategy the vendor lacks is refused before any request, naming the vendor and the strategies it "
        "allows. The collection's docs/vendors.md has the table of each vendor's spelling."]),
    Field("ring_time", "int", doc=[
        "Seconds each member rings (or, with C(ring_all), before the call goes on); the vendor's range applies "
        "(Yeastar 5 to 300, PortSIP 0 or more, TelecomX 0 to forever)."]),
    Field("members", "list", elements="str", doc=[
        "Extension numbers of the members, in ringing order: the complete list. PortSIP members get skill level "
        "1; M(telephony.pbx.portsip_ring_group) sets other levels."]),
    Field("vendor_options", "dict", doc=[
        "Options of the vendor's own module passed through as written, for what the neutral options do not "
        "cover, such as C({fail_destination: {type: extension, number: '1000'}}) for "
        "M(telephony.pbx.yeastar_ring_group) or C({enable_paid: false}) for "
        "M(telephony.pbx.portsip_ring_group). Options the neutral ones already set are refused."]),
]


def vendor_of(network_os):
    vendor = VENDORS.get(network_os)
    if vendor is None:
        raise InputError("Ring groups of ansible_network_os %r are not managed by this module; it knows %s."
                         % (network_os, ", ".join(sorted(VENDORS))))
    return vendor


def to_vendor(vendor, item, where="ring group"):
    """A neutral item as the vendor module's options; refuses what the vendor cannot take."""
    passed = dict(item.get("vendor_options") or {})
    mapped = set(vendor.options.values())
    spec = vendor.adapter.spec
    for name in sorted(passed):
        if name in mapped:
            neutral = [key for key, value in vendor.options.items() if value == name][0]
            raise InputError("%s: vendor_options.%s is the neutral option %s on %s; set %s instead"
                             % (where, name, neutral, vendor.label(), neutral))
        if name not in spec.by_name:
            raise InputError("%s: vendor_options.%s is not an option of %s; it takes %s"
                             % (where, name, vendor.module, ", ".join(sorted(set(spec.by_name) - mapped))))
    options = passed
    for neutral, value in item.items():
        if neutral == "vendor_options" or value is None or neutral not in vendor.options:
            continue
        if neutral == "strategy":
            if value not in vendor.strategies:
                raise InputError("%s: strategy %r is not available on %s; it allows %s"
                                 % (where, value, vendor.label(), ", ".join(sorted(vendor.strategies))))
            value = vendor.strategies[value]
        elif neutral == "members":
            value = vendor.members_to(value)
        options[vendor.options[neutral]] = value
    missing = [name for name in vendor.identity if options.get(name) is None]
    if missing:
        neutral = [key for key, value in vendor.options.items() if value in missing]
        raise InputError("%s: %s identifies ring groups by %s; give it" % (where, vendor.label(), ", ".join(neutral)))
    return options


def to_neutral(vendor, options):
    """Vendor module options (a gathered item, a diff side) in the neutral vocabulary; what has no neutral
    spelling stays in vendor_options, a vendor strategy without one too."""
    neutral, rest = {}, dict(options)
    for name, spelled in vendor.options.items():
        if spelled not in rest:
            continue
        value = rest.pop(spelled)
        if name == "strategy":
            if value not in vendor.strategy_names:
                rest[spelled] = value
                continue
            value = vendor.strategy_names[value]
        elif name == "members" and value is not None:
            value = vendor.members_from(value)
        neutral[name] = value
    if rest:
        neutral["vendor_options"] = rest
    return neutral


# ------------------------------------------------------------------ the two modules' work

STATE = Field("state", choices=["present", "absent"], default="present", doc=[
    "C(present) creates the ring group or updates the options given; C(absent) deletes it."])
VENDOR = Field("vendor", choices=sorted(vendor.network_os.rsplit(".", 1)[1] for vendor in VENDORS.values()), doc=[
    "The vendor whose requests O(state=rendered) shows, since it works without a connection. Otherwise the "
    "vendor is the connection's C(ansible_network_os), and O(vendor), when given, must name the same."])
SET_STATE = Field("state", choices=["merged", "replaced", "overridden", "deleted", "gathered", "rendered"],
                  default="merged", doc=[
                      "C(merged) creates the declared ring groups that are missing and updates the options given.",
                      "C(replaced) gives the declared ring groups exactly the declared options: the vendor's other "
                      "options go back to what a new ring group gets.",
                      "C(overridden) is C(replaced), and deletes the ring groups not declared.",
                      "C(deleted) deletes the declared ring groups (their identity suffices), or every ring group "
                      "when O(config) is an empty list.",
                      "C(gathered) reads every ring group into RV(gathered), in the shape of O(config).",
                      "C(rendered) returns in RV(rendered) the requests that would create the declared ring groups "
                      "on a PBX of O(vendor), without any connection."])
SINGLE_FIELDS = NEUTRAL_FIELDS + [STATE]
SET_FIELDS = [
    Field("config", "list", elements="dict", options=NEUTRAL_FIELDS, doc=[
        "The ring groups, each with the options of M(telephony.pbx.ring_group) but O(state)."]),
    SET_STATE,
    VENDOR,
]


def neutral_client(module, offline=False):
    """The vendor's client for the connection's ansible_network_os (or, offline, for the `vendor` option)."""
    given = module.params.get("vendor")
    if offline:
        network_os = "telephony.pbx.%s" % given
    else:
        try:
            network_os = Connection(module._socket_path).get_option("network_os")
        except ConnectionError as exc:
            module.fail_json(msg="Could not ask the connection for its ansible_network_os: %s" % exc)
        if given and network_os != "telephony.pbx.%s" % given:
            module.fail_json(msg="vendor is %r but the connection's ansible_network_os is %r" % (given, network_os))
    vendor = VENDORS.get(network_os)
    if vendor is None:
        module.fail_json(msg="Ring groups of ansible_network_os %r are not managed by this module; it knows %s."
                         % (network_os, ", ".join(sorted(VENDORS))))
    client = vendor.client(module, option_name=vendor.adapter.spec.option_name, offline=offline)
    client.vendor = vendor
    return client


def ensure_one(module, client):
    """telephony.pbx.ring_group: the vendor module's flow on the translated options."""
    vendor = client.vendor
    params = dict(module.params)
    state = params.pop("state")
    result = ensure(vendor.adapter(client), dict(to_vendor(vendor, params), state=state))
    result["ring_group"] = result.pop(vendor.adapter.spec.name)
    result["diff"] = dict((side, to_neutral(vendor, shown)) for side, shown in result["diff"].items())
    result["vendor"] = vendor.network_os
    return result


def gathered_neutral(vendor, adapter, current):
    """A ring group in the neutral vocabulary with every neutral option, even at the vendor's default (another
    vendor's default may differ), and the vendor's other options that differ from a new ring group's."""
    shown = gathered_item(adapter, current)
    for spelled in vendor.options.values():
        field = adapter.spec.by_name[spelled]
        if spelled not in shown and not field.identity:
            canonical = field.canonical_from_api(field.read(current))
            if canonical is not UNKNOWN:
                shown[spelled] = field.shown(canonical, adapter.names)
    return to_neutral(vendor, shown)


def reconcile(module, client):
    """telephony.pbx.ring_groups: the set engine over the vendor's adapter, on the translated config."""
    vendor = client.vendor
    state = module.params["state"]
    config = module.params["config"]
    declared = None if config is None else [
        to_vendor(vendor, dict((k, v) for k, v in item.items() if v is not None), "config[%d]" % index)
        for index, item in enumerate(config)]
    reconciler = Reconciler(client, [("ring_groups", vendor.adapter)],
                            {} if declared is None else {"ring_groups": declared}, state, "on_create").validated()
    report = {"changed": False, "vendor": vendor.network_os, "strategies": sorted(vendor.strategies)}
    if state == "gathered":
        section = reconciler.sections[0]
        report["gathered"] = sorted((gathered_neutral(vendor, section.adapter, item)
                                     for item in section.load().values()),
                                    key=lambda item: (item.get("number") or "", item.get("name") or ""))
    elif state == "rendered":
        report["rendered"] = reconciler.rendered()
    else:
        result = reconciler.apply().result()
        report.update(
            changed=result["changed"],
            outcome=result["sections"]["ring_groups"],
            before=[to_neutral(vendor, item) for item in result["before"]["ring_groups"]],
            after=[to_neutral(vendor, item) for item in result["after"]["ring_groups"]],
            diff=[dict(entry, before=to_neutral(vendor, entry["before"]), after=to_neutral(vendor, entry["after"]))
                  for entry in result["diff"]])
    report["api_requests"] = client.report()
    return report
