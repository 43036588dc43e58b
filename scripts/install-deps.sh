#!/usr/bin/env bash
# Installs what Spiraal needs to build, run and test, on Debian 12 as root:
# the Debian packages that are missing, then the npm packages of
# package-lock.json (npm ci) when node_modules is absent or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git clang libclang-rt-14-dev
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpqxx-dev libsodium-dev
  libspdlog-dev libcli11-dev libmstch-dev libxlsxwriter-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql chromium poppler-utils nginx-light wrk
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
