#!/bin/sh
# debian/libklynge-1.0-0.symbols names exactly the symbols of
# tests/klynge.syms (which tests/check-symbols.sh holds equal to what the
# library exports), so that the package build, which runs dpkg-gensymbols
# -c4, fails on a symbol the library lost or gained without the symbols
# file saying so.  `make update-debian-symbols` rewrites the file.
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
builddir=${KLYNGE_TEST_BUILDDIR:-.}
symbols="$srcdir/debian/libklynge-1.0-0.symbols"
test -f "$symbols" || { echo "FAIL: no $symbols"; exit 1; }

listed=$(mktemp); packaged=$(mktemp)
trap 'rm -f "$listed" "$packaged"' EXIT
grep -v '^#' "$srcdir/tests/klynge.syms" | sed '/^$/d' | LC_ALL=C sort -u >"$listed"
sed -n 's/^ \([^ @]*\)@Base [^ ]*$/\1/p' "$symbols" | LC_ALL=C sort -u >"$packaged"

status=0
# every line is the header, a field, or " symbol@Base version"
if grep -nvE '^(lib[^ ]+\.so\.[0-9]+ [^ ]+ #MINVER#|\* [A-Za-z-]+: .+| [a-z_0-9]+@Base [0-9][^ ]*)$' "$symbols"; then
  echo "FAIL: the lines above of $symbols are not in dpkg-gensymbols' format"
  status=1
fi
# the header names the library's soname and the package named after it
soname_line=$(head -n 1 "$symbols")
lib="$builddir/lib/.libs/libklynge-1.0.so"
if test -f "$lib"; then
  soname=$(${OBJDUMP:-objdump} -p "$lib" | awk '$1 == "SONAME" { print $2 }')
  package=$(echo "$soname" | sed 's/\.so\./-/')
  if test "$soname_line" != "$soname $package #MINVER#"; then
    echo "FAIL: $symbols starts with \"$soname_line\", the library's soname is $soname (package $package)"
    status=1
  fi
fi
if ! diff -u "$listed" "$packaged"; then
  echo "FAIL: debian/libklynge-1.0-0.symbols differs from tests/klynge.syms (- listed, + packaged);"
  echo "      run make update-debian-symbols and review the diff"
  status=1
fi
test $status = 0 && echo "PASS: $(wc -l <"$packaged") symbols in debian/libklynge-1.0-0.symbols, as in tests/klynge.syms"
exit $status
