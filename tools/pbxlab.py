"""Run playbooks against the embedded emulator: start it, talk to its control API, run
ansible-playbook with an inventory pointing at it. Used by `make demo` and the integration tests."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.executable).parent
CLIENT_ID = "emulator-client-id"
CLIENT_SECRET = "emulator-client-secret"


class Emulator:
    """The emulator as a child process on a free port."""

    def __init__(self, *args):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pbx_emulator", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("pbx-emulator listening on "):
            self.process.kill()
            raise RuntimeError("emulator did not start: %r %s" % (line, self.process.stderr.read()))
        self.base_url = line.rsplit(" ", 1)[1]
        self.port = int(self.base_url.rsplit(":", 1)[1])

    def control(self, path, body=None, method=None, instance=None):
        data = None if body is None else json.dumps(body).encode()
        prefix = "/pbx/%s" % instance if instance else ""
        request = urllib.request.Request(self.base_url + prefix + "/_emulator/" + path, data=data,
                                         method=method or ("POST" if body is not None else "GET"),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def reset(self):
        return self.control("reset", {})

    def counters(self):
        return self.control("counters")

    def reset_counters(self):
        return self.control("counters/reset", {})

    def state(self):
        return self.control("state")

    def wait_for(self, condition, timeout=10.0):
        """Poll the counters until condition(counters) holds; return the last counters."""
        deadline = time.monotonic() + timeout
        while True:
            counters = self.counters()
            if condition(counters) or time.monotonic() > deadline:
                return counters
            time.sleep(0.2)

    def configure(self, **settings):
        return self.control("config", settings)

    def fault(self, endpoint, kind, count=1):
        return self.control("faults", {"endpoint": endpoint, "kind": kind, "count": count})

    def seed(self, **objects):
        return self.control("seed", objects)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Workspace:
    """A directory with an inventory for the emulator, and a runner for ansible-playbook."""

    def __init__(self, emulator, directory=None, host_vars=None):
        self.emulator = emulator
        self.dir = pathlib.Path(directory or tempfile.mkdtemp(prefix="pbxlab-"))
        # AF_UNIX socket paths are limited to about 100 bytes: keep the control path short.
        self.control_dir = tempfile.mkdtemp(prefix="pc", dir="/tmp")
        self.inventory = self.dir / "inventory.yml"
        self.write_inventory(host_vars)

    def write_inventory(self, host_vars=None, hosts=None):
        """An inventory group `pbx` on the emulator: one host `pbx1` with host_vars, or `hosts`, a map of
        host names to their own variables."""
        base = {
            "ansible_host": "127.0.0.1",
            "ansible_httpapi_port": self.emulator.port,
            "ansible_connection": "ansible.netcommon.httpapi",
            "ansible_network_os": "telephony.pbx.yeastar",
            "ansible_httpapi_use_ssl": False,
            "ansible_user": CLIENT_ID,
            "ansible_httpapi_password": CLIENT_SECRET,
        }
        hosts = hosts or {"pbx1": host_vars or {}}
        inventory = dict((name, dict(base, **own)) for name, own in hosts.items())
        self.inventory.write_text(json.dumps({"all": {"children": {"pbx": {"hosts": inventory}}}}))

    def env(self, **extra):
        env = dict(os.environ)
        env.update({
            "ANSIBLE_COLLECTIONS_PATH": str(ROOT / "build" / "collections"),
            "ANSIBLE_PERSISTENT_CONTROL_PATH_DIR": self.control_dir,
            "ANSIBLE_HOST_KEY_CHECKING": "False",
            "ANSIBLE_RETRY_FILES_ENABLED": "False",
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_FORCE_COLOR": "0",
            "ANSIBLE_LOCAL_TEMP": str(self.dir / "tmp"),
            "PATH": "%s:%s" % (BIN, env.get("PATH", "")),
        })
        env.update(extra)
        return env

    def command(self, playbook, args, inventory=None):
        """The ansible-playbook command line; `playbook` is a path or a list of plays (written as JSON, which is YAML)."""
        if isinstance(playbook, list):
            path = self.dir / ("play-%d.yml" % time.monotonic_ns())
            path.write_text(json.dumps(playbook, indent=1))
        else:
            path = pathlib.Path(playbook)
        return [str(BIN / "ansible-playbook"), "-i", str(inventory or self.inventory), str(path), *args]

    def playbook(self, playbook, *args, json_output=False, env=None, timeout=300, inventory=None):
        """Run ansible-playbook to its end."""
        extra = {"ANSIBLE_STDOUT_CALLBACK": "ansible.posix.json"} if json_output else {}
        extra.update(env or {})
        completed = subprocess.run(self.command(playbook, args, inventory), env=self.env(**extra), capture_output=True,
                                   stdin=subprocess.DEVNULL, text=True, timeout=timeout, cwd=str(self.dir), check=False)
        return Run(completed, json_output)

    def start_playbook(self, playbook, *args):
        """Start ansible-playbook in the background; the caller waits for or interrupts the process."""
        return subprocess.Popen(self.command(playbook, args), env=self.env(), cwd=str(self.dir), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.control_dir, ignore_errors=True)


class Run:
    def __init__(self, completed, json_output):
        self.rc = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr
        self.data = None
        if json_output:
            start = self.stdout.find("{")
            self.data = json.loads(self.stdout[start:]) if start >= 0 else None

    @property
    def output(self):
        return self.stdout + self.stderr

    def results(self, task_name, host="pbx1"):
        """The result of one task (by name) on one host; loop tasks give their item list in 'results'."""
        for play in self.data["plays"]:
            for task in play["tasks"]:
                if task["task"]["name"] == task_name:
                    return task["hosts"][host]
        raise KeyError("no task named %r in %s" % (task_name, [t["task"]["name"] for p in self.data["plays"] for t in p["tasks"]]))

    def stats(self, host="pbx1"):
        return self.data["stats"][host]

    def recap(self):
        return self.stdout[self.stdout.rfind("PLAY RECAP"):].strip()
