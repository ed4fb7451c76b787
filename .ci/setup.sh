#!/usr/bin/env bash
# Installs every Debian package that Basalt's build, tests and client checks need.
# Idempotent: installs only what is missing, runs `apt-get update` at most once,
# needs no stdin. Run as root (or with sudo available).
#
#   .ci/setup.sh               everything (build, tests, client checks)
#   .ci/setup.sh --build-only  only what compiling basaltd and basalt needs (the build stage of
#                              docker/Dockerfile uses this, so the package list stays in one place)
set -euo pipefail

BUILD_ONLY=0
case "${1:-}" in
  "") ;;
  --build-only) BUILD_ONLY=1 ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

BUILD_PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config
  # libraries (see DESIGN.md); catch2 too, since CMake configuration requires it
  libboost-dev libssl-dev librocksdb-dev libpg-query-dev protobuf-compiler libprotobuf-dev
  libspdlog-dev libfmt-dev prometheus-cpp-dev catch2 libcli11-dev libre2-dev
  # libpq: `basalt backup` and friends connect to a running server with it
  libpq-dev
)

TEST_PACKAGES=(
  # the oracle and the clients used by tests
  postgresql-15 postgresql-client-15 python3 python3-psycopg2 python3-psycopg python3-asyncpg
  libpostgresql-jdbc-java default-jdk-headless
  # test tooling (prometheus: scrapes basaltd in tests/server/metrics.py; promtool checks the exposition)
  procps psmisc iproute2 tzdata prometheus
)

PACKAGES=("${BUILD_PACKAGES[@]}")
if [ "$BUILD_ONLY" -eq 0 ]; then PACKAGES+=("${TEST_PACKAGES[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# node-postgres for the node-pg client check comes from the npm registry: Debian's node-pg
# conflicts with the Node.js these machines ship. Versions are pinned by package-lock.json.
install_node_pg() {
  [ "$BUILD_ONLY" -eq 0 ] || return 0
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/clients/node"
  if [ ! -d "$dir/node_modules/pg" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "setup: npm not found; node-pg client check will report the missing module" >&2
      return 0
    fi
    echo "setup: npm ci in tests/clients/node"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null) || \
      echo "setup: npm ci failed; node-pg client check will report the missing module" >&2
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  install_node_pg
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq </dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
install_node_pg
