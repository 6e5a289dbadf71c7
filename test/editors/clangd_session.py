"""The LSP test of asynclint-clangd (test/editors/clangd-lsp.test): a project whose .clang-tidy
says only `Checks: async-*`, one whose .clangd says only `ClangTidy: Add: async-*`, and one whose
.clang-tidy also turns on bugprone-*, each opened in one clangd session. Prints what the editor
would show; FileCheck checks it."""
import argparse
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, describe, uri  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--clangd", required=True)
parser.add_argument("--inputs", required=True, help="test/Inputs (the mock headers)")
parser.add_argument("--workdir", required=True)
parser.add_argument("--clang-tidy-config", default="Checks: async-*\n")
parser.add_argument("--clangd-config", default="Diagnostics:\n  ClangTidy:\n    Add: async-*\n")
parser.add_argument("--mixed-config", default="Checks: 'async-*,bugprone-*'\n")
args = parser.parse_args()
args.clangd = os.path.abspath(args.clangd)
args.inputs = os.path.abspath(args.inputs)

here = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(here, "Inputs", "napping.cpp")).read()
shutil.rmtree(args.workdir, ignore_errors=True)
projects = {"tidy": (".clang-tidy", args.clang_tidy_config),
            "clangd": (".clangd", args.clangd_config),
            "mixed": (".clang-tidy", args.mixed_config)}
commands = []
for name, (config_name, config_text) in projects.items():
    os.makedirs(os.path.join(args.workdir, name))
    with open(os.path.join(args.workdir, name, config_name), "w") as f:
        f.write(config_text)
    path = os.path.join(args.workdir, name, "napping.cpp")
    with open(path, "w") as f:
        f.write(source)
    commands.append({"directory": os.path.dirname(path), "file": path,
                     "arguments": ["clang++-19", "-std=c++20", "-isystem", args.inputs,
                                   "-c", path]})
with open(os.path.join(args.workdir, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=1)

# Hermetic: the user's own clangd config (~/.config/clangd/config.yaml) stays out.
env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(args.workdir, "xdg"))
log = open(os.path.join(args.workdir, "clangd.log"), "w")
client = LspClient([args.clangd, "--background-index=false", "--log=error",
                    "--compile-commands-dir=" + args.workdir], args.workdir, stderr=log, env=env)
ok = False
try:
    info = client.initialize()
    print("server:", info.get("serverInfo", {}).get("name"), info.get("serverInfo", {}).get("version"))
    for name in projects:
        path = os.path.join(args.workdir, name, "napping.cpp")
        print(f"== {name}: open")
        client.open(path, source, version=1)
        diagnostics, _ = client.wait_diagnostics(path, 1)
        for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"], d.get("code", ""))):
            print(describe(d))
        sleeps = [d for d in diagnostics if d.get("code") == "async-sleep-in-coroutine"]
        if sleeps:
            actions = client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri(path)}, "range": sleeps[0]["range"],
                "context": {"diagnostics": sleeps}})
            # A clang-tidy fix-it reaches the editor as a quickfix code action.
            print("quick fixes for async-sleep-in-coroutine:",
                  [a.get("title") for a in actions or [] if a.get("kind") == "quickfix"])
            print("code actions for async-sleep-in-coroutine:",
                  [a.get("title") for a in actions or []])
        if name == "tidy":
            # Go to definition of `naps` in `co_await naps();` (line 22, 0-based 21): clangd's
            # own features still answer.
            line = source.splitlines().index("  co_await naps();")
            where = client.request("textDocument/definition", {
                "textDocument": {"uri": uri(path)},
                "position": {"line": line, "character": len("  co_await n")}})
            for loc in where or []:
                print("definition of naps: line %d" % (loc["range"]["start"]["line"] + 1))
        print(f"== {name}: edit")
        fixed = source.replace("  std::this_thread::sleep_for(std::chrono::milliseconds(100));\n",
                               "  co_await Awaitable{};\n")
        assert fixed != source
        client.change(path, fixed, version=2)
        diagnostics, _ = client.wait_diagnostics(path, 2)
        for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"], d.get("code", ""))):
            print(describe(d))
        print(f"== {name}: done")
    ok = True
finally:
    client.shutdown()
    log.close()
    if not ok:
        sys.stderr.write(open(os.path.join(args.workdir, "clangd.log")).read()[-4000:])
