#!/usr/bin/env bash
# docker/docker-entrypoint.sh: entrypoint of the Basalt image, modelled on the official postgres
# image's docker-entrypoint.sh so that the same `docker run` lines and environment work.
#
#   IMAGE                       -> basaltd (CMD)
#   IMAGE -p 5433 -c name=value -> basaltd -p 5433 -c name=value (first argument starts with '-')
#   IMAGE basaltd ...           -> basaltd ... (IMAGE postgres ... is accepted as an alias)
#   IMAGE bash / anything else  -> exec'd as given, without initialisation
#
# When it starts basaltd and the data directory holds no Basalt store yet, it initialises one:
# `basalt init` with the superuser POSTGRES_USER and its password, hba.conf opened to every
# address with POSTGRES_HOST_AUTH_METHOD (default scram-sha-256), listen_addresses = '*', then a
# temporary basaltd listening on 127.0.0.1 only creates POSTGRES_DB and runs
# /docker-entrypoint-initdb.d/*.sql, *.sql.gz and *.sh once, and is stopped again.
#
# Every POSTGRES_X variable has a BASALT_X equivalent (BASALT_X wins) and an X_FILE variant that
# names a file holding the value (Docker/Kubernetes secrets). Started as root (--user root), it
# fixes the data directory's ownership and drops to the basalt user, as the postgres image does.
set -Eeo pipefail

# basaltd reads BASALT_<SETTING> variables as settings and skips other names
# (conf/config_file.cpp), so the entrypoint's own BASALT_USER, _PASSWORD, _DB, _HOST_AUTH_METHOD
# and _INITDB_ARGS never reach it as settings.

# Written just before basaltd is exec'd; basalt-healthcheck.sh reads the port from it.
PORT_FILE=/tmp/.basalt-port

log() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# usage: file_env NAME [DEFAULT]: sets NAME from BASALT_NAME, BASALT_NAME_FILE, POSTGRES_NAME or
# POSTGRES_NAME_FILE (first one set wins; a variable and its _FILE twin together are an error).
file_env() {
	local name="$1" def="${2:-}" val="" prefix var fvar found=""
	for prefix in BASALT POSTGRES; do
		var="${prefix}_${name}"
		fvar="${var}_FILE"
		if [ -n "${!var:-}" ] && [ -n "${!fvar:-}" ]; then
			die "both $var and $fvar are set (but are exclusive)"
		fi
		if [ -n "${!var:-}" ]; then
			val="${!var}"; found=1; break
		elif [ -n "${!fvar:-}" ]; then
			[ -r "${!fvar}" ] || die "$fvar names \"${!fvar}\", which is not a readable file"
			val="$(< "${!fvar}")"; found=1; break
		fi
	done
	[ -n "$found" ] || val="$def"
	printf -v "ENTRY_${name}" '%s' "$val"
	# Resolved once: a re-exec after dropping root sees the value as POSTGRES_name.
	unset "BASALT_${name}" "BASALT_${name}_FILE" "POSTGRES_${name}_FILE"
	if [ -n "$found" ]; then export "POSTGRES_${name}=$val"; fi
}

setup_env() {
	file_env USER postgres
	file_env PASSWORD
	file_env DB "$ENTRY_USER"
	file_env HOST_AUTH_METHOD
	file_env INITDB_ARGS
	# The postgres image exports these for its init scripts: keep them visible to *.sh scripts.
	export POSTGRES_USER="$ENTRY_USER" POSTGRES_DB="$ENTRY_DB"
	# Data directory: BASALT_DATA (basaltd's own variable for -D), else PGDATA (the image sets it).
	export BASALT_DATA="${BASALT_DATA:-${PGDATA:-/var/lib/basalt/data}}"
	export PGDATA="$BASALT_DATA"
	# postgres takes its default port from PGPORT; basaltd from BASALT_PORT.
	if [ -n "${PGPORT:-}" ] && [ -z "${BASALT_PORT:-}" ]; then export BASALT_PORT="$PGPORT"; fi
	DATABASE_ALREADY_EXISTS=""
	if [ -f "$BASALT_DATA/store/CURRENT" ]; then DATABASE_ALREADY_EXISTS=1; fi
}

