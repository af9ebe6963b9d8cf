"""Benchmark (`make bench`): N extensions in ONE telephony.pbx.yeastar_config task against the plain
ansible.builtin.uri playbook (one token, per extension a search and a create only when absent), on a first run
and an idempotent re-run, against one emulator. Requests are counted by the emulator. Writes a Markdown report
with the numbers, the request floor and the targets; wall time is indicative and never fails anything."""

import argparse
import datetime
import math
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path

from common import DEPARTMENT, PASSWORD, PLAYBOOK_TIMEOUT, extensions, fresh, lab, measure, uri_play
import extensions as extension_loop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build" / "collections"))

# The page size and query batch the collection's client uses, for the request floor.
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import PAGE_SIZE, QUERY_BATCH  # noqa: E402 pylint: disable=wrong-import-position

WAYS = ("uri", "config")
RUNS = ("first run", "re-run")
WALL_TARGET = 10          # uri/config wall time, both runs, at 120
REQUEST_TARGETS = {120: 10, 1000: 50}   # uri/config requests on the re-run
FLOOR_TARGET = 2          # config requests on the re-run at most this many times the floor


def config_play(count):
    items = [dict(item, departments=[DEPARTMENT], role="Employee", user_password=PASSWORD, reg_password=PASSWORD)
             for item in extensions(count)]
    return [{"name": "config", "hosts": "pbx", "gather_facts": False, "tasks": [{
        "name": "extensions", "telephony.pbx.yeastar_config": {"state": "merged", "config": {"extensions": items}}}]}]


def floor(count, run):
    """Fewest requests a tool can reconcile `count` extensions with: a token, the list pages, the detail batches,
    and on a first run one write per (new) extension."""
    return 1 + math.ceil(count / PAGE_SIZE) + math.ceil(count / QUERY_BATCH) + (count if run == RUNS[0] else 0)


def check(emulator, count, way, run, row):
    """A benchmark of a playbook that did not do its job would be worthless: verify the PBX and the writes."""
    numbers = {e["number"] for e in emulator.state()["extensions"]}
    missing = {e["number"] for e in extensions(count)} - numbers
    if missing:
        sys.exit("%s, %d, %s: %d extensions missing afterwards" % (way, count, run, len(missing)))
    if run == RUNS[1] and row["writes"]:
        sys.exit("%s, %d, %s: %d writes on a re-run: %s" % (way, count, run, row["writes"], row["by_endpoint"]))
    if way == "config":
        result = row["run"].results("extensions")
        row["changed"] = result.get("changed")
        row["sent"] = (result.get("api_requests") or {}).get("sent") or []
        if row["changed"] != (run == RUNS[0]):
            sys.exit("config, %d, %s: changed=%s" % (count, run, row["changed"]))


def bench(emulator, workspace, count, ways):
    rows = {}
    for way in ways:
        fresh(emulator, count)
        for run in RUNS:
            play = uri_play(count, emulator.base_url) if way == "uri" else config_play(count)
            print("N=%d %s %s ..." % (count, way, run), file=sys.stderr, flush=True)
            row = measure(emulator, workspace, play, json_output=way == "config")
            check(emulator, count, way, run, row)
            row["load"] = os.getloadavg()[0]
            print("  %.1f s, %d requests" % (row["seconds"], row["requests"]), file=sys.stderr, flush=True)
            rows[way, run] = row
    return rows


def verdict(ok):
    return "not measured" if ok is None else ("**met**" if ok else "**NOT met**")


def ratio(rows, count, run, key):
    uri, config = rows.get((count, "uri", run)), rows.get((count, "config", run))
    if not uri or not config:
        return None
    return uri[key] / config[key]


