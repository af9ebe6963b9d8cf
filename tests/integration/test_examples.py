"""Every module's EXAMPLES, read from the module file, run as written against the emulator of its vendor.

Each module gets its own PBX (a named instance of one Yeastar emulator, or the PortSIP or TelecomX emulator), seeded
with the few objects its examples refer to but do not create (CASES says which). One ansible-playbook run, one host
per module, runs every module's examples in order, each declarative task a second time right after its first run:
- every example task ran on its host (none failed or skipped) and something was ok or changed;
- each second run is changed=false and sends no write, and the writes the tasks report are all the writes the
  emulator received, so nothing wrote unreported;
- every top-level key a module returned is documented in its RETURN.
Tasks run once only: those that act rather than declare (`once`, with why), tasks of other collections, tasks that
only read (READS, and the connection-less states), since their second run proves nothing.
One run for all modules: each task costs a module process, so the run is shared and the tests read their host's part.
"""

import collections
import json
import threading

import pytest
import yaml
from helpers import ROOT, module_block, play
from pbx_emulator.api import is_write as yeastar_write
from pbxlab import Emulator, Workspace

VAULT = {
    "vault_carrier_password": "Carrier-Passw0rd", "vault_international_pin": "4711",
    "vault_international_pins": ["1234", "5678"],
    "vault_user_password": "User-Passw0rd-1", "vault_sip_password": "Reg-Passw0rd-1",
    "vault_ext_user_password": "User-Passw0rd-1", "vault_ext_reg_password": "Reg-Passw0rd-1",
    "vault_new_reg_password": "Reg-Passw0rd-2", "vault_vm_pin": "2580",
    "vault_room_user_password": "Room-Passw0rd-1", "vault_room_sip_password": "RoomSip-Passw0rd-1",
}
READS = {"yeastar_info", "yeastar_cdr_info", "yeastar_recording", "yeastar_call_report"}
READ_STATES = {"gathered", "rendered", "parsed"}
# Keys every task result may carry, documented by Ansible rather than by the module.
COMMON_KEYS = {"action", "changed", "failed", "msg", "diff", "invocation", "warnings", "deprecations", "item",
               "ansible_loop_var", "attempts", "_ansible_no_log", "_ansible_verbose_always", "_ansible_item_label",
               "_ansible_ignore_errors", "_ansible_delegated_vars"}


# ---------------------------------------------------------------- what each module's examples expect to exist
def yeastar_extensions(pbx, *numbers, register=False):
    pbx.seed(extensions=[{"type": "SIP", "number": n, "first_name": "Staff", "last_name": n,
                          "user_password": "Userpwd1011", "reg_name": "r" + n, "reg_password": "Regpwd1011",
                          "presence_status": "available", "organization_list": [{"value": "1"}]} for n in numbers])
    for number in numbers if register else ():
        pbx.control("registrations", {"extension": number})
    return dict((e["number"], str(e["id"])) for e in pbx.state()["extensions"])


def front_desk(pbx):
    """Extensions 1000-1003 and the front desk ring group 6300 an IVR or a queue can send callers to."""
    ids = yeastar_extensions(pbx, "1000", "1001", "1002", "1003")
    pbx.seed(ring_groups=[{"number": "6300", "name": "Front desk", "ring_strategy": "ring_all", "ring_timeout": 30,
                           "member_list": [{"value": ids["1000"], "type": "extension"}]}])
    return ids


def support_queue(pbx):
    ids = front_desk(pbx)
    pbx.seed(queues=[{"number": "6400", "name": "Support", "ring_strategy": "ring_all", "fail_dest": "end_call",
                      "static_agent_list": [{"value": ids["1000"]}], "dynamic_agent_list": [{"value": ids["1002"]}]}])


def ivr_destinations(pbx):
    pbx.seed(custom_prompts=["welcome.wav", "menu.wav", "opening-hours.wav", "invalid.wav"],
             departments=[{"name": "Sales", "parent_id": 1}])
    support_queue(pbx)


