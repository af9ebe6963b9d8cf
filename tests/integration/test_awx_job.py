"""Jobs run the way AWX runs them: `ansible_runner.run` on a private data dir laid out as AWX lays it out, with the
Yeastar credential injected by rendering the credential type's own injectors (extensions/awx/credential_types/
yeastar.yml) with the credential's inputs: `injectors.env` into the job's environment (env/envvars),
`injectors.extra_vars` into a read-only YAML file under env/ passed as `-e @file` (env/cmdline). The inventory holds
no credentials, so the job connects only if the injection works.

The yeastar_config apply runs twice as two jobs, the demo once (its modules' re-runs are tested elsewhere, and
each job costs seconds of CPU). Asserted from the job's events: status and rc, one runner_on_ok per task and
host, which tasks changed (the first job) and that none did (the second, which sends no write), no failure; the
token revoked when the job ends; and no secret (client secret, every access and refresh token the emulator issued,
the playbook's own passwords given as job extra vars) in any event, the stdout or any file under the private data
dir, except the job's inputs that hold them by design."""

import json
import os
import pathlib
import shutil
import stat
import tempfile
import time

import ansible_runner
import pytest
import yaml
from helpers import awx_injection
from pbxlab import BIN, ROOT

HOST = "pbx1"
# The API application of this test only, so no file of the repository holds its secret.
CREDENTIAL = {"client_id": "awx-job-client", "client_secret": "Awx-Job-Client-Secret-7q"}


class Unsafe(str):
    """A value AWX writes as `!unsafe` (its safe_dump), so Ansible never templates what a credential holds."""


class AwxExtraVarsDumper(yaml.SafeDumper):
    pass


AwxExtraVarsDumper.add_representer(Unsafe, lambda dumper, value: dumper.represent_scalar("!unsafe", str(value)))

# Each playbook with the job template's extra vars: its secrets as AWX gets them (survey password answers or a
# vaulted var file), so the test knows every secret value the job holds; the tasks its first job changes; whether a
# second job runs to show it changes nothing.
JOBS = {
    "demo": ("playbooks/demo.yml", {
        "demo_user_password": "Awx-Demo-User-7q",
        "demo_reg_password": "Awx-Demo-Reg-7q",
    }, {"Departments exist", "Extensions exist with their department, role and voicemail"}, False),
    "connect_carrier": ("playbooks/connect_carrier.yml", {
        "vault_carrier_password": "Awx-Carrier-7q",
        "vault_user_password": "Awx-Carrier-User-7q",
        "vault_reg_password": "Awx-Carrier-Reg-7q",
    }, {"Trunk, routes, extensions, ring group and phonebook in one task"}, True),
}


def private_data_dir(directory, pbx, control_dir, job_extra_vars):
    """The private data dir of one job: project/ (the repository's playbooks), inventory/ (the emulator, no
    credentials), env/extravars (the template's extra vars), env/envvars (the injected environment and the job
    settings), the credential's extra vars file and env/cmdline passing it."""
    shutil.copytree(ROOT / "playbooks", directory / "project" / "playbooks")
    (directory / "inventory").mkdir()
    (directory / "inventory" / "hosts.json").write_text(json.dumps({"all": {"children": {"pbx": {"hosts": {HOST: {
        "ansible_host": "127.0.0.1",
        "ansible_httpapi_port": pbx.port,
        "ansible_connection": "ansible.netcommon.httpapi",
        "ansible_network_os": "telephony.pbx.yeastar",
        "ansible_httpapi_use_ssl": False,
    }}}}}}))
    env_dir = directory / "env"
    env_dir.mkdir()
    injected_env, injected_extra_vars = awx_injection("yeastar", **CREDENTIAL)
    handle, credential_file = tempfile.mkstemp(dir=env_dir)
    with os.fdopen(handle, "w") as stream:
        yaml.dump(dict((name, Unsafe(value)) for name, value in injected_extra_vars.items()), stream,
                  Dumper=AwxExtraVarsDumper)
    os.chmod(credential_file, stat.S_IRUSR)
    (env_dir / "cmdline").write_text("-e @%s" % credential_file)
    (env_dir / "extravars").write_text(json.dumps(job_extra_vars))
    (env_dir / "envvars").write_text(json.dumps(dict(injected_env, **{
        "ANSIBLE_COLLECTIONS_PATH": str(ROOT / "build" / "collections"),
        "ANSIBLE_PERSISTENT_CONTROL_PATH_DIR": control_dir,
        "ANSIBLE_LOCAL_TEMP": str(directory / "tmp"),
        "ANSIBLE_RETRY_FILES_ENABLED": "False",
        "PATH": "%s:%s" % (BIN, os.environ.get("PATH", "")),
    })))
    return pathlib.Path(credential_file).relative_to(directory)


