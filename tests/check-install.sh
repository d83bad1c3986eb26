#!/bin/bash
# What a C programmer does: build a release tarball with --prefix, install
# it, build the README's C example with nothing but pkg-config, run it.
set -euo pipefail
srcdir=$(cd "${KLYNGE_TEST_SRCDIR:-.}" && pwd)
builddir=$(cd "${KLYNGE_TEST_BUILDDIR:-.}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

tarball=$(ls "$builddir"/klynge-*.tar.xz 2>/dev/null | tail -n 1 || true)
if test -z "$tarball"; then
  make -C "$builddir" dist >/dev/null
  tarball=$(ls "$builddir"/klynge-*.tar.xz | tail -n 1)
fi
tar -C "$work" -xJf "$tarball"
(cd "$work"/klynge-*/ && ./configure --prefix="$prefix" >/dev/null \
   && make -j"$(nproc)" >/dev/null && make install >/dev/null)

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pkg-config --exists klynge-1.0
schemas=$(pkg-config --variable=schemasdir klynge-1.0)
test -f "$schemas/klynge-1.rng" || { echo "FAIL: no schema at $schemas (from the .pc)"; exit 1; }
# klynge-2.rng includes klynge-1.rng by a relative name: both must be there
printf '<landscape xmlns="urn:klynge:landscape:1" version="2"><programmes/></landscape>\n' \
  | "${XMLLINT:-xmllint}" --noout --nonet --relaxng "$schemas/klynge-2.rng" - 2>/dev/null \
  || { echo "FAIL: the installed klynge-2.rng does not validate a version 2 file"; exit 1; }

# the C example exactly as the README shows it, kept equal to examples/hello.c
sed -n '/<!-- c-example-begin -->/,/<!-- c-example-end -->/p' "$srcdir/README.md" \
  | sed '1,2d;$d' | sed '$d' >"$work/example.c"
diff -u "$srcdir/examples/hello.c" "$work/example.c" || { echo "FAIL: README's C example differs from examples/hello.c"; exit 1; }
cc -Wall -Wextra -Werror "$work/example.c" -o "$work/example" $(pkg-config --cflags --libs klynge-1.0)
LD_LIBRARY_PATH="$prefix/lib" "$work/example" >"$work/out.txt"
grep -q '1 organisation(s), 1 member(s)' "$work/out.txt" || { echo "FAIL: unexpected output:"; cat "$work/out.txt"; exit 1; }
# the same program linked with an rpath runs with no environment at all
cc -Wall -Wextra -Werror "$work/example.c" -o "$work/example-rpath" $(pkg-config --cflags --libs klynge-1.0) \
   -Wl,-rpath,"$(pkg-config --variable=libdir klynge-1.0)"
env -i "$work/example-rpath" | grep -q '1 organisation(s), 1 member(s)' \
  || { echo "FAIL: the example linked with an rpath does not run without LD_LIBRARY_PATH"; exit 1; }
# an analyst's Python, from the same prefix, with only PYTHONPATH set (as
# docs/python.md documents for a prefix outside /usr)
package=$(find "$prefix" -path '*/klynge/__init__.py' | head -n 1)
test -n "$package" || { echo "FAIL: the Python package was not installed"; exit 1; }
env -i PATH=/usr/bin:/bin PYTHONPATH="$(dirname "$(dirname "$package")")" \
  /usr/bin/python3 -c "import klynge; print(klynge.default());
print('help:', 'Parameters:' in klynge.Klynge.Landscape.list_ancestors.__doc__)" >"$work/py.txt"
grep -q 'Landscape' "$work/py.txt" || { echo "FAIL: import klynge printed:"; cat "$work/py.txt"; exit 1; }
# help() reads the installed GIR ($datadir/gir-1.0, named by _paths.py)
grep -q 'help: True' "$work/py.txt" || { echo "FAIL: help() lacks the installed GIR's documentation"; exit 1; }

echo "PASS: installed from the tarball to $prefix; the README's C example builds with pkg-config alone and runs (LD_LIBRARY_PATH or an rpath); import klynge works from the prefix"
