"""Prints, as asynclint-include-prefix does, the include prefix that the benchmark
script (argv[1]) reads from each file named after it."""
import importlib.machinery
import importlib.util
import sys

loader = importlib.machinery.SourceFileLoader("bench", sys.argv[1])
spec = importlib.util.spec_from_loader("bench", loader)
bench = importlib.util.module_from_spec(spec)
loader.exec_module(bench)
out = sys.stdout.buffer
for path in sys.argv[2:]:
    with open(path, encoding="latin-1", newline="") as f:  # byte for byte, as the driver
        names = bench.include_prefix(f.read())
    out.write(("== %s\n" % path).encode("latin-1"))
    for name in names:
        out.write((name + "\n").encode("latin-1"))
