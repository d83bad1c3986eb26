#!/bin/sh
# fuzz/run-fuzz.sh: builds the libFuzzer harnesses and runs each one
#
#   run-fuzz.sh SRCDIR MINUTES        (make fuzz FUZZ_MINUTES=N calls this)
#
# Environment (set by make fuzz): FUZZ_CC (clang), FUZZ_DIR (the working
# directory: objects, binaries, corpora, logs, artifacts), FUZZ_SOURCES
# (the library's .c files), FUZZ_CPPFLAGS, FUZZ_DEPS_CFLAGS,
# FUZZ_DEPS_LIBS, FUZZ_DICT (libxml2's xml.dict, used when present);
# FUZZ_HARNESSES (default "load values api tables"); FUZZ_PARALLEL=yes runs the
# harnesses at the same time (at most two are ever worth it on two cores);
# FUZZ_NICE (default 19).
#
# Each harness runs on a writable corpus in $FUZZ_DIR/corpus-NAME, seeded
# from tests/data and fuzz/regressions (what it finds stays there for the
# next run); the api and tables harnesses from fuzz/seeds-NAME and the
# regressions named NAME-*. A crash, hang, leak or out-of-memory input is saved as
# $FUZZ_DIR/artifacts-NAME/{crash,timeout,leak,oom}-*; make it a fixture in
# fuzz/regressions/ once fixed. The summary gives executions, coverage
# (cov: edges, ft: features) and findings per harness.
set -eu

srcdir=${1:?usage: run-fuzz.sh SRCDIR MINUTES}
minutes=${2:-1}
: "${FUZZ_CC:=clang}" "${FUZZ_DIR:=$PWD/fuzz-build}" "${FUZZ_HARNESSES:=load values api tables}"
: "${FUZZ_PARALLEL:=no}" "${FUZZ_NICE:=19}" "${FUZZ_DICT:=}"
: "${FUZZ_SOURCES:?}" "${FUZZ_CPPFLAGS:?}" "${FUZZ_DEPS_CFLAGS:?}" "${FUZZ_DEPS_LIBS:?}"

command -v "$FUZZ_CC" >/dev/null 2>&1 || {
  echo "run-fuzz: $FUZZ_CC not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); print (s < 1 ? 1 : s) }')

sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-g -O1 $sanitize"
mkdir -p "$FUZZ_DIR/obj"

# the library, instrumented for coverage feedback
objects=
for src in $FUZZ_SOURCES; do
  obj="$FUZZ_DIR/obj/$(basename "$src" .c).o"
  # a header newer than the object counts as a change too: an object built
  # against an older struct or enum calls through the wrong slots
  if test ! -f "$obj" || test "$src" -nt "$obj" \
     || test -n "$(find "$srcdir/include" "$srcdir/lib" -name '*.h' -newer "$obj" 2>/dev/null | head -n 1)"; then
    # shellcheck disable=SC2086
    "$FUZZ_CC" $cflags -fsanitize=fuzzer-no-link $FUZZ_CPPFLAGS $FUZZ_DEPS_CFLAGS -c "$src" -o "$obj"
  fi
  objects="$objects $obj"
done

run_one () {
  name=$1
  bin="$FUZZ_DIR/fuzz-$name"
  corpus="$FUZZ_DIR/corpus-$name"
  artifacts="$FUZZ_DIR/artifacts-$name"
  log="$FUZZ_DIR/fuzz-$name.log"
  mkdir -p "$corpus" "$artifacts"
  # a writable copy of the seeds; what earlier runs found stays. The api
  # harness reads programs of operations, the tables harness sets of CSV
  # tables: seeds of their own, regressions named api-* and tables-*.
  if test "$name" = api || test "$name" = tables; then
    find "$srcdir/fuzz/seeds-$name" -type f -exec cp -f {} "$corpus/" \; 2>/dev/null || true
    find "$srcdir/fuzz/regressions" -type f -name "$name-*" -exec cp -f {} "$corpus/" \; 2>/dev/null || true
  else
    for d in valid invalid hostile roundtrip; do
      find "$srcdir/tests/data/$d" -type f -exec cp -f {} "$corpus/" \; 2>/dev/null || true
    done
    find "$srcdir/fuzz/regressions" -type f -exec cp -f {} "$corpus/" \; 2>/dev/null || true
  fi
  chmod -R u+w "$corpus"

  # values: short inputs are what matters (tokens), and keep it fast
  dict=
  timeout=10
  case $name in
    load) test -n "$FUZZ_DICT" && test -f "$FUZZ_DICT" && dict="-dict=$FUZZ_DICT"
          dict="$dict -max_len=65536" ;;
    values) dict="-dict=$srcdir/fuzz/values.dict -max_len=1024" ;;
    # a program of a few dozen operations; longer ones only repeat
    # (its values reach the 1 MiB cap, saved and reloaded several times a
    # run under ASan: 0.6 s alone, past 10 s once beside a CI run)
    api) dict="-max_len=4096"; timeout=30 ;;
    # the largest seed is 5 KB; a table loads, exports and loads again
    tables) dict="-dict=$srcdir/fuzz/tables.dict -max_len=16384" ;;
  esac
  echo "run-fuzz: fuzz-$name for $seconds s (log $log)"
  # shellcheck disable=SC2086
  nice -n "$FUZZ_NICE" "$bin" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" $dict "$corpus" >"$log" 2>&1 || true
}

for name in $FUZZ_HARNESSES; do
  # shellcheck disable=SC2086
  "$FUZZ_CC" $cflags -fsanitize=fuzzer $FUZZ_CPPFLAGS $FUZZ_DEPS_CFLAGS \
    "$srcdir/fuzz/fuzz-$name.c" $objects $FUZZ_DEPS_LIBS -o "$FUZZ_DIR/fuzz-$name"
done

pids=
for name in $FUZZ_HARNESSES; do
  if test "$FUZZ_PARALLEL" = yes; then
    run_one "$name" &
    pids="$pids $!"
  else
    run_one "$name"
  fi
done
for pid in $pids; do wait "$pid"; done

status=0
echo
echo "run-fuzz: summary ($seconds s per harness)"
for name in $FUZZ_HARNESSES; do
  log="$FUZZ_DIR/fuzz-$name.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corpus_size=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')
  findings=$(find "$FUZZ_DIR/artifacts-$name" -type f | wc -l)
  printf '  fuzz-%-7s executions %s, cov %s, ft %s, corpus %s, findings %s\n' \
    "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corpus_size:-?}" "$findings"
  if test "$findings" -gt 0; then
    find "$FUZZ_DIR/artifacts-$name" -type f | sed 's/^/    /'
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz-)' "$log" | head -n 5 | sed 's/^/    /'
    status=1
  elif test -z "$execs"; then
    # no final stats: the run died before its end without saving an input
    # (a crash while reading the seeds, say); never a quiet "0 findings"
    echo "    the harness stopped before its end; see $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY)' "$log" | head -n 3 | sed 's/^/    /'
    status=1
  fi
done
exit $status
