#!/bin/sh
# bench/klynge-generate writes valid klynge XML, the same bytes for the
# same seed: checked with more mergers than there are days for their
# effective dates, where a successor must not merge again on the day it
# was founded (seed 1 of the 2.7 GB size once did).
set -eu
srcdir=${KLYNGE_TEST_SRCDIR:-.}
builddir=${KLYNGE_TEST_BUILDDIR:-.}
generate="$builddir/bench/klynge-generate"
klynge=${KLYNGE_TOOL:-$builddir/tools/klynge}
xmllint=${XMLLINT:-xmllint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

for seed in 1 2 3; do
  f="$work/seed-$seed.xml"
  "$generate" --seed=$seed --organisations=30000 --members=2000 --memberships=60000 \
    --mergers=10000 --output="$f"
  "$klynge" validate "$f" >"$work/validate.out" 2>&1 \
    || { echo "FAIL: seed $seed: klynge validate:"; head -5 "$work/validate.out"; status=1; }
  "$xmllint" --noout --nonet --relaxng "$srcdir/data/klynge-1.rng" "$f" >/dev/null 2>&1 \
    || { echo "FAIL: seed $seed: the schema rejects the file"; status=1; }
done
"$generate" --seed=1 --organisations=30000 --members=2000 --memberships=60000 \
  --mergers=10000 --output="$work/again.xml"
cmp -s "$work/seed-1.xml" "$work/again.xml" || { echo "FAIL: seed 1 gave different bytes twice"; status=1; }
# --roles: valid version 2, and with the roles and end reasons taken out,
# the same bytes as without them (their own random sequence)
"$generate" --seed=1 --organisations=30000 --members=2000 --memberships=60000 \
  --mergers=10000 --roles --output="$work/roles.xml"
"$klynge" validate "$work/roles.xml" >"$work/validate.out" 2>&1 \
  || { echo "FAIL: --roles: klynge validate:"; head -5 "$work/validate.out"; status=1; }
"$xmllint" --noout --nonet --relaxng "$srcdir/data/klynge-2.rng" "$work/roles.xml" >/dev/null 2>&1 \
  || { echo "FAIL: --roles: the schema rejects the file"; status=1; }
grep -q ' role="' "$work/roles.xml" && grep -q ' end="' "$work/roles.xml" \
  || { echo "FAIL: --roles wrote no role or no end"; status=1; }
sed -e '/<membership /{s/ role="[a-z]*"//; s/ end="[a-z]*"//;}' -e '2s/version="2"/version="1"/' "$work/roles.xml" \
  | cmp -s - "$work/seed-1.xml" || { echo "FAIL: --roles changed more than the roles"; status=1; }
test $status = 0 && echo "PASS: three seeds valid, the same bytes for the same seed; --roles adds only roles"
exit $status
