#!/bin/sh
# Public headers: only <klynge/klynge.h> may be included; it compiles on
# its own, warning-free, as C and as C++.
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
builddir=${KLYNGE_TEST_BUILDDIR:-.}
cc=${CC:-cc}
flags="-I$srcdir/include -I$builddir/include $KLYNGE_DEPS_CFLAGS"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

printf '#include <klynge/klynge.h>\nint main (void) { return klynge_cvr_is_valid ("13748136") ? 0 : 1; }\n' >"$tmp/umbrella.c"
if ! $cc -std=c99 -Wall -Wextra -Werror -pedantic -Wno-overlength-strings $flags -c "$tmp/umbrella.c" -o "$tmp/umbrella.o"; then
  echo "FAIL: <klynge/klynge.h> does not compile cleanly on its own"; status=1
fi
if command -v "${CXX:-c++}" >/dev/null 2>&1; then
  cp "$tmp/umbrella.c" "$tmp/umbrella.cc"
  "${CXX:-c++}" -Wall -Werror $flags -c "$tmp/umbrella.cc" -o "$tmp/umbrella-cc.o" \
    || { echo "FAIL: <klynge/klynge.h> does not compile as C++"; status=1; }
fi
for header in "$srcdir"/include/klynge/klynge-*.h "$builddir"/include/klynge/klynge-version.h; do
  name=$(basename "$header")
  printf '#include <klynge/%s>\n' "$name" >"$tmp/direct.c"
  if $cc $flags -c "$tmp/direct.c" -o "$tmp/direct.o" 2>"$tmp/err"; then
    echo "FAIL: <klynge/$name> can be included directly"; status=1
  elif ! grep -q 'Only <klynge/klynge.h> can be included directly' "$tmp/err"; then
    echo "FAIL: <klynge/$name> fails to compile for another reason:"; cat "$tmp/err"; status=1
  fi
done
test $status = 0 && echo "PASS: umbrella header compiles; every other header refuses direct inclusion"
exit $status
