#!/bin/sh
# Runs the pytest suites (the klynge tool, the Python bindings) with the
# interpreter configure chose; prints pytest's summary line.
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
builddir=${KLYNGE_TEST_BUILDDIR:-.}
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE
suites="$srcdir/tests/cli"
test -d "$srcdir/bindings/python/tests" && suites="$suites $srcdir/bindings/python/tests"
cd "$builddir"
# -p no:cacheprovider: the source tree may be read-only (make distcheck)
exec "${PYTHON:-python3}" -m pytest -q -p no:cacheprovider --import-mode=importlib -rs $suites