# The TCP port basaltd will use: -p/--port or -c port=N in the arguments, else BASALT_PORT,
# PGPORT, 5432 (a port set only in basalt.conf is not seen: set PGPORT as well). Recorded for
# basalt-healthcheck.sh and used by the temporary server.
effective_port() {
	local port="${BASALT_PORT:-${PGPORT:-5432}}" prev="" arg
	for arg in "$@"; do
		case "$prev" in
			-p|--port) port="$arg" ;;
			-c) case "$arg" in port=*) port="${arg#port=}" ;; esac ;;
		esac
		case "$arg" in
			-p?*) port="${arg#-p}" ;;
			--port=*) port="${arg#--port=}" ;;
			-cport=*) port="${arg#-cport=}" ;;
		esac
		prev="$arg"
	done
	printf '%s' "$port"
}

# The basaltd arguments without -p/--port and -h/--listen-addresses (in any spelling): the
# temporary server sets those itself, and basaltd refuses an option given twice.
TEMP_ARGS=()
temp_server_args() {
	local skip="" arg
	TEMP_ARGS=()
	for arg in "$@"; do
		if [ -n "$skip" ]; then skip=""; continue; fi
		case "$arg" in
			-p|--port|-h|--listen-addresses) skip=1 ;;
			-p?*|--port=*|-h?*|--listen-addresses=*) ;;
			*) TEMP_ARGS+=("$arg") ;;
		esac
	done
}

verify_minimum_env() {
	if [ -z "$ENTRY_PASSWORD" ] && [ "$ENTRY_HOST_AUTH_METHOD" != trust ]; then
		cat >&2 <<-'EOWARN'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD (or BASALT_PASSWORD) to a non-empty value
			       for the superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all connections
			       without a password. This is *not* recommended.

			       See docs/deployment.md for more information about the environment variables.
		EOWARN
		exit 1
	fi
	if [ "$ENTRY_HOST_AUTH_METHOD" = trust ]; then
		cat >&2 <<-'EOWARN'
			********************************************************************************
			WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
			         anyone with access to the Basalt port to access your database without
			         a password, even if POSTGRES_PASSWORD is set. It is not recommended to
			         use POSTGRES_HOST_AUTH_METHOD=trust.
			********************************************************************************
		EOWARN
	fi
}

init_database_dir() {
	local pwfile="" args=()
	if [ -n "$ENTRY_PASSWORD" ]; then
		pwfile="$(mktemp)"
		printf '%s\n' "$ENTRY_PASSWORD" > "$pwfile"
		args+=(--pwfile "$pwfile")
	fi
	# POSTGRES_INITDB_ARGS is split on whitespace, as the postgres image does.
	local rc=0
	# shellcheck disable=SC2086
	basalt init -D "$BASALT_DATA" -U "$ENTRY_USER" "${args[@]}" $ENTRY_INITDB_ARGS || rc=$?
	[ -z "$pwfile" ] || rm -f "$pwfile"
	[ "$rc" -eq 0 ] || exit "$rc"

	# Clients reach the container from outside its network namespace: listen everywhere (also
	# for the Prometheus endpoint) and let every address in with the chosen method. The rules
	# basalt init wrote for 127.0.0.1 and ::1 stay first, as the postgres image's local ones.
	{
		printf '\n# added by docker-entrypoint.sh: listen on every interface of the container\n'
		printf "listen_addresses = '*'\n"
		printf "metrics_listen_addresses = '*'\n"
		# initdb takes the time zone from TZ; basalt init reads only /etc/timezone, /etc/localtime.
		if [ -n "${TZ:-}" ]; then
			printf "TimeZone = '%s'\nlog_timezone = '%s'\n" "${TZ//\'/}" "${TZ//\'/}"
		fi
	} >> "$BASALT_DATA/basalt.conf"
	local method="${ENTRY_HOST_AUTH_METHOD:-scram-sha-256}"
	{
		printf '\n# added by docker-entrypoint.sh\n'
		printf 'host    all             all             all                     %s\n' "$method"
	} >> "$BASALT_DATA/hba.conf"
}