def run_job(workspace, pbx, ident, playbook, job_extra_vars):
    directory = workspace.dir / ("job-%s" % ident)
    credential_file = private_data_dir(directory, pbx, workspace.control_dir, job_extra_vars)
    pbx.reset_counters()
    started = time.monotonic()
    runner = ansible_runner.run(private_data_dir=str(directory), playbook=playbook, ident=ident, quiet=True)
    seconds = time.monotonic() - started
    counters = pbx.wait_for(lambda c: c["active_access_tokens"] == 0, timeout=5)
    return directory, credential_file, runner, dict(counters, seconds=seconds)


def task_results(events):
    """Per host and event type, the names of the tasks (one entry per task, not per loop item)."""
    results = {}
    for event in events:
        data = event.get("event_data", {})
        if "host" in data:
            results.setdefault((data["host"], event["event"]), []).append(data.get("task"))
    return results


def secret_hits(directory, runner, secrets):
    """(secret name, where) for every secret value found in any file under the private data dir, the events or
    the stdout."""
    texts = dict((str(path.relative_to(directory)), path.read_bytes().decode("utf-8", "replace"))
                 for path in sorted(directory.rglob("*")) if path.is_file())
    texts["<events>"] = json.dumps(list(runner.events))
    texts["<stdout>"] = runner.stdout.read()
    hits = set((name, where) for where, text in texts.items() for name, value in secrets.items() if value in text)
    return hits, len(texts)


@pytest.mark.parametrize("job", sorted(JOBS))
def test_an_awx_job_with_the_injected_credential_converges_revokes_its_token_and_leaks_no_secret(workspace, pbx, job):
    playbook, job_extra_vars, writing_tasks, rerun = JOBS[job]
    tasks = [t["name"] for t in yaml.safe_load((ROOT / playbook).read_text())[0]["tasks"]]
    pbx.configure(**CREDENTIAL)
    for ident, expected_changed in (("1", writing_tasks), ("2", set()))[:2 if rerun else 1]:
        directory, credential_file, runner, counters = run_job(workspace, pbx, ident, playbook, job_extra_vars)
        events = list(runner.events)
        results = task_results(events)
        assert (runner.status, runner.rc) == ("successful", 0), runner.stdout.read()
        assert results[(HOST, "runner_on_ok")] == tasks, "one runner_on_ok per task, in order"
        assert not [key for key in results if key[1] in ("runner_on_failed", "runner_on_unreachable")]
        changed = set(e["event_data"]["task"] for e in events
                      if e["event"] == "runner_on_ok" and e["event_data"]["res"].get("changed"))
        assert changed == expected_changed
        stats = next(e["event_data"] for e in events if e["event"] == "playbook_on_stats")
        assert (stats["ok"][HOST], stats["changed"].get(HOST, 0), stats["failures"]) == (
            len(tasks), len(expected_changed), {})
        if not expected_changed:
            assert counters["writes"] == 0, "the second job sends no write"
        assert counters["tokens_issued"] == 1 and counters["tokens_revoked"] == 1
        assert counters["active_access_tokens"] == 0, "the job's token is revoked when the job ends"

        issued = pbx.state()["issued_tokens"]
        assert issued, "the emulator lists the tokens it issued"
        secrets = dict(("token %d" % number, token) for number, token in enumerate(issued))
        secrets.update(job_extra_vars, client_secret=CREDENTIAL["client_secret"])
        hits, files = secret_hits(directory, runner, secrets)
        # The job's inputs hold them by design, as in AWX (which deletes the private data dir after the job):
        # the credential's extra vars file and environment, runner's record of that environment, the extra vars.
        handed_in = set([("client_secret", str(credential_file)), ("client_secret", "env/envvars"),
                         ("client_secret", "artifacts/%s/command" % ident)])
        handed_in.update((name, "env/extravars") for name in job_extra_vars)
        assert hits == handed_in
        print("%s job %s: %.1f s, %d events, %d requests (%d writes), %d secrets in %d files, events and stdout" % (
            playbook, ident, counters["seconds"], len(events), counters["total"], counters["writes"], len(secrets),
            files))
