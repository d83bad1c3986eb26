#!/bin/sh
# tests/separate-build.sh: builds and tests a clean copy of the sources
# with extra compiler flags (make check-asan, make coverage call it).
#
#   separate-build.sh asan|tsan|coverage SRCDIR CFLAGS CORPUS
#
# SRCDIR is a fresh copy of the distributed sources (make distdir), so the
# build never touches the tree it came from, configured in place or not.
#   asan:     ASan+UBSan, every test of make check (the Check suites, the
#             fuzz seed replays, the pytest suites), then the hostile
#             corpus (make check-corpus) under the sanitizers.
#   tsan:     ThreadSanitizer: only what the threaded tests need (the
#             library, the typelib, three test programs), then the
#             concurrent readers (tests/test-threads, the threaded pytest),
#             the loader's threads (tests/test-xml-bulk) and the save's
#             direct-I/O thread (tests/test-xml-writer, case "atomic-save"),
#             every load on the threaded path; any report fails.
#   coverage: gcc --coverage, make check, then gcovr over lib/: fails when
#             lines < COVERAGE_MIN_LINES % or branches < COVERAGE_MIN_BRANCHES %.
set -eu

mode=${1:?usage: separate-build.sh asan|tsan|coverage SRCDIR CFLAGS CORPUS}
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
  tsan)
    # TSan needs a memory layout without high ASLR entropy ("unexpected
    # memory mapping" otherwise): everything runs under setarch -R.
    # Python is not instrumented; it runs with libtsan preloaded, so the
    # library it loads is watched. KLYNGE_TEST_BULK_FROM=0 sends every
    # load, however small, through the read-ahead thread and the bulk
    # worker; their handoffs (GAsyncQueue, GCond), like the save's, are
    # annotated for TSan (lib/klynge-lock-private.h).
    cc=${CC:-gcc}
    libtsan=$($cc -print-file-name=libtsan.so)
    python=$(command -v "${PYTHON:-/usr/bin/python3}")
    norandom="setarch $(uname -m) -R"
    TSAN_OPTIONS="halt_on_error=1:exitcode=66:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
    KLYNGE_TEST_BULK_FROM=0
    # GSlice hands memory between threads through magazines behind its
    # own mutexes, which TSan cannot see either; plain malloc it can
    G_SLICE=always-malloc
    export TSAN_OPTIONS KLYNGE_TEST_BULK_FROM G_SLICE
    ./configure --enable-werror=no --enable-python-tests=yes PYTHON="$python" \
      CFLAGS="$flags" LDFLAGS="$flags" >configure.out 2>&1 \
      || { tail -n 40 configure.out; exit 1; }
    # the generated sources first: naming targets skips BUILT_SOURCES
    { make lib/klynge-resources.c lib/klynge-resources.h \
      && $norandom make -j"$jobs" lib/libklynge-1.0.la Klynge-1.0.typelib \
           tests/test-threads tests/test-xml-bulk tests/test-xml-writer; } >build.out 2>&1 \
      || { tail -n 60 build.out; exit 1; }
    # NAME LOG COMMAND...: fails on a nonzero exit or any report. pytest
    # runs with -s: a report ends the process before pytest would show
    # what it captured.
    tsan_run () {
      name=$1 log=$2
      shift 2
      if ! "$@" >"$log" 2>&1 || grep -q 'WARNING: ThreadSanitizer' "$log"; then
        echo "tsan: $name failed ($log):"; tail -n 100 "$log"; exit 1
      fi
    }
    # PROGRAM [CK_RUN_CASE]: a Check program, one case or all
    tsan_check () {
      tsan_run "$1" "tests/$1.tsan.log" \
        env CK_FORK=no CK_TIMEOUT_MULTIPLIER=20 ${2:+CK_RUN_CASE=$2} \
        KLYNGE_TEST_SRCDIR="$PWD" KLYNGE_TEST_BUILDDIR="$PWD" $norandom "./tests/$1"
      grep -E '^[0-9]+%: Checks: ' "tests/$1.tsan.log" | sed "s/^/  tsan $1: /"
    }
    # the readers, then the loader's threads (the threaded path and the
    # one-thread path, large documents), then the saves that start the
    # direct-I/O thread (its threshold lowered through a test hook)
    tsan_check test-threads
    tsan_check test-xml-bulk
    tsan_check test-xml-writer atomic-save
    tsan_run pytest tests/test_threads.tsan.log \
      env GI_TYPELIB_PATH="$PWD" LD_LIBRARY_PATH="$PWD/lib/.libs" PYTHONPATH="$PWD/bindings/python" \
      KLYNGE_TEST_SRCDIR="$PWD" KLYNGE_TEST_BUILDDIR="$PWD" PYTHONDONTWRITEBYTECODE=1 \
      $norandom env LD_PRELOAD="$libtsan" "$python" -m pytest -s -q -p no:cacheprovider \
      bindings/python/tests/test_threads.py
    grep -E '[0-9]+ (passed|failed)' tests/test_threads.tsan.log | tail -n 1 | sed 's/^/  tsan pytest: /'
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
