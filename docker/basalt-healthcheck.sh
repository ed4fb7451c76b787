#!/usr/bin/env bash
# docker/basalt-healthcheck.sh: the image's HEALTHCHECK. Healthy when the real basaltd (started
# by docker-entrypoint.sh, which then writes /tmp/.basalt-port) answers a connection attempt on
# 127.0.0.1. pg_isready counts an authentication request as an answer, so no password is needed.
# Unhealthy during the init phase: the temporary server listens then, but the port file is absent.
set -eu
port_file=/tmp/.basalt-port
[ -r "$port_file" ] || { echo "basaltd not started yet (no $port_file)"; exit 1; }
port="$(cat "$port_file")"
exec pg_isready -h 127.0.0.1 -p "$port" -U "${POSTGRES_USER:-postgres}" -d postgres -t 4
