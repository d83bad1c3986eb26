#!/bin/bash
# Installs into a temporary prefix and builds the README's C example with
# nothing but pkg-config, then runs it: what a C programmer does.
set -euo pipefail
srcdir=$(cd "${KLYNGE_TEST_SRCDIR:-.}" && pwd)
builddir=$(cd "${KLYNGE_TEST_BUILDDIR:-.}" && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

make -C "$builddir" install prefix="$prefix" >/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pkg-config --exists klynge-1.0
schemas=$(pkg-config --variable=schemasdir klynge-1.0)
test -f "$schemas/klynge-1.rng" || { echo "FAIL: no schema at $schemas (from the .pc)"; exit 1; }

# the C example as the README shows it
sed -n '/<!-- c-example-begin -->/,/<!-- c-example-end -->/p' "$srcdir/README.md" \
  | sed '1,2d;$d' | sed '$d' >"$prefix/example.c"
grep -q 'klynge/klynge.h' "$prefix/example.c" || { echo "FAIL: no C example found in README.md"; exit 1; }
diff -u "$srcdir/examples/hello.c" "$prefix/example.c" || { echo "FAIL: README's C example differs from examples/hello.c"; exit 1; }
cc -Wall -Wextra -Werror "$prefix/example.c" -o "$prefix/example" $(pkg-config --cflags --libs klynge-1.0)
LD_LIBRARY_PATH="$prefix/lib" "$prefix/example" >"$prefix/out.txt"
grep -q 'organisation' "$prefix/out.txt" || { echo "FAIL: the example printed nothing useful"; cat "$prefix/out.txt"; exit 1; }
echo "PASS: installed to a prefix; the README's C example builds with pkg-config alone and runs"
