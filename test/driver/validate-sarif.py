"""Validates SARIF files against the 2.1.0 schema (draft-04) and GitHub's must-haves.

Usage: validate-sarif.py SCHEMA FILE... ; exits 1 with one line per problem.
Runs under Debian's /usr/bin/python3 (python3-jsonschema) if the given one lacks jsonschema.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft4Validator(schema)
problems = []
for path in sys.argv[2:]:
    log = json.load(open(path))
    for err in validator.iter_errors(log):
        problems.append(f"{path}: schema: {'/'.join(map(str, err.path))}: {err.message}")
    runs = log.get("runs", [])
    if len(runs) != 1:
        problems.append(f"{path}: expected one run, got {len(runs)}")
    for run in runs:
        rules = run["tool"]["driver"].get("rules", [])
        for rule in rules:
            for key in ("shortDescription", "fullDescription", "help"):
                if not rule.get(key, {}).get("text"):
                    problems.append(f"{path}: rule {rule.get('id')}: empty {key}")
        if "results" not in run:
            problems.append(f"{path}: no results array")
        for res in run.get("results", []):
            idx = res.get("ruleIndex")
            if idx is None or idx >= len(rules) or rules[idx]["id"] != res.get("ruleId"):
                problems.append(f"{path}: result with ruleIndex {idx} does not name {res.get('ruleId')}")
            loc = res["locations"][0]["physicalLocation"]
            if loc["artifactLocation"]["uri"].startswith("/"):
                problems.append(f"{path}: absolute uri {loc['artifactLocation']['uri']}")
            if "primaryLocationLineHash" not in res.get("partialFingerprints", {}):
                problems.append(f"{path}: result without primaryLocationLineHash")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
