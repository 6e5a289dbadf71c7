"""Writes DIR/compile_commands.json: for each FILE, `clang++ FLAGS -c FILE`, run in
the file's directory.

  db-of.py DIR "FLAGS" FILE...
"""
import json
import os
import shlex
import sys

out, flags, files = sys.argv[1], shlex.split(sys.argv[2]), sys.argv[3:]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump([{"directory": os.path.dirname(os.path.abspath(p)), "file": os.path.abspath(p),
                "arguments": ["clang++", *flags, "-c", os.path.abspath(p)]} for p in files], f,
              indent=1)
