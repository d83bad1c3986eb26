#!/bin/sh
# tests/separate-build.sh: builds and tests a clean copy of the sources
# with extra compiler flags (make check-asan, make coverage call it).
#
#   separate-build.sh asan|coverage SRCDIR CFLAGS CORPUS
#
# SRCDIR is a fresh copy of the distributed sources (make distdir), so the
# build never touches the tree it came from, configured in place or not.
#   asan:     ASan+UBSan, every test of make check (the Check suites, the
#             fuzz seed replays, the pytest suites), then the hostile
#             corpus (make check-corpus) under the sanitizers.
#   coverage: gcc --coverage, make check, then gcovr over lib/: fails when
#             lines < COVERAGE_MIN_LINES % or branches < COVERAGE_MIN_BRANCHES %.
set -eu

mode=${1:?usage: separate-build.sh asan|coverage SRCDIR CFLAGS CORPUS}
src=${2:?}
flags=${3:?}
corpus=${4:-}
jobs=$(nproc 2>/dev/null || echo 2)

cd "$src"
show_failures () {
  for log in $(grep -lE '^(FAIL|ERROR)' tests/*.log fuzz/*.log 2>/dev/null || true); do
    echo "--- $log"; tail -n 60 "$log"
  done
  test -f test-suite.log && tail -n 80 test-suite.log
  # what the sanitizers said inside Python (pytest hides a dying process)
  for log in sanitizer-python.*; do
    test -f "$log" && { echo "--- $log"; head -n 40 "$log"; }
  done
  return 0
}

case $mode in
  asan)
    # Leaks are looked for in every C program (GLib's allocations held until
    # exit are reachable, not leaks). The introspection scanner runs a
    # sanitized helper while building: no leak check there. Python is not
    # built with the sanitizers, so the Python tests run an interpreter
    # with libasan and libubsan preloaded and leak checks off (Python
    # itself keeps memory to the end); the tool they run is sanitized
    # itself.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_odr_violation=0}
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    export ASAN_OPTIONS UBSAN_OPTIONS
    cc=${CC:-gcc}
    libasan=$($cc -print-file-name=libasan.so)
    libubsan=$($cc -print-file-name=libubsan.so)
    python=$(command -v "${PYTHON:-/usr/bin/python3}")
    cat >asan-python <<WRAPPER
#!/bin/sh
# $python with the sanitizer runtimes preloaded (tests/separate-build.sh)
LD_PRELOAD="$libasan $libubsan\${LD_PRELOAD:+ \$LD_PRELOAD}" \\
ASAN_OPTIONS="\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}detect_leaks=0:log_path=$PWD/sanitizer-python" \\
UBSAN_OPTIONS="\${UBSAN_OPTIONS:+\$UBSAN_OPTIONS:}log_path=$PWD/sanitizer-python" \\
exec "$python" "\$@"
WRAPPER
    chmod +x asan-python
    ./configure --enable-werror=no --enable-python-tests=auto PYTHON="$python" \
      CFLAGS="$flags" LDFLAGS="$flags" >configure.out 2>&1 \
      || { tail -n 40 configure.out; exit 1; }
    ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" make -j"$jobs" >build.out 2>&1 \
      || { tail -n 60 build.out; exit 1; }
    CK_TIMEOUT_MULTIPLIER=10 make -j"$jobs" check PYTHON="$PWD/asan-python" || { show_failures; exit 1; }
    for log in tests/test-*.log; do
      line=$(grep -E '^[0-9]+%: Checks: ' "$log" || true)
      test -n "$line" && printf '  asan %-26s %s\n' "$(basename "${log%.log}")" "$line"
    done
    grep -h 'inputs replayed' fuzz/*.log | sed 's/^/  asan /'
    if test -f tests/run-pytest.sh.log; then
      grep -E '[0-9]+ (passed|failed)' tests/run-pytest.sh.log | tail -n 1 | sed 's/^/  asan pytest: /'
    fi
    if test -n "$corpus" && test -d "$corpus"; then
      make check-corpus KLYNGE_XML_CORPUS="$corpus"
    else
      echo "  asan: no hostile corpus at ${corpus:-(unset)}: check-corpus skipped"
    fi
    ;;
  coverage)
    command -v gcovr >/dev/null 2>&1 || { echo "coverage: gcovr not found (Debian: gcovr)" >&2; exit 2; }
    ./configure --enable-werror=no --enable-introspection=no \
      CFLAGS="$flags" LDFLAGS="$flags" >configure.out 2>&1 \
      || { tail -n 40 configure.out; exit 1; }
    make -j"$jobs" >build.out 2>&1 || { tail -n 60 build.out; exit 1; }
    CK_TIMEOUT_MULTIPLIER=4 make -j"$jobs" check >check.out 2>&1 || { show_failures; exit 1; }
    if test -n "$corpus" && test -d "$corpus"; then
      make check-corpus KLYNGE_XML_CORPUS="$corpus" >corpus.out 2>&1 || { cat corpus.out; exit 1; }
    fi
    mkdir -p coverage
    rm -f ./*conftest*.gc*
    gcovr --root "$PWD" --filter "$PWD/lib/" --exclude "$PWD/lib/klynge-resources\\.c" \
      --txt coverage/lib.txt --html-details coverage/index.html --print-summary \
      --fail-under-line "${COVERAGE_MIN_LINES:-90}" --fail-under-branch "${COVERAGE_MIN_BRANCHES:-75}"
    echo "coverage: per-file report in $PWD/coverage/lib.txt, HTML in $PWD/coverage/index.html"
    ;;
  *)
    echo "separate-build: unknown mode $mode" >&2; exit 2 ;;
esac
