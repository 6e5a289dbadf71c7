#!/usr/bin/env python3
"""The ground-truth harness: every check held against the runtime model's monitor.

Each program in programs/ is built against the runtime model (by CMake, before this
runs), run under the hazard monitor, and linted with the plugin. For every check the
program declares, the two verdicts must agree:

    // GROUND-TRUTH: async-sleep-in-coroutine hazard     (both must see it)
    // GROUND-TRUTH: async-sleep-in-coroutine safe       (neither may see it)

A program about memory read after it was freed says so:

    // GROUND-TRUTH-RUN: asan

CMake builds it with AddressSanitizer and the harness runs it with
ASAN_OPTIONS=detect_stack_use_after_return=1: an ASan report of a heap-use-after-free,
stack-use-after-return or stack-use-after-scope is an async-dangling-reference hazard at the
first frame in the program's own source; any other ASan report fails the run.

A program whose lint needs options (async-missing-timeout is off unless configured) gives them
as clang-tidy's --config:

    // GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Types: '::RpcClient'}}

A program that declares async-missing-timeout runs with ASYNCRT_REPORT_PENDING=1: the monitor
then reports a task still suspended when the runtime shuts down.

A disagreement fails the run unless the program names it as a known limit that the
check's documentation describes:

    // GROUND-TRUTH-LIMIT: async-lock-held-across-suspend lint_only: <why>

Writes <build>/ground-truth.json:
    {"checks": {"<id>": {"programs": N, "agree": N, "monitor_only": N, "lint_only": N, ...}}}
and prints the agreement table.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CHECKS = [
    "async-sleep-in-coroutine",
    "async-blocking-call-in-coroutine",
    "async-lock-held-across-suspend",
    "async-never-yielding-loop",
    "async-discarded-task",
    "async-ignored-join-handle",
    "async-unbounded-spawn",
    "async-dangling-reference",
    "async-missing-timeout",
]
DECL = re.compile(r"//\s*GROUND-TRUTH:\s*(async-[a-z-]+)\s+(hazard|safe)\b")
LINT_CONFIG = re.compile(r"//\s*GROUND-TRUTH-LINT-CONFIG:\s*(\{.*\})\s*$")
RUN_ASAN = re.compile(r"//\s*GROUND-TRUTH-RUN:\s*asan\b")
ASAN_ERROR = re.compile(r"ERROR: AddressSanitizer: ([a-z-]+)")
ASAN_FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in .* (/\S+?):(\d+)(?::\d+)?$")
DANGLING_REPORTS = {"heap-use-after-free", "stack-use-after-return", "stack-use-after-scope"}
LIMIT = re.compile(r"//\s*GROUND-TRUTH-LIMIT:\s*(async-[a-z-]+)\s+(lint_only|monitor_only):\s*(.+)")
WARNING = re.compile(r"^(.*?):(\d+):(\d+): warning: .* \[([a-z0-9,-]+)\]$")


def parse_program(path):
    decls, limits = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if RUN_ASAN.search(line):
                decls["__asan__"] = True
            m = LINT_CONFIG.search(line)
            if m:
                decls["__config__"] = m.group(1)
            m = DECL.search(line)
            if m:
                decls[m.group(1)] = m.group(2)
            m = LIMIT.search(line)
            if m:
                limits[(m.group(1), m.group(2))] = m.group(3).strip()
    return decls, limits


def asan_hazards(output, source):
    """The dangling-reference hazards in an ASan report, or None if it reports something else."""
    m = ASAN_ERROR.search(output)
    if not m:
        return []
    if m.group(1) not in DANGLING_REPORTS:
        return None
    line = 0
    for text in output[m.end():].splitlines():
        f = ASAN_FRAME.match(text)
        if f and os.path.realpath(f.group(1)) == os.path.realpath(source):
            line = int(f.group(2))
            break
        if not text.strip():
            break  # the end of the access's stack
    return [{"check": "async-dangling-reference", "line": line, "last_line": line,
             "kind": m.group(1)}]


def run_monitored(exe, timeout, source=None, asan=False, report_pending=False):
    if not os.path.exists(exe):
        return None, "not built (%s is missing: run the build first)" % exe
    fd, out = tempfile.mkstemp(suffix=".json", prefix="gt-monitor-")
    os.close(fd)
    os.unlink(out)
    env = dict(os.environ, ASYNCRT_MONITOR=out)
    if report_pending:
        env["ASYNCRT_REPORT_PENDING"] = "1"
    if asan:
        env["ASAN_OPTIONS"] = "detect_stack_use_after_return=1:detect_leaks=0"
    try:
        proc = subprocess.run([exe], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout, universal_newlines=True)
    except subprocess.TimeoutExpired:
        return None, "timed out after %ss" % timeout
    hazards = []
    if asan:
        hazards = asan_hazards(proc.stdout, source)
        if hazards is None:
            return None, "AddressSanitizer reported another error:\n%s" % proc.stdout[-3000:]
    if proc.returncode != 0 and not hazards:
        return None, "exit code %d:\n%s" % (proc.returncode, proc.stdout[-2000:])
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            hazards += json.load(f).get("hazards", [])
        os.unlink(out)
    return hazards, ""


def monitor_span(hazard):
    first = hazard.get("line", 0)
    last = hazard.get("last_line", first)
    # A slice that ends by falling off the end of a coroutine (no written
    # co_return) carries the location of the implicit return, which clang puts
    # on the opening line: the span then runs to the end of the function.
    if last < first:
        last = sys.maxsize
    return first, last


def lint(args, source, config=None):
    cmd = [args.clang_tidy, "--load=" + args.plugin, "--checks=-*,async-*", "--quiet",
           "-p", args.compile_db, source]
    if config:
        cmd.insert(3, "--config=" + config)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    if "error:" in proc.stdout and "clang-diagnostic-error" in proc.stdout:
        return None, proc.stdout
    findings = []
    for line in proc.stdout.splitlines():
        m = WARNING.match(line)
        if m and os.path.realpath(m.group(1)) == os.path.realpath(source):
            for check in m.group(4).split(","):
                findings.append({"check": check, "line": int(m.group(2))})
    return findings, ""


def available_checks(args):
    proc = subprocess.run([args.clang_tidy, "--load=" + args.plugin, "--checks=-*,async-*",
                           "--list-checks"], stdout=subprocess.PIPE, universal_newlines=True)
    return {l.strip() for l in proc.stdout.splitlines() if l.strip().startswith("async-")}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--programs", required=True, help="directory of the program sources")
    p.add_argument("--bin-dir", required=True, help="where the built programs are")
    p.add_argument("--compile-db", required=True)
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--docs", required=True, help="docs/checks, where limits must be written")
    p.add_argument("--output", required=True)
    p.add_argument("--timeout", type=int, default=60)
    p.add_argument("--skip-asan", action="store_true",
                   help="leave out the GROUND-TRUTH-RUN: asan programs (no ASan runtime)")
    args = p.parse_args()

    present = available_checks(args)
    stats = {c: {"programs": 0, "agree": 0, "monitor_only": 0, "lint_only": 0,
                 "known_limits": 0, "same_lines": 0, "available": c in present, "files": []} for c in CHECKS}
    failures = []
    rows = []
    left_out = set()  # checks of programs left out for want of the ASan runtime
    sources = sorted(f for f in os.listdir(args.programs) if f.endswith(".cpp"))
    for name in sources:
        source = os.path.join(args.programs, name)
        decls, limits = parse_program(source)
        asan = decls.pop("__asan__", False)
        config = decls.pop("__config__", None)
        if asan and args.skip_asan:
            left_out.update(decls)
            print("%s: left out (built with AddressSanitizer, whose runtime is missing)" % name)
            continue
        if not decls:
            failures.append("%s: declares no GROUND-TRUTH check" % name)
            continue
        exe = os.path.join(args.bin_dir, "gt-" + name[:-len(".cpp")])
        hazards, err = run_monitored(exe, args.timeout, source, asan,
                                     report_pending="async-missing-timeout" in decls)
        if hazards is None:
            failures.append("%s: did not run cleanly under the monitor: %s" % (name, err))
            continue
        findings, err = lint(args, source, config)
        if findings is None:
            failures.append("%s: does not compile for clang-tidy:\n%s" % (name, err))
            continue
        for check, expected in sorted(decls.items()):
            if check not in stats:
                failures.append("%s: unknown check %s" % (name, check))
                continue
            st = stats[check]
            st["programs"] += 1
            st["files"].append("test/ground-truth/programs/" + name)
            spans = [monitor_span(h) for h in hazards if h.get("check") == check]
            mon = sorted({a for a, _ in spans})
            lin = sorted({f["line"] for f in findings if f["check"] == check})
            saw_m, saw_l = bool(mon), bool(lin)
            # The program's own claim keeps the programs honest: a "hazard" program
            # must make the hazard happen, a "safe" one must not.
            if (expected == "hazard") != saw_m:
                failures.append("%s: declared %s for %s but the monitor %s" % (
                    name, expected, check, "saw it" if saw_m else "saw nothing"))
            if not st["available"]:
                verdict = "check missing"
            elif saw_m == saw_l:
                verdict = "agree"
                st["agree"] += 1
                # Informational: does a finding fall on the lines the monitor saw run?
                if saw_m and any(a <= l <= b for l in lin for a, b in spans):
                    verdict = "agree, same lines"
                    st["same_lines"] += 1
                if any(c == check for c, _ in limits):
                    failures.append("%s: %s agrees now; its GROUND-TRUTH-LIMIT line must go" % (name, check))
            else:
                kind = "monitor_only" if saw_m else "lint_only"
                st[kind] += 1
                why = limits.get((check, kind))
                if why:
                    verdict = kind + " (known limit)"
                    st["known_limits"] += 1
                    # Documented means: the check's page names the program under its known
                    # limitations or its ground truth.
                    doc = os.path.join(args.docs, check + ".md")
                    program = os.path.splitext(name)[0]
                    if not os.path.exists(doc) or program not in open(doc, encoding="utf-8").read():
                        failures.append("%s: limit for %s is not described in %s (name the program there)"
                                        % (name, check, doc))
                else:
                    verdict = kind
                    failures.append("%s: %s: monitor %s, lint %s" % (name, check, mon or "-", lin or "-"))
            rows.append((name, check, expected, ",".join(map(str, mon)) or "-",
                         ",".join(map(str, lin)) or "-", verdict))

    report = {"checks": {c: {k: v for k, v in s.items()} for c, s in stats.items()}}
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    os.replace(tmp, args.output)

    print("%-44s %-34s %-7s %-9s %-9s %s" % ("program", "check", "claim", "monitor", "lint", "verdict"))
    for r in rows:
        print("%-44s %-34s %-7s %-9s %-9s %s" % r)
    print()
    print("%-34s %8s %6s %10s %13s %10s %6s" % ("check", "programs", "agree", "same_lines",
                                                "monitor_only", "lint_only", "limits"))
    for c in CHECKS:
        s = stats[c]
        note = "" if s["available"] else "  (check not in the plugin yet)"
        print("%-34s %8d %6d %10d %13d %10d %6d%s" % (c, s["programs"], s["agree"], s["same_lines"],
                                                       s["monitor_only"], s["lint_only"],
                                                       s["known_limits"], note))
    for c in CHECKS:
        if stats[c]["programs"] < 4 and not (c in left_out and stats[c]["programs"] == 0):
            failures.append("%s has %d ground-truth programs; at least 4 are required" % (c, stats[c]["programs"]))
    if failures:
        print("\nground truth: %d problem(s)" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    print("\nground truth: every check agrees with the monitor (%s)" % args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
