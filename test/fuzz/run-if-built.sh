#!/bin/sh
# Runs the fuzz target if it was built (it is not part of `ninja`'s default
# targets: `ninja asynclint-fuzz`); otherwise CTest reports the test skipped.
if [ ! -x "$1" ]; then
  echo "asynclint-fuzz is not built: run 'ninja asynclint-fuzz' first"
  exit 77
fi
exec "$@"