def calls_of_march(pbx):
    """Three days of calls from 2 March 2026 between 1001-1003, some recorded."""
    yeastar_extensions(pbx, "1001", "1002", "1003")
    pbx.control("calls/generate", {"count": 60, "seed": 3, "start": 1772409600, "days": 3})


def agents(vendor):
    def seed(emulator):
        if vendor == "portsip":
            emulator.seed(users=[{"extension_number": n, "display_name": "Agent " + n} for n in ("101", "102")])
        else:
            emulator.seed(extensions=[{"number": n, "name": "Agent " + n} for n in ("101", "102", "103")])
    return seed


# What playbooks/pbx_export.yml keeps in host_vars/<host>/pbx_config.yml (secrets left out): room 101 as the
# first example creates it.
PBX_CONFIG = {"pbx_config": {"extensions": [
    {"number": "101", "first_name": "Room", "last_name": "101", "departments": ["Rooms/Floor 1"]}]}}


class Case:
    def __init__(self, seed=None, vendor="yeastar", once=None, host_vars=None):
        self.seed, self.vendor, self.once, self.host_vars = seed, vendor, once or {}, host_vars


CALL = "every call action acts on the live call each time it runs: there is no state to declare"
CASES = {
    "portsip_ring_group": Case(agents("portsip"), vendor="portsip"),
    "telecomx_group": Case(agents("telecomx"), vendor="telecomx"),
    "ring_group": Case(lambda pbx: yeastar_extensions(pbx, "101", "102")),
    "ring_groups": Case(lambda pbx: yeastar_extensions(pbx, "101", "102")),
    "yeastar_call": Case(lambda pbx: yeastar_extensions(pbx, "1001", "1002", "1003", register=True), once={
        "Extension 1001 calls extension 1002": CALL, "Put extension 1002 on hold (1001 holds)": CALL,
        "Take it off hold": CALL, "Blind-transfer extension 1001 to extension 1003": CALL,
        "Hang up extension 1001's call": CALL,
        "Wait until extension 1002 answers": "reads; repeated it would wait for a call the repeat did not place"}),
    "yeastar_call_report": Case(calls_of_march),
    "yeastar_cdr_info": Case(calls_of_march),
    "yeastar_company_contact": Case(),
    "yeastar_config": Case(host_vars=PBX_CONFIG),
    "yeastar_department": Case(),
    "yeastar_extension": Case(lambda pbx: pbx.seed(departments=[{"name": "Reception", "parent_id": 1},
                                                                {"name": "Rooms", "parent_id": 1}]), once={
        "Rotate the SIP password of an existing extension":
            "update_password: always sends the password on every run: the PBX never shows it to compare"}),
    "yeastar_hotel_guest": Case(),
    "yeastar_inbound_route": Case(),
    "yeastar_info": Case(lambda pbx: yeastar_extensions(pbx, "1001", "1002")),
    "yeastar_ivr": Case(ivr_destinations),
    "yeastar_outbound_route": Case(),
    "yeastar_phonebook": Case(),
    "yeastar_pin_list": Case(once={
        "Keep the PINs in line with the vault on every run":
            "update_password: always sends the PINs on every run: the PBX never shows them to compare"}),
    "yeastar_queue": Case(front_desk),
    "yeastar_queue_agent": Case(support_queue),
    "yeastar_queue_pause_reasons": Case(),
    "yeastar_recording": Case(calls_of_march),
    "yeastar_ring_group": Case(front_desk),
    "yeastar_trunk": Case(),
    "yeastar_wakeup_call": Case(),
}


# ---------------------------------------------------------------- one PBX per module, all examples in one run
class Pbx:
    """One PBX of the run: a named instance of the Yeastar emulator, or a PortSIP/TelecomX emulator."""

    def __init__(self, emulator, instance=None):
        self.emulator, self.instance = emulator, instance
        self.base_url = emulator.base_url

    def control(self, path, body=None, method=None):
        return self.emulator.control(path, body, method, instance=self.instance)

    def seed(self, **objects):
        return self.control("seed", objects)

    def state(self):
        return self.control("state")

    def host_vars(self):
        if self.instance is None:
            return {}
        return {"ansible_httpapi_yeastar_base_path": "/pbx/" + self.instance,
                "ansible_user": "id-" + self.instance, "ansible_httpapi_password": "secret-" + self.instance}


