#!/usr/bin/env python3
"""Latency of async-* findings in asynclint-clangd after an edit (docs/editors.md).

Opens a file in asynclint-clangd (a temp project: compile_commands.json with FLAGS and a
.clang-tidy saying CHECKS), waits for the first diagnostics (the preamble is built then), and
RUNS times sends a didChange that adds a thread-blocking `::usleep` to the first coroutine body
(every other edit takes it out again), timing didChange -> the publishDiagnostics of that version
(with the async-sleep-in-coroutine finding on the edits that add it).

  scripts/bench-clangd-latency.py --clangd build/bin/asynclint-clangd \\
      /usr/share/doc/libasio-dev/examples/cpp17/coroutines_ts/chat_server.cpp \\
      -- -std=c++20 -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1
"""
import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "editors"))
from lsp_client import LspClient  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--clangd", required=True)
parser.add_argument("--checks", default="async-*", help="the .clang-tidy Checks (default async-*)")
parser.add_argument("--runs", type=int, default=6)
parser.add_argument("file")
parser.add_argument("flags", nargs="*")
args = parser.parse_args()
args.clangd = os.path.abspath(args.clangd)

source = open(args.file).read()
# The first `awaitable<...> name(...)` / `Task<...>` body: insert right after its `{`.
match = re.search(r"\b(?:awaitable|Task)<[^>]*>\s+\w+\s*\([^)]*\)\s*\{", source)
if not match:
    sys.exit("bench-clangd-latency: no coroutine body (awaitable<...> f(...) {) in " + args.file)
insert_at = match.end()

# With --checks=-* (clangd without clang-tidy checks, the baseline) no finding is expected.
expect_async = any(glob.startswith("async") for glob in args.checks.split(","))
work = tempfile.mkdtemp(prefix="asynclint-clangd-bench-")
try:
    path = os.path.join(work, os.path.basename(args.file))
    with open(path, "w") as f:
        f.write(source)
    with open(os.path.join(work, ".clang-tidy"), "w") as f:
        f.write(f"Checks: '{args.checks}'\n")
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": path,
                    "arguments": ["clang++-19", *args.flags, "-c", path]}], f)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
    client = LspClient([args.clangd, "--background-index=false", "--log=error"], work, env=env)
    try:
        client.initialize()
        start = time.monotonic()
        client.open(path, source, version=1)
        diagnostics, at = client.wait_diagnostics(path, 1, timeout=600)
        print("open (preamble + main file): %.2f s, %d diagnostics, async-* codes: %s" % (
            at - start, len(diagnostics),
            sorted({d.get("code") for d in diagnostics if str(d.get("code", "")).startswith("async-")})))
        times = []
        for run in range(args.runs):
            version = run + 2
            adds = run % 2 == 0
            text = (source[:insert_at] + f"\n  ::usleep(1000); // edit {run}\n" + source[insert_at:]
                    if adds else source[:insert_at] + f"\n  // edit {run}\n" + source[insert_at:])
            start = time.monotonic()
            client.change(path, text, version)
            diagnostics, at = client.wait_diagnostics(path, version, timeout=600)
            found = any(d.get("code") == "async-sleep-in-coroutine" for d in diagnostics)
            if found != (adds and expect_async):
                sys.exit(f"bench-clangd-latency: edit {run}: async-sleep-in-coroutine "
                         f"{'missing' if adds else 'still there'}")
            times.append(at - start)
            print("edit %d (%s usleep): %.3f s" % (run, "adds" if adds else "no", at - start))
        print("didChange -> publishDiagnostics: median %.3f s, min %.3f s, max %.3f s over %d edits"
              % (statistics.median(times), min(times), max(times), len(times)))
    finally:
        client.shutdown()
finally:
    shutil.rmtree(work, ignore_errors=True)
