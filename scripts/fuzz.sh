#!/usr/bin/env bash
# The libFuzzer harnesses of fuzz/ (see docs/reliability.md, "Fuzzing").
#
#   fuzz.sh [SECONDS]   configure and build build-fuzz with clang, then run
#                       each harness for SECONDS (default 20) on a copy of its
#                       seed corpus fuzz/corpus/<harness>/
#
# Prints one line per harness, "fuzz <name>: <execs> executions, <crashes>
# crashes", and exits non-zero when any harness crashed (a crash, a
# sanitizer report, a leak, a timeout or running out of memory). The
# reproducer is kept in build-fuzz/artifacts/<name>/; replay it with
# `build-fuzz/<name> <file>`. The committed corpus never grows: inputs the
# fuzzer finds go to a temporary directory that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_HARNESS=${1:-20}
JOBS=${JOBS:-$(nproc)}
BUILD_DIR=build-fuzz
HARNESSES=(json_body_fuzz form_fuzz csv_fuzz)

die() {
  echo "fuzz: $*" >&2
  exit 1
}
[[ "$SECONDS_PER_HARNESS" =~ ^[1-9][0-9]*$ ]] || die "seconds per harness must be a positive whole number, not '$SECONDS_PER_HARNESS'"
command -v clang++ >/dev/null 2>&1 || die "clang++ not found (scripts/install-deps.sh installs clang and libclang-rt-14-dev)"

CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPIRAAL_FUZZ=ON \
  -DSPIRAAL_BENCH=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${HARNESSES[@]}"

work=$(mktemp -d /tmp/spiraal-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

failed=0
for name in "${HARNESSES[@]}"; do
  corpus="$work/$name"
  artifacts="$BUILD_DIR/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  cp fuzz/corpus/"$name"/* "$corpus"/
  dict=()
  [ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
  log="$work/$name.log"
  status=0
  touch "$log.start"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$BUILD_DIR/$name" -max_total_time="$SECONDS_PER_HARNESS" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 -max_len=4096 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  # libFuzzer stops at the first crash and writes its input as an artifact.
  crashes=$(find "$artifacts" -type f -newer "$log.start" | wc -l)
  if ((status != 0)) && ((crashes == 0)); then crashes=1; fi
  echo "fuzz $name: ${execs:-0} executions, $crashes crashes"
  if ((status != 0)); then
    failed=1
    tail -n 60 "$log" >&2
    echo "fuzz $name: reproducer(s) in $artifacts/" >&2
  fi
done
exit $failed