TEMP_PID=""
# usage: temp_server_start PORT BASALTD_ARGS...
temp_server_start() {
	local port="$1"
	shift
	# The user's arguments apply (as with the postgres image's temporary server), but it listens
	# on 127.0.0.1 only and without the metrics endpoint: nothing outside the container can
	# connect while the init scripts run.
	temp_server_args "$@"
	basaltd "${TEMP_ARGS[@]}" -p "$port" -h 127.0.0.1 -c metrics_port=0 &
	TEMP_PID=$!

	for _ in $(seq 1 300); do
		if pg_isready -q -h 127.0.0.1 -p "$port" -U "$ENTRY_USER" -d postgres; then return 0; fi
		kill -0 "$TEMP_PID" 2>/dev/null || die "the temporary basaltd exited during initialisation"
		sleep 0.2
	done
	die "the temporary basaltd did not accept connections within 60 s"
}

temp_server_stop() {
	kill -INT "$TEMP_PID"
	wait "$TEMP_PID" || die "the temporary basaltd did not stop cleanly"
	TEMP_PID=""
}

# psql against the temporary server as the superuser (PGHOST etc. exported by main).
entry_psql() {
	psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc "$@"
}

setup_db() {
	# basalt init creates `postgres` and a database named after the superuser.
	if [ "$ENTRY_DB" != postgres ] && [ "$ENTRY_DB" != "$ENTRY_USER" ]; then
		entry_psql --dbname postgres --set db="$ENTRY_DB" <<-'EOSQL'
			CREATE DATABASE :"db" ;
		EOSQL
		log
	fi
}

# Runs the init files in the order of their names (the shell sorts the glob), like postgres.
process_init_files() {
	local f
	for f in "$@"; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					log "$0: running $f"
					"$f"
				else
					log "$0: sourcing $f"
					# shellcheck disable=SC1090
					. "$f"
				fi
				;;
			*.sql)    log "$0: running $f"; entry_psql --dbname "$ENTRY_DB" -f "$f"; log ;;
			*.sql.gz) log "$0: running $f"; gunzip -c "$f" | entry_psql --dbname "$ENTRY_DB"; log ;;
			*.sql.xz) log "$0: running $f"; xzcat "$f" | entry_psql --dbname "$ENTRY_DB"; log ;;
			*.sql.zst) log "$0: running $f"; zstd -dc "$f" | entry_psql --dbname "$ENTRY_DB"; log ;;
			*)        log "$0: ignoring $f" ;;
		esac
	done
}

want_help() {
	local arg
	for arg in "$@"; do
		case "$arg" in --help|-\?|--version|-V) return 0 ;; esac
	done
	return 1
}

main() {
	if [ "${1:0:1}" = '-' ]; then set -- basaltd "$@"; fi
	if [ "$1" = postgres ]; then shift; set -- basaltd "$@"; fi

	if [ "$1" = basaltd ] && ! want_help "$@"; then
		setup_env
		if [ "$(id -u)" = 0 ]; then
			# Started as root: make the data directory the basalt user's, then run as it.
			mkdir -p "$BASALT_DATA"
			if [ "$(stat -c %u "$BASALT_DATA")" != "$(id -u basalt)" ]; then
				chown -R basalt:basalt "$BASALT_DATA"
			fi
			chmod 0700 "$BASALT_DATA"
			exec setpriv --reuid=basalt --regid=basalt --init-groups "${BASH_SOURCE[0]}" "$@"
		fi

		TEMP_PORT="$(effective_port "${@:2}")"
		# The health check reports healthy only once this file exists, i.e. once the real
		# server (not the temporary one of the init phase) has been started.
		rm -f "$PORT_FILE"
		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			verify_minimum_env
			# Fail early (before init) on an unreadable initdb.d, like postgres.
			ls /docker-entrypoint-initdb.d/ > /dev/null
			init_database_dir
			export PGHOST=127.0.0.1 PGPORT="$TEMP_PORT" PGUSER="$ENTRY_USER" PGDATABASE="$ENTRY_DB"
			export PGPASSWORD="$ENTRY_PASSWORD"
			temp_server_start "$TEMP_PORT" "${@:2}"
			setup_db
			shopt -s nullglob
			process_init_files /docker-entrypoint-initdb.d/*
			shopt -u nullglob
			temp_server_stop
			unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD
			log
			log 'Basalt init process complete; ready for start up.'
			log
		else
			log
			log 'Basalt data directory appears to contain a database; Skipping initialization'
			log
		fi
		unset POSTGRES_PASSWORD
		printf '%s\n' "$TEMP_PORT" > "$PORT_FILE" 2>/dev/null || true
	fi
	exec "$@"
}

main "$@"
