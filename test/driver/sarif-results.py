#!/usr/bin/env python3
"""Prints the results (findings) and tool notifications of a SARIF file, one JSON
object per line, sorted: what must be identical between two asynclint runs."""
import json
import sys

run = json.load(open(sys.argv[1]))["runs"][0]
for r in sorted(json.dumps(r, sort_keys=True) for r in run["results"]):
    print(r)
for inv in run.get("invocations", []):
    for n in inv.get("toolExecutionNotifications", []):
        print(json.dumps(n, sort_keys=True))
