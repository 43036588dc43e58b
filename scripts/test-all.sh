#!/usr/bin/env bash
# Every test suite, as CI runs it: unit, store and API tests against SQLite
# and a throw-away PostgreSQL; the same again under AddressSanitizer and
# UndefinedBehaviorSanitizer; a short libFuzzer run of the input parsers
# (clang); the browser tests in Debian's chromium; then the fault tests
# (kill -9 rounds on both stores, and two instances behind nginx with one killed).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
# Each stage's heading also says how long the run has taken so far, so that
# CI's log shows where its time goes.
stage() { printf '== [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

pg_dir=$(mktemp -d /tmp/spiraal-pg.XXXXXX)
rmdir "$pg_dir"  # the cluster script creates it
cleanup() { scripts/pg-test-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
SPIRAAL_TEST_PG_URL=$(scripts/pg-test-cluster.sh start "$pg_dir" "${SPIRAAL_TEST_PG_PORT:-55432}" | tail -n 1)
export SPIRAAL_TEST_PG_URL
stage "PostgreSQL for tests: $SPIRAAL_TEST_PG_URL"

stage "build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$JOBS"
stage "unit, store and API tests (SQLite and PostgreSQL)"
(cd build && ctest -j "$JOBS" --output-on-failure)

stage "the same under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSPIRAAL_SANITIZE=ON -DSPIRAAL_BENCH=OFF >/dev/null
cmake --build build-asan -j "$JOBS"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest -j "$JOBS" --output-on-failure)

stage "fuzzing the input parsers, 20 s per harness (scripts/fuzz.sh)"
scripts/fuzz.sh 20

stage "browser tests (Playwright with Debian's chromium)"
SPIRAAL_BIN="$PWD/build/spiraal" node --test --test-timeout=300000 tests/browser/

stage "fault tests: kill -9 during acknowledged writes, SQLite and PostgreSQL; backup round trip; two instances behind nginx"
SPIRAAL_BIN="$PWD/build/spiraal" node --test --test-timeout=300000 tests/fault/
stage "all suites passed"
