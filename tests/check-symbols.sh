#!/bin/sh
# The library exports exactly the symbols listed in tests/klynge.syms, and
# every one of them starts with klynge_.
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
builddir=${KLYNGE_TEST_BUILDDIR:-.}
lib="$builddir/lib/.libs/libklynge-1.0.so"
test -f "$lib" || { echo "no $lib (built with --disable-shared?)"; exit 77; }

actual=$(mktemp); expected=$(mktemp)
trap 'rm -f "$actual" "$expected"' EXIT
${NM:-nm} -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWiu]$/ { print $3 }' | sed 's/@.*//' | LC_ALL=C sort -u >"$actual"
grep -v '^#' "$srcdir/tests/klynge.syms" | sed '/^$/d' | LC_ALL=C sort -u >"$expected"

status=0
if grep -v '^klynge_' "$actual"; then
  echo "FAIL: the symbols above are exported but do not start with klynge_"
  status=1
fi
if ! diff -u "$expected" "$actual"; then
  echo "FAIL: exported symbols differ from tests/klynge.syms (- listed, + exported)"
  status=1
fi
test $status = 0 && echo "PASS: $(wc -l <"$actual") symbols, all klynge_*, all listed"
exit $status
