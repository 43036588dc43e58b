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
#        PORT (18080), INSTANCES (1): with 2 or more, that many `spiraal
#        serve` on ports PORT+1… behind nginx on PORT (a PostgreSQL --db);
#        BEHIND_NGINX=1 puts nginx in front of a single instance too (its
#        cost alone; not "NGINX", which nginx reads for inherited sockets)
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
instances=${INSTANCES:-1}
servers=()
proxy=
cleanup() {
  if [ -n "$proxy" ]; then kill -QUIT "$proxy" 2>/dev/null || true; wait "$proxy" 2>/dev/null || true; fi
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

export SPIRAAL_COACH_TOKEN SPIRAAL_COORDINATOR_TOKEN SPIRAAL_LOAD_DATA="$work/data.lua"
SPIRAAL_COACH_TOKEN=$("$bin" token create --db "$db" "${key_args[@]}" --username coach --label load 2>/dev/null | tail -n 1)
SPIRAAL_COORDINATOR_TOKEN=$("$bin" token create --db "$db" "${key_args[@]}" --username coordinator --label load 2>/dev/null | tail -n 1)

up() { for _ in $(seq 200); do curl -fsS "$1/healthz" >/dev/null 2>&1 && return; sleep 0.05; done; echo "load: $1 did not come up" >&2; exit 1; }
serve() {  # serve PORT
  "$bin" serve --db "$db" "${key_args[@]}" --port "$1" --threads "${SERVE_THREADS:-64}" >"$work/serve-$1.log" 2>&1 &
  servers+=($!)
  up "http://127.0.0.1:$1"
}
if ((instances == 1)) && [ "${BEHIND_NGINX:-0}" != 1 ]; then
  serve "$port"
else
  # nginx in the foreground with a private prefix, as deploy/nginx-spiraal.conf but without TLS.
  upstreams=
  for ((k = 1; k <= instances; k++)); do
    serve $((port + k))
    upstreams+="    server 127.0.0.1:$((port + k));"$'\n'
  done
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
$( ((EUID == 0)) && echo 'user root;')
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream spiraal {
$upstreams    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://spiraal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  proxy=$!
  up "http://127.0.0.1:$port"
fi
node bench/load/prepare.mjs "http://127.0.0.1:$port" "$SPIRAAL_COACH_TOKEN" "$SPIRAAL_LOAD_DATA"

echo "load: $(nproc) cores, db $db, $instances instance(s)$([ -n "$proxy" ] && echo " behind nginx"), ${CONNECTIONS:-32} connections, ${DURATION:-20s} per mode, serve --threads ${SERVE_THREADS:-64}"
for mode in ${MODES:-mixed dossier caseload contact}; do
  SPIRAAL_LOAD_MODE=$mode wrk -t "${WRK_THREADS:-2}" -c "${CONNECTIONS:-32}" -d "${DURATION:-20s}" --latency \
    -s bench/load/spiraal.lua "http://127.0.0.1:$port" | grep '^RESULT'
done
for pid in "${servers[@]}"; do
  echo "RESULT server_peak_rss_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)"
done
