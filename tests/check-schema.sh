#!/bin/sh
# The RELAX NG schema accepts every valid fixture and round-trip file, and
# gives every invalid, hostile or inconsistent fixture the verdict its .expect
# file states
# (some problems only the library can see: those say "schema-valid").
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
xmllint=${XMLLINT:-xmllint}
schema="$srcdir/data/klynge-1.rng"
status=0; checked=0

for f in "$srcdir"/data/denmark.xml "$srcdir"/tests/data/valid/*.xml "$srcdir"/tests/data/roundtrip/in/*.xml \
         "$srcdir"/tests/data/roundtrip/out/*.xml; do
  checked=$((checked + 1))
  "$xmllint" --noout --nonet --relaxng "$schema" "$f" >/dev/null 2>&1 \
    || { echo "FAIL: schema rejects $f"; status=1; }
done
for expect in "$srcdir"/tests/data/invalid/*.expect "$srcdir"/tests/data/hostile/*.expect \
              "$srcdir"/tests/data/inconsistent/*.expect; do
  f=${expect%.expect}.xml
  verdict=$(sed -n 2p "$expect")
  checked=$((checked + 1))
  # never --noent, never --xinclude: the hostile files must stay inert
  if "$xmllint" --noout --nonet --relaxng "$schema" "$f" >/dev/null 2>&1; then got=schema-valid; else got=schema-invalid; fi
  test "$got" = "$verdict" || { echo "FAIL: $f: expected $verdict, schema says $got"; status=1; }
done
test $status = 0 && echo "PASS: $checked files, schema verdicts as expected"
exit $status
