#!/usr/bin/env bash
# Installs every Debian package that Basalt's build, tests and client checks need.
# Idempotent: installs only what is missing, runs `apt-get update` at most once,
# needs no stdin. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config
  # libraries (see DESIGN.md)
  libboost-dev libssl-dev librocksdb-dev libpg-query-dev protobuf-compiler libprotobuf-dev
  libspdlog-dev libfmt-dev prometheus-cpp-dev catch2 libcli11-dev libre2-dev
  # the oracle and the clients used by tests
  postgresql-15 postgresql-client-15 python3 python3-psycopg2 python3-psycopg python3-asyncpg
  libpostgresql-jdbc-java
  # test tooling
  procps psmisc iproute2 tzdata
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq </dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
