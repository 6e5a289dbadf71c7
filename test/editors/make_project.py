"""Makes a one-file project for the editor tests: DIR/napping.cpp (from Inputs/) and
DIR/compile_commands.json that compiles it with the mock headers of test/Inputs. (At the top, so
that no compile_commands.json of a directory above, such as asynclint's own build, is found.)"""
import argparse
import json
import os
import shutil

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("--inputs", required=True, help="test/Inputs (the mock headers)")
args = parser.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.abspath(args.dir)
shutil.rmtree(project, ignore_errors=True)
os.makedirs(project)
source = os.path.join(project, "napping.cpp")
shutil.copy(os.path.join(here, "Inputs", "napping.cpp"), source)
with open(os.path.join(project, "compile_commands.json"), "w") as f:
    json.dump([{"directory": project, "file": source,
                "arguments": ["clang++-19", "-std=c++20", "-isystem", os.path.abspath(args.inputs),
                              "-c", source]}], f, indent=1)
