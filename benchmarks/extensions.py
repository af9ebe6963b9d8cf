"""Benchmark: provision N extensions with yeastar_extension against a plain ansible.builtin.uri loop.

Reports requests (from the emulator's counters), wall-clock seconds and ratios. It never fails on
timing; run it with `make benchmark` (N=20 by default, `make benchmark N=100`)."""

import argparse

from common import DEPARTMENT, PASSWORD, extensions, fresh, lab, measure, uri_play


def module_play(count):
    return [{"name": "module", "hosts": "pbx", "gather_facts": False, "tasks": [{
        "name": "extensions",
        "telephony.pbx.yeastar_extension": {
            "number": "{{ item.number }}", "first_name": "{{ item.first_name }}", "last_name": "{{ item.last_name }}",
            "departments": [DEPARTMENT], "role": "Employee", "user_password": PASSWORD, "reg_password": PASSWORD},
        "loop": extensions(count)}]}]


def compare(emulator, workspace, count):
    """The uri loop's first run against the yeastar_extension loop's first run and re-run."""
    fresh(emulator, count)
    rows = [("uri loop, create", measure(emulator, workspace, uri_play(count, emulator.base_url)))]
    fresh(emulator, count)
    rows.append(("yeastar_extension loop, create", measure(emulator, workspace, module_play(count))))
    rows.append(("yeastar_extension loop, re-run", measure(emulator, workspace, module_play(count))))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20, help="extensions to provision")
    count = parser.parse_args().n
    with lab() as (emulator, workspace):
        rows = compare(emulator, workspace, count)
    baseline = rows[0][1]
    print("%d extensions" % count)
    print("%-34s %8s %9s %7s %10s %10s" % ("", "seconds", "requests", "writes", "s ratio", "req ratio"))
    for name, row in rows:
        print("%-34s %8.1f %9d %7d %10.2f %10.2f" % (name, row["seconds"], row["requests"], row["writes"],
                                                     row["seconds"] / baseline["seconds"],
                                                     row["requests"] / baseline["requests"]))


if __name__ == "__main__":
    main()
