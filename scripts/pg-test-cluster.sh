#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests.
#
#   pg-test-cluster.sh start DIR PORT   create (if needed) and start a cluster in
#                                       DIR, listening on 127.0.0.1:PORT only;
#                                       prints the database URL as the last line
#   pg-test-cluster.sh stop DIR         stop the cluster and remove DIR
#
# The server runs as the `postgres` user (initdb refuses root), with trust
# authentication (local socket and loopback only) and fsync on. Its socket
# lives inside DIR so it never clashes with a system cluster. Tool output goes
# to stderr, so `URL=$(pg-test-cluster.sh start DIR PORT)` captures just the URL.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
MARKER=.spiraal-pg-test-cluster  # written by start; stop removes only marked directories
DB=spiraal_test

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

usage() {
  die "usage: $0 start DIR PORT | $0 stop DIR"
}

# Runs a command as the postgres user.
as_pg() {
  if [[ $(id -un) == postgres ]]; then
    "$@"
  else
    runuser -u postgres -- "$@"
  fi
}

check_environment() {
  local tool
  for tool in initdb pg_ctl createdb psql; do
    [[ -x $PG_BIN/$tool ]] || die "$PG_BIN/$tool not found; install postgresql-15"
  done
  id postgres >/dev/null 2>&1 || die "no 'postgres' user; install postgresql-15"
  if [[ $(id -un) != postgres ]]; then
    [[ $(id -u) == 0 ]] || die "must run as root or as postgres (the server runs as postgres)"
    command -v runuser >/dev/null || die "runuser not found (package util-linux)"
  fi
}

is_running() {
  [[ -f $1/data/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" status -D "$1/data" >/dev/null 2>&1
}

start() {
  local dir=$1 port=$2
  if [[ ! $port =~ ^[0-9]{1,5}$ ]] || ((port < 1 || port > 65535)); then
    die "PORT must be a number from 1 to 65535, got '$port'"
  fi
  check_environment
  mkdir -p "$dir"
  dir=$(realpath "$dir")
  local url="postgresql://postgres@127.0.0.1:$port/$DB"

  if is_running "$dir"; then
    local running_port
    running_port=$(sed -n 4p "$dir/data/postmaster.pid")
    [[ $running_port == "$port" ]] || die "the cluster in $dir is already running on port $running_port"
    echo "$url"
    return
  fi
  if [[ ! -f $dir/$MARKER && -n $(ls -A "$dir") ]]; then
    die "$dir is not empty and was not made by this script; refusing to use it"
  fi
  # Unix socket paths are limited to 107 bytes.
  ((${#dir} + ${#port} + 10 <= 107)) || die "DIR path too long for a unix socket: $dir"

  touch "$dir/$MARKER"
  chown postgres: "$dir"
  as_pg test -w "$dir" || die "user postgres cannot write to $dir (check the permissions of its parent directories)"

  if [[ ! -f $dir/data/PG_VERSION ]]; then
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-instructions >&2
    cat >>"$dir/data/postgresql.conf" <<EOF

# pg-test-cluster.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = on
EOF
    cat >"$dir/data/pg_hba.conf" <<EOF
# pg-test-cluster.sh: trust, local socket and loopback only
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
  fi
  # The port is given on the command line, so a stopped cluster can be restarted on another one.
  as_pg "$PG_BIN/pg_ctl" start -w -D "$dir/data" -l "$dir/server.log" -o "-p $port" >&2 || {
    tail -n 20 "$dir/server.log" >&2 || true
    die "server did not start (log: $dir/server.log)"
  }

  local exists
  exists=$(as_pg "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -XtAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'")
  [[ $exists == 1 ]] || as_pg "$PG_BIN/createdb" -h "$dir" -p "$port" -U postgres -O postgres "$DB" >&2
  echo "$url"
}

stop() {
  local dir=$1
  if [[ ! -d $dir ]]; then
    echo "pg-test-cluster: $dir does not exist, nothing to stop" >&2
    return
  fi
  [[ -f $dir/$MARKER ]] || die "$dir was not made by this script; refusing to remove it"
  check_environment
  if is_running "$dir"; then
    as_pg "$PG_BIN/pg_ctl" stop -w -m fast -D "$dir/data" >&2
  fi
  rm -rf -- "$dir"
}

case "${1:-}" in
  start) (($# == 3)) || usage; start "$2" "$3" ;;
  stop) (($# == 2)) || usage; stop "$2" ;;
  *) usage ;;
esac
