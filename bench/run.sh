#!/usr/bin/env bash
# Basalt next to PostgreSQL 15 on this machine, in one interleaved run of
# ../shared/bench/pgbench-compare.sh (PostgreSQL started by that script with
# fsync and synchronous_commit on; Basalt with its defaults, which are durable).
#
# Uses the release binaries in $BUILD_DIR (default build/, as `make bench` builds them), initialises a fresh Basalt data
# directory under a temporary directory, starts basaltd on a free loopback port,
# runs the comparison, stops basaltd by pid and writes the summary to
# bench/results/<date>/ (raw figures) and prints it. Arguments after the script
# name go to pgbench-compare.sh and override the defaults below, e.g.
#   bash bench/run.sh --mode select-only,select1 --clients 8 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${BASALT_SHARED:-$ROOT/../shared}
COMPARE=$SHARED/bench/pgbench-compare.sh
[[ -x $COMPARE || -f $COMPARE ]] || { echo "bench: $COMPARE not found" >&2; exit 2; }

BUILD_DIR=${BUILD_DIR:-build}
[[ -x $BUILD_DIR/basaltd && -x $BUILD_DIR/basalt ]] || make build BUILD_DIR="$BUILD_DIR" >/dev/null
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d /tmp/basalt-bench.XXXXXX)
chmod 755 "$WORK"
BPORT=$(free_port)
PPORT=$(free_port)
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BUILD_DIR"/basalt init -D "$WORK/basalt" >/dev/null 2>&1
"$BUILD_DIR"/basaltd -D "$WORK/basalt" -p "$BPORT" -c listen_addresses=127.0.0.1 >"$WORK/basaltd.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  pg_isready -q -h 127.0.0.1 -p "$BPORT" && break
  sleep 0.1
done
psql -q -h 127.0.0.1 -p "$BPORT" -U basalt -d basalt -c "CREATE DATABASE bench"

DATE=$(date +%F)
OUT=$ROOT/bench/results/$DATE-$(date +%H%M)
mkdir -p "$(dirname "$OUT")"
bash "$COMPARE" --start-postgres "$WORK/pg" "$PPORT" \
  --b "host=127.0.0.1 port=$BPORT user=basalt dbname=bench" --b-name basalt \
  --scale 10 --clients 8,32 --rounds 3 --seconds 20 \
  --mode copy-load,select-only,select-only-prepared,tpcb,simple-update,select1 \
  --out "$OUT" "$@"
echo "bench: raw results in $OUT; machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
