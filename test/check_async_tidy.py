#!/usr/bin/env python3
"""Runs one asynclint check on one test file and checks what it reports.

Usage (the contract of clang-tidy's check_clang_tidy.py; this is our own code):

  check_async_tidy.py --clang-tidy=BIN [--plugin=SO] [-check-suffix=S[,S...]]
                      [-std=c++20[-or-later]] INPUT CHECK TEMP
                      [-- CLANG_TIDY_ARGS... [-- COMPILER_ARGS...]]

The input is copied to TEMP.cpp with every `// CHECK-*:` comment blanked (line
numbers are kept), the check runs with `-fix`, and then:
  CHECK-MESSAGES[-S]  FileCheck on the output; any other warning or error fails;
  CHECK-NOTES[-S]     the same, and every note must be expected too;
  CHECK-FIXES[-S]     FileCheck on the fixed file;
  none of them        the check must report nothing at all.
-std=c++20-or-later runs the test once per standard from C++20 on.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

LATER_STANDARDS = ["c++20", "c++23"]


def fail(msg):
    sys.stderr.write("check_async_tidy: " + msg + "\n")
    sys.exit(1)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def filecheck(input_text, check_file, prefixes, extra):
    cmd = ["FileCheck", "-input-file=-", check_file,
           "-check-prefixes=" + ",".join(prefixes), "-dump-input=fail"] + extra
    proc = subprocess.run(cmd, input=input_text, universal_newlines=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout)
        fail("FileCheck failed: " + " ".join(cmd))


def main():
    argv = sys.argv[1:]
    own, rest = argv, []
    if "--" in argv:
        i = argv.index("--")
        own, rest = argv[:i], argv[i + 1:]
    tidy_args, compiler_args = rest, []
    if "--" in rest:
        i = rest.index("--")
        tidy_args, compiler_args = rest[:i], rest[i + 1:]

    p = argparse.ArgumentParser(prefix_chars="-")
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("-check-suffix", "-check-suffixes", default="")
    p.add_argument("-std", default="c++20-or-later")
    p.add_argument("input")
    p.add_argument("check")
    p.add_argument("temp")
    args = p.parse_args(own)

    suffixes = [s.strip() for s in args.check_suffix.split(",") if s.strip()]
    for s in suffixes:
        if not re.match(r"^[A-Z0-9\-]+$", s):
            fail("check suffix '%s' must contain only A-Z, 0-9 and '-'" % s)

    def prefixes(kind):
        return ["%s-%s" % (kind, s) for s in suffixes] if suffixes else [kind]

    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    msg_prefixes, note_prefixes, fix_prefixes = (
        prefixes("CHECK-MESSAGES"), prefixes("CHECK-NOTES"), prefixes("CHECK-FIXES"))
    has = lambda ps: any(re.search(r"//\s*%s:" % re.escape(x), text) for x in ps)
    has_msgs, has_notes, has_fixes = has(msg_prefixes), has(note_prefixes), has(fix_prefixes)
    if has_msgs and has_notes:
        fail("use CHECK-MESSAGES or CHECK-NOTES, not both")

    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)

    if args.std.endswith("-or-later"):
        first = args.std[: -len("-or-later")]
        if first not in LATER_STANDARDS:
            fail("unknown standard " + first)
        standards = LATER_STANDARDS[LATER_STANDARDS.index(first):]
    else:
        standards = [args.std]

    tidy_args = list(tidy_args)
    if not any(a.startswith("-config") or a.startswith("--config") for a in tidy_args):
        tidy_args.append("--config={}")

    temp = args.temp + ".cpp"
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    for std in standards:
        with open(temp, "w", encoding="utf-8") as f:
            f.write(cleaned)
        cmd = [args.clang_tidy, "--load=" + args.plugin, temp, "-fix",
               "--checks=-*," + args.check, "--quiet"] + tidy_args + [
               "--", "-std=" + std] + compiler_args
        proc = run(cmd)
        out = proc.stdout
        # Messages refer to the temp file; keep only diagnostics lines for FileCheck.
        sys.stdout.write("------ %s: %s\n%s" % (std, " ".join(cmd), out))
        if "error:" in out and "clang-diagnostic-error" in out:
            fail("the test file does not compile:\n" + out)
        if has_fixes:
            with open(temp, encoding="utf-8") as f:
                fixed = f.read()
            filecheck(fixed, args.input, fix_prefixes, ["-strict-whitespace"])
        if has_msgs:
            filecheck(out, args.input, msg_prefixes,
                      ["-implicit-check-not={{warning|error}}:"])
        elif has_notes:
            filecheck(out, args.input, note_prefixes,
                      ["-implicit-check-not={{note|warning|error}}:"])
        if not has_msgs and not has_notes:
            found = [l for l in out.splitlines() if re.search(r"(warning|error):", l)]
            if found:
                fail("expected no diagnostics, got:\n" + "\n".join(found))


if __name__ == "__main__":
    main()
