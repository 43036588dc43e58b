#!/usr/bin/env bash
# The coach workload over HTTP with wrk (issue 10): starts `spiraal serve`
# on a database made by `spiraal demo-data`, runs bench/load/spiraal.lua in
# each mode and prints one RESULT line per mode (throughput, latency
# percentiles, errors) plus the server's peak memory.
#
#   bench/run-load.sh DB [KEY_FILE]
#     DB: an SQLite file or a postgresql:// URL holding demo data
#   env: BIN (build-bench/spiraal), MODES ("mixed dossier caseload contact"),
#        DURATION (20s), CONNECTIONS (32), WRK_THREADS (2), SERVE_THREADS (64),
#        PORT (18080)
#
# Writes (contacts, score tables, actions) go into DB: use a copy.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/run-load.sh DB [KEY_FILE]}
key_args=()
[ -n "${2:-}" ] && key_args=(--key-file "$2")
bin=${BIN:-build-bench/spiraal}
port=${PORT:-18080}
work=$(mktemp -d /tmp/spiraal-load.XXXXXX)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

export SPIRAAL_COACH_TOKEN SPIRAAL_COORDINATOR_TOKEN SPIRAAL_LOAD_DATA="$work/data.lua"
SPIRAAL_COACH_TOKEN=$("$bin" token create --db "$db" "${key_args[@]}" --username coach --label load 2>/dev/null | tail -n 1)
SPIRAAL_COORDINATOR_TOKEN=$("$bin" token create --db "$db" "${key_args[@]}" --username coordinator --label load 2>/dev/null | tail -n 1)

"$bin" serve --db "$db" "${key_args[@]}" --port "$port" --threads "${SERVE_THREADS:-64}" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 200); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
node bench/load/prepare.mjs "http://127.0.0.1:$port" "$SPIRAAL_COACH_TOKEN" "$SPIRAAL_LOAD_DATA"

echo "load: $(nproc) cores, db $db, ${CONNECTIONS:-32} connections, ${DURATION:-20s} per mode, serve --threads ${SERVE_THREADS:-64}"
for mode in ${MODES:-mixed dossier caseload contact}; do
  SPIRAAL_LOAD_MODE=$mode wrk -t "${WRK_THREADS:-2}" -c "${CONNECTIONS:-32}" -d "${DURATION:-20s}" --latency \
    -s bench/load/spiraal.lua "http://127.0.0.1:$port" | grep '^RESULT'
done
echo "RESULT server_peak_rss_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$server/status)"
