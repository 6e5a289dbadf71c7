#!/usr/bin/env python3
"""Whole-run cost of clang-tidy checks on one file (a benchmark, not a test).

--enable-check-profile times every matcher call and so overstates checks whose
matchers are tried on many nodes; the honest cost is what the whole run pays.
This runs clang-tidy-19 N times per configuration, takes the fastest user+system
CPU time of each, and prints each configuration's cost over a baseline run whose
single upstream check matches almost nothing (cert-flp30-c: float loop counters).

  scripts/bench-check-cost.py --plugin build/lib/libasynclint.so FILE -- COMPILER_ARGS
"""
import argparse
import os
import resource
import subprocess
import sys

CONFIGS = [
    ("baseline (cert-flp30-c)", "-*,cert-flp30-c"),
    ("async-sleep + async-blocking", "-*,cert-flp30-c,async-sleep-in-coroutine,async-blocking-call-in-coroutine"),
    ("async-lock-held-across-suspend", "-*,cert-flp30-c,async-lock-held-across-suspend"),
    ("all async-*", "-*,cert-flp30-c,async-*"),
    ("misc-coroutine-hostile-raii", "-*,cert-flp30-c,misc-coroutine-hostile-raii"),
    ("cppcoreguidelines-no-suspend-with-lock", "-*,cert-flp30-c,cppcoreguidelines-no-suspend-with-lock"),
]


def cpu_time(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--plugin", required=True)
    p.add_argument("--clang-tidy", default="clang-tidy-19")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("file")
    args = p.parse_args(argv)

    results = []
    for name, checks in CONFIGS:
        cmd = [args.clang_tidy, "--load=" + args.plugin, "--checks=" + checks, args.file, "--"] + extra
        results.append((name, min(cpu_time(cmd) for _ in range(args.runs))))
    base = results[0][1]
    print("%-40s %10s %10s %8s" % ("configuration", "cpu (s)", "cost (s)", "cost"))
    for name, t in results:
        print("%-40s %10.3f %10.3f %7.1f%%" % (name, t, t - base, 100 * (t - base) / base))
    print("(fastest of %d runs each; cost = over the baseline run, as a share of it)" % args.runs)


if __name__ == "__main__":
    main()