def targets(rows, sizes):
    """(description, value shown, met or None when not measured)."""
    found = []
    if 120 in sizes:
        for run in RUNS:
            value = ratio(rows, 120, run, "seconds")
            found.append(("N=120, %s: wall time uri/config >= %d" % (run, WALL_TARGET),
                          "-" if value is None else "%.1fx" % value, None if value is None else value >= WALL_TARGET))
    for count, wanted in sorted(REQUEST_TARGETS.items()):
        if count in sizes:
            value = ratio(rows, count, RUNS[1], "requests")
            found.append(("N=%d, re-run: requests uri/config >= %d" % (count, wanted),
                          "-" if value is None else "%.1fx" % value, None if value is None else value >= wanted))
    for count in sizes:
        config = rows.get((count, "config", RUNS[1]))
        limit = FLOOR_TARGET * floor(count, RUNS[1])
        found.append(("N=%d, re-run: config requests <= %d x floor (%d)" % (count, FLOOR_TARGET, limit),
                      "-" if config is None else "%d" % config["requests"],
                      None if config is None else config["requests"] <= limit))
    return found


def ansible_version():
    try:
        out = subprocess.run([str(Path(sys.executable).parent / "ansible"), "--version"], capture_output=True,
                             text=True, check=False).stdout
        return out.splitlines()[0].strip() if out else "unknown"
    except OSError:
        return "unknown"