class PhoneAnswers:
    """Extension 1002's user picks up whenever it rings, as the call examples expect."""

    def __init__(self, pbx, number="1002"):
        self.pbx, self.number, self.done = pbx, number, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def ringing(self):
        return any(member.get("extension", {}).get("number") == self.number
                   and member["extension"]["member_status"] == "RING"
                   for call in self.pbx.control("calls")["calls"] for member in call["members"])

    def run(self):
        while not self.done.wait(0.2):
            if self.ringing():
                self.pbx.control("calls/answer", {"number": self.number})

    def __enter__(self):
        if self.pbx:
            self.thread.start()

    def __exit__(self, *exc):
        self.done.set()
        if self.pbx:
            self.thread.join()


def module_of(entry):
    return next((key.rsplit(".", 1)[1] for key in entry if key.startswith("telephony.pbx.")), None)


def declarative(entry, once):
    module = module_of(entry)
    return (module is not None and entry["name"] not in once and module not in READS
            and (entry["telephony.pbx." + module] or {}).get("state") not in READ_STATES)


def with_repeats(tasks, once):
    """Each declarative task followed by itself again, named '<name> (again)'."""
    repeated = []
    for entry in tasks:
        repeated.append(entry)
        if declarative(entry, once):
            repeated.append(dict(entry, name=entry["name"] + AGAIN))
    return repeated


AGAIN = " (again)"


VENDOR_ADDRESS = {"portsip": "127.0.0.1", "telecomx": "localhost"}


class Examples:
    """The run of every module's examples, each module on its own PBX (the host is named after the module)."""

    def __init__(self, tmp_path):
        self.yeastar = Emulator(*[arg for name in CASES if CASES[name].vendor == "yeastar"
                                  for arg in ("--instance", name)])
        self.others = dict((vendor, Emulator("--vendor", vendor)) for vendor in ("portsip", "telecomx"))
        self.pbxes = dict((name, Pbx(self.others[case.vendor]) if case.vendor in self.others
                           else Pbx(self.yeastar, name)) for name, case in CASES.items())
        self.tasks = dict((name, module_block(name)) for name in CASES)
        self.space = Workspace(self.yeastar, directory=tmp_path)
        self.space.write_inventory(hosts=dict((name, self.host_vars(name)) for name in CASES))
        (self.space.dir / "vault.json").write_text(json.dumps(VAULT))
        for name, case in CASES.items():
            if case.host_vars:
                (self.space.dir / "host_vars" / name).mkdir(parents=True)
                for variable, value in case.host_vars.items():
                    (self.space.dir / "host_vars" / name / (variable + ".yml")).write_text(
                        yaml.safe_dump({variable: value}))
            (self.space.dir / (name + ".yml")).write_text(
                yaml.safe_dump(with_repeats(self.tasks[name], case.once), sort_keys=False))
        self.run, self.counters = self.play()

    def host_vars(self, name):
        vendor = CASES[name].vendor
        # PortSIP and TelecomX sign in with the same user: distinct addresses keep their connections apart.
        own = {} if vendor == "yeastar" else {"ansible_network_os": "telephony.pbx." + vendor,
                                              "ansible_httpapi_port": self.others[vendor].port,
                                              "ansible_host": VENDOR_ADDRESS[vendor]}
        return dict(self.pbxes[name].host_vars(), **own)

    def play(self):
        """Every PBX reset and seeded, then one play in which each host runs its module's examples."""
        for name, pbx in self.pbxes.items():
            pbx.control("reset", {})
            if pbx.instance:
                pbx.control("config", {"client_id": "id-" + name, "client_secret": "secret-" + name})
            if CASES[name].seed:
                CASES[name].seed(pbx)
            pbx.control("counters/reset", {})
        include = {"name": "examples", "ansible.builtin.include_tasks": "{{ inventory_hostname }}.yml"}
        with PhoneAnswers(self.pbxes.get("yeastar_call")):
            # 25 hosts on 4 forks: a host can wait longer than ansible-core's 30 s idle timeout between its tasks,
            # and an idle connection shutting down as the next task connects fails that task (docs/fleet.md).
            run = self.space.playbook(play(include, strategy="free"), "-e", "@vault.json", "--forks", "4", timeout=900,
                                      json_output=True, env={"ANSIBLE_PERSISTENT_CONNECT_TIMEOUT": "600"})
        return run, dict((name, pbx.control("counters")) for name, pbx in self.pbxes.items())

    def stop(self):
        self.space.cleanup()
        for emulator in [self.yeastar, *self.others.values()]:
            emulator.stop()


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    examples = Examples(tmp_path_factory.mktemp("examples"))
    yield examples
    examples.stop()


