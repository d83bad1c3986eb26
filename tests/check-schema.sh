#!/bin/sh
# The RELAX NG schemas accept every valid fixture and round-trip file, and
# give every invalid, hostile or inconsistent fixture the verdict its .expect
# file states (some problems only the library can see: those say
# "schema-valid"). data/klynge-2.rng covers both versions of the format;
# data/klynge-1.rng must give a version 1 file the same verdict and refuse
# every version 2 file, so version 1 means the same under both.
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
xmllint=${XMLLINT:-xmllint}
schema1="$srcdir/data/klynge-1.rng"
schema2="$srcdir/data/klynge-2.rng"
status=0; checked=0

# What SCHEMA says of FILE. Never --noent, never --xinclude: the hostile
# files must stay inert.
verdict () {
  if "$xmllint" --noout --nonet --relaxng "$1" "$2" >/dev/null 2>&1; then
    echo schema-valid
  else
    echo schema-invalid
  fi
}

# The version FILE's root claims: 2 if its start tag says so, else 1. Read
# as text, so that no hostile file is parsed for it.
version_of () {
  if tr '\n\r\t' '   ' <"$1" \
     | grep -aq "<[A-Za-z0-9_.:-]*landscape [^>]*version *= *[\"']2[\"']"; then
    echo 2
  else
    echo 1
  fi
}

# check FILE VERDICT: klynge-2.rng gives FILE the VERDICT; klynge-1.rng
# gives it the same if FILE is version 1, and refuses it otherwise.
check () {
  checked=$((checked + 1))
  got=$(verdict "$schema2" "$1")
  test "$got" = "$2" || { echo "FAIL: $1: expected $2 from klynge-2.rng, it says $got"; status=1; }
  if test "$(version_of "$1")" = 1; then want=$2; else want=schema-invalid; fi
  got=$(verdict "$schema1" "$1")
  test "$got" = "$want" || { echo "FAIL: $1: expected $want from klynge-1.rng, it says $got"; status=1; }
}

for f in "$srcdir"/data/denmark.xml "$srcdir"/tests/data/valid/*.xml "$srcdir"/tests/data/roundtrip/in/*.xml \
         "$srcdir"/tests/data/roundtrip/out/*.xml; do
  check "$f" schema-valid
done
for expect in "$srcdir"/tests/data/invalid/*.expect "$srcdir"/tests/data/hostile/*.expect \
              "$srcdir"/tests/data/inconsistent/*.expect; do
  check "${expect%.expect}.xml" "$(sed -n 2p "$expect")"
done
test $status = 0 && echo "PASS: $checked files, each under both schemas, verdicts as expected"
exit $status