def report(rows, sizes, ways, loop_rows, loop_count, command, started, load_before):
    lines = [
        "# Performance",
        "",
        "<!-- Generated by benchmarks/config.py; do not edit by hand, run `make bench` again. -->",
        "",
        "How many API requests and how much wall time it takes to provision N extensions with **one**",
        "`telephony.pbx.yeastar_config` task (`state: merged`) compared with the plain `ansible.builtin.uri`",
        "playbook an experienced integrator writes without the collection: one `get_token` for the run",
        "(`run_once`, `set_fact`), then per extension an `extension/search` and, only when the number is",
        "absent, an `extension/create`, with `failed_when` on the answer's `errcode`, looping with `loop:`,",
        "and a `del_token` at the end. Both run against one emulator (`tools/pbxlab.py`), emptied before",
        "each way; a re-run finds every extension present and must write nothing (checked).",
        "",
        "* Command: %s" % command,
        "* Date: %s" % started.strftime("%Y-%m-%d %H:%M UTC"),
        "* Machine: %d cores (%s, %s), Python %s, %s; 1-minute load average %.1f before, %.1f after"
        % (os.cpu_count(), platform.system(), platform.machine(), platform.python_version(), ansible_version(),
           load_before, os.getloadavg()[0]),
        "* Requests are counted by the emulator (`GET /_emulator/counters`: every request under `openapi/`,",
        "  `get_token` and `del_token` included), not by Ansible. Seconds are the wall time of the whole",
        "  `ansible-playbook` process, its start-up included.",
        "* The emulator's access tokens live %d hours instead of the PBX's 30 minutes: the uri playbook logs in once,"
        % (PLAYBOOK_TIMEOUT // 3600),
        "  and at N=1000 on a loaded machine it runs longer than 30 minutes; its creates then fail with",
        "  `10004 TOKEN EXPIRED`. Against a real PBX it would need a token refresh in the loop (more requests",
        "  than counted here).",
        "* **Wall time is indicative and never gates CI**: the machine is shared with other test runs, so",
        "  seconds carry noise (see the load averages); request counts do not. `make bench` is not part of",
        "  `make test`.",
        "",
        "## Numbers",
        "",
        "Floor = 1 token + ceil(N / %d) list pages + ceil(N / %d) query batches, + N writes on a first run"
        % (PAGE_SIZE, QUERY_BATCH),
        "(`PAGE_SIZE` and `QUERY_BATCH` of `plugins/module_utils/yeastar.py`).",
        "",
        "| N | run | way | requests | writes | seconds | floor | requests / floor | load |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for count in sizes:
        for run in RUNS:
            for way in ways:
                row = rows[count, way, run]
                least = floor(count, run)
                lines.append("| %d | %s | %s | %d | %d | %.1f | %d | %.2f | %.1f |" % (
                    count, run, "uri loop" if way == "uri" else "yeastar_config", row["requests"], row["writes"],
                    row["seconds"], least, row["requests"] / least, row["load"]))
    if len(ways) == 2:
        lines += ["", "| N | run | requests uri / config | seconds uri / config |", "|---:|---|---:|---:|"]
        for count in sizes:
            for run in RUNS:
                lines.append("| %d | %s | %.1fx | %.1fx |" % (count, run, ratio(rows, count, run, "requests"),
                                                              ratio(rows, count, run, "seconds")))
    lines += ["", "## Targets", "", "| target | measured | |", "|---|---:|---|"]
    lines += ["| %s | %s | %s |" % (name, value, verdict(ok)) for name, value, ok in targets(rows, sizes)]
    lines += ["", "Not a gate: wall-time targets are checked here only, on this run's machine."]
    if "config" in ways:
        lines += ["", "## Where the requests go", "",
                  "Requests per endpoint of the `yeastar_config` task, as the emulator counted them, and the",
                  "number the module listed in its own `api_requests.sent`.", "",
                  "| N | run | requests by endpoint (emulator) | `api_requests.sent` |", "|---:|---|---|---:|"]
        for count in sizes:
            for run in RUNS:
                row = rows[count, "config", run]
                spread = ", ".join("%s %d" % (k, v) for k, v in sorted(row["by_endpoint"].items(), key=lambda kv: -kv[1]))
                lines.append("| %d | %s | %s | %d |" % (count, run, spread, len(row["sent"])))
    if "uri" in ways:
        lines += ["", "The uri loop's requests by endpoint:", "", "| N | run | requests by endpoint (emulator) |",
                  "|---:|---|---|"]
        for count in sizes:
            for run in RUNS:
                row = rows[count, "uri", run]
                spread = ", ".join("%s %d" % (k, v) for k, v in sorted(row["by_endpoint"].items(), key=lambda kv: -kv[1]))
                lines.append("| %d | %s | %s |" % (count, run, spread))
    if loop_rows:
        baseline = loop_rows[0][1]
        lines += ["", "## `make benchmark`: a yeastar_extension loop", "",
                  "`make benchmark` (`benchmarks/extensions.py`) compares a `loop:` over `yeastar_extension`, one module",
                  "run per extension, with the same uri playbook; measured here in the same session at N=%d:" % loop_count,
                  "", "| way | requests | writes | seconds | requests / uri | seconds / uri |", "|---|---:|---:|---:|---:|---:|"]
        for name, row in loop_rows:
            lines.append("| %s | %d | %d | %.1f | %.2f | %.2f |" % (
                name, row["requests"], row["writes"], row["seconds"], row["requests"] / baseline["requests"],
                row["seconds"] / baseline["seconds"]))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, nargs="+", default=[120, 1000], help="numbers of extensions (default: 120 1000)")
    parser.add_argument("--output", default="docs/performance.md", help="Markdown report to write")
    parser.add_argument("--ways", nargs="+", choices=WAYS, default=list(WAYS), help="what to measure (default: both)")
    parser.add_argument("--extension-loop", type=int, default=20, metavar="N",
                        help="also measure `make benchmark`'s yeastar_extension loop at N extensions (0: skip)")
    args = parser.parse_args()
    sizes = sorted(set(args.n))
    ways = [way for way in WAYS if way in args.ways]
    command = "`%s`" % shlex.join(["python", "benchmarks/config.py"] + sys.argv[1:])
    if args.n == [120, 1000] and args.output == "docs/performance.md" and ways == list(WAYS) and args.extension_loop == 20:
        command = "`make bench`, which runs " + command
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()[0]
    rows = {}
    loop_rows = []
    with lab() as (emulator, workspace):
        for count in sizes:
            for (way, run), row in bench(emulator, workspace, count, ways).items():
                rows[count, way, run] = row
        if args.extension_loop:
            print("make benchmark at N=%d ..." % args.extension_loop, file=sys.stderr, flush=True)
            loop_rows = extension_loop.compare(emulator, workspace, args.extension_loop)
    text = report(rows, sizes, ways, loop_rows, args.extension_loop, command, started, load_before)
    output = Path(args.output)
    if not output.is_absolute():
        output = ROOT / output
    output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