TaskResult = collections.namedtuple("TaskResult", "title module result")


def task_results(run, host, tasks):
    """A TaskResult for each task the host ran, in order, the include itself left out; its module is the
    telephony.pbx module the task calls, or None."""
    modules = dict((entry["name"], module_of(entry)) for entry in tasks)
    return [TaskResult(entry["task"]["name"], modules.get(entry["task"]["name"]), entry["hosts"][host])
            for entry in run.data["plays"][0]["tasks"]
            if host in entry["hosts"] and entry["task"]["name"] != "examples"]


def undocumented(results):
    """module -> the top-level keys it returned that its RETURN does not document."""
    missing = {}
    for task in results:
        if task.module:
            documented = set(module_block(task.module, "RETURN") or {})
            for item in task.result.get("results") or [task.result]:
                extra = set(item) - COMMON_KEYS - documented
                if extra:
                    missing.setdefault(task.module, set()).update(extra)
    return missing


def writes(vendor, requests):
    """The requests the vendor's emulator counts as writes ("METHOD endpoint" strings)."""
    def is_write(request):
        method, endpoint = request.split(" ", 1)
        if vendor == "yeastar":
            return yeastar_write(endpoint)
        return method != "GET" and not endpoint.startswith("auth/") and "/token" not in endpoint
    return [request for request in requests if is_write(request)]


def reported(result):
    """The requests a module result (or each item of a loop) says it sent."""
    return [request for item in result.get("results") or [result]
            for request in (item.get("api_requests") or {}).get("sent", [])]


pytestmark = pytest.mark.xdist_group("examples")


@pytest.mark.parametrize("name", sorted(CASES))
def test_examples_run_as_written_and_repeat_unchanged(name, ran):
    case, tasks = CASES[name], ran.tasks[name]
    assert set(case.once) <= set(t["name"] for t in tasks), "once names tasks the examples lack"
    results = task_results(ran.run, name, with_repeats(tasks, case.once))
    expected = [t["name"] for t in with_repeats(tasks, case.once)]
    # A failed task shows its message in the diff itself, the part of the output a CI log keeps.
    assert [(task.title, task.result.get("msg", "failed") if task.result.get("failed") else "ok") for task in results] \
        == [(title, "ok") for title in expected], ran.run.output
    assert not [task.title for task in results if task.result.get("skipped")]
    stats = ran.run.stats(name)
    assert stats["ok"] + stats["changed"] > 0 and stats["failures"] == stats["unreachable"] == stats["skipped"] == 0
    assert undocumented(results) == {}

    first = [task for task in results if not task.title.endswith(AGAIN)]
    again = [task for task in results if task.title.endswith(AGAIN)]
    assert [task.title for task in again if task.result["changed"] or writes(case.vendor, reported(task.result))] == []
    sent_writes = sum(len(writes(case.vendor, reported(task.result))) for task in results if task.module)
    assert ran.counters[name]["writes"] == sent_writes, "every write the emulator received was reported"
    print("%s: first runs %d tasks, %d changed; second runs %d tasks, 0 changed; %d writes, none by a second run" % (
        name, len(first), sum(1 for task in first if task.result.get("changed")), len(again), sent_writes))


def test_every_module_runs_its_examples_here():
    assert sorted(CASES) == sorted(path.stem for path in (ROOT / "plugins" / "modules").glob("*.py")
                                   if path.stem != "__init__")
