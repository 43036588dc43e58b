#!/usr/bin/env bash
# Times the analyst's monitoring (issue 8) next to the best single SQL query
# per figure, on the demo sets, on SQLite and PostgreSQL, and prints a table
# per store and size (docs/performance.md). Not part of `make test`: making
# the 100k sets takes long. Run as root (the PostgreSQL cluster runs as the
# postgres user, see scripts/pg-test-cluster.sh).
#
#   bench/run-monitoring.sh [SIZE...]        default: 10000 100000
#
# Environment:
#   BUILD=build-bench          the RelWithDebInfo build used
#   DATA=/tmp/spiraal-bench    the SQLite sets, key files and results
#   STORES="sqlite postgresql" which stores to run
#   PG_DIR=/tmp/spiraal-pg-bench PG_PORT=55440  the cluster (started when not running; left running)
#   REPETITIONS=5              timed calls per figure (the table shows the median)
#   TABLE_ONLY=1               only print the tables of the runs already made
#
# A set is made once and reused: `demo-data` writes <name>.done with its
# wall time when it finishes, and a set without one is made again.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build-bench}
DATA=${DATA:-/tmp/spiraal-bench}
STORES=${STORES:-sqlite postgresql}
PG_DIR=${PG_DIR:-/tmp/spiraal-pg-bench}
PG_PORT=${PG_PORT:-55440}
REPETITIONS=${REPETITIONS:-5}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000 100000)
PSQL=/usr/lib/postgresql/15/bin/psql

mkdir -p "$DATA"
if [[ ${TABLE_ONLY:-0} != 1 ]]; then  # TABLE_ONLY=1: print the tables of earlier runs
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPIRAAL_BENCH=ON >/dev/null
nice -n 10 cmake --build "$BUILD" -j "${JOBS:-2}" --target spiraal spiraal_monitoring_bench

pg_admin_url=""
if [[ " $STORES " == *" postgresql "* ]]; then
  pg_admin_url=$(scripts/pg-test-cluster.sh start "$PG_DIR" "$PG_PORT")
fi

# db_of STORE SIZE: the --db address of a set.
db_of() {
  if [[ $1 == sqlite ]]; then
    echo "$DATA/sqlite-$2.db"
  else
    echo "${pg_admin_url%/*}/spiraal_bench_$2"
  fi
}

# make_set STORE SIZE: the demo set, made unless already complete.
make_set() {
  local store=$1 size=$2 name="$1-$2" db key
  db=$(db_of "$store" "$size")
  key="$DATA/$name.key"
  [[ -f $DATA/$name.done ]] && return
  echo "== making $name (demo-data --jobseekers $size)" >&2
  if [[ $store == sqlite ]]; then
    rm -f "$db" "$db-wal" "$db-shm"
  else
    "$PSQL" "$pg_admin_url" -qXc "DROP DATABASE IF EXISTS spiraal_bench_$size" -c "CREATE DATABASE spiraal_bench_$size"
  fi
  (umask 077 && printf 'b1 %s\n' "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" >"$key")
  local start end
  start=$(date +%s.%N)
  nice -n 10 "$BUILD/spiraal" demo-data --db "$db" --key-file "$key" --jobseekers "$size" \
    >"$DATA/$name.demo.log" 2>"$DATA/$name.demo.err"
  end=$(date +%s.%N)
  printf 'demo-data --jobseekers %s on %s: %.0f s wall (%s)\n' "$size" "$store" "$(awk "BEGIN { print $end - $start }")" \
    "$(head -1 "$DATA/$name.demo.log")" | tee "$DATA/$name.done" >&2
}

for size in "${SIZES[@]}"; do
  for store in $STORES; do
    make_set "$store" "$size"
    name="$store-$size"
    echo "== timing $name" >&2
    "$BUILD/bench/spiraal_monitoring_bench" --db "$(db_of "$store" "$size")" --key-file "$DATA/$name.key" \
      --repetitions "$REPETITIONS" --benchmark_out="$DATA/$name.json" --benchmark_out_format=json \
      --benchmark_format=console >"$DATA/$name.console" 2>"$DATA/$name.check" || {
      cat "$DATA/$name.check" >&2
      exit 1
    }
  done
done
fi

# One table per store and size: the median of each figure's raw query next
# to the median of the whole endpoint for the same filter.
python3 - "$DATA" "${SIZES[@]}" -- $STORES <<'EOF'
import json, sys
args = sys.argv[1:]
data, rest = args[0], args[1:]
sizes, stores = rest[:rest.index("--")], rest[rest.index("--") + 1:]
for size in sizes:
    for store in stores:
        name = f"{store}-{size}"
        print(f"\n### {store}, {size} jobseekers")
        print(open(f"{data}/{name}.done").read().strip())
        checked = open(f"{data}/{name}.check").read().splitlines()
        print("; ".join(l for l in checked if "started trajectories" in l or "dossiers" in l or "Load Average" in l))
        median = {}
        for b in json.load(open(f"{data}/{name}.json"))["benchmarks"]:
            if b.get("aggregate_name") == "median":
                filt, kind, figure = b["run_name"].split("/")[:3]
                median[(filt, kind, figure)] = b["real_time"]  # ms
        print("\n| filter | figure | endpoint (ms) | raw (ms) | ratio |")
        print("|---|---|---:|---:|---:|")
        for filt in dict.fromkeys(k[0] for k in median if k[1:] == ("endpoint", "indicators")):
            endpoint = median[(filt, "endpoint", "indicators")]
            raws = [(f, t) for (fl, k, f), t in median.items() if fl == filt and k == "raw"]
            for figure, t in raws:
                print(f"| {filt} | {figure} | {endpoint:.1f} | {t:.1f} | {endpoint / t:.1f} |")
            total = sum(t for _, t in raws)
            print(f"| {filt} | **all figures** (sum of the raw queries) | {endpoint:.1f} | {total:.1f} | {endpoint / total:.1f} |")
            print(f"| {filt} | (of the endpoint, counting in core: {median[(filt, 'endpoint', 'counting')]:.1f} ms; "
                  "the rest is gathering) | | | |")
        for (filt, kind, what), t in median.items():
            if kind == "caseload":
                print(f"\nCoordinator's caseload ({filt}, {what}, as the team dashboard asks): {t:.1f} ms")
EOF
