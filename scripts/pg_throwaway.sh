#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server on loopback, for tests, CI and benchmarks.
#
#   scripts/pg_throwaway.sh start DIR   # prints DATABASE_URL=postgres://... on its last line
#   scripts/pg_throwaway.sh stop DIR    # stops the server and removes DIR
#
# DIR must not exist yet (or be empty). The cluster lives in DIR/data, its unix socket in DIR,
# its log in DIR/postgres.log; it listens on 127.0.0.1 at a free port with trust authentication
# and holds one database "bluehelmet" owned by role "bluehelmet" (which may create the test
# databases pytest-django needs). Durability is switched off: this server holds nothing worth
# keeping. PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres"
# user (created by Debian's postgresql package); as anyone else it belongs to the caller.
set -euo pipefail

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
DB_NAME="${PG_DB_NAME:-bluehelmet}"
DB_USER="${PG_DB_USER:-bluehelmet}"

die() { echo "pg_throwaway: $*" >&2; exit 1; }

as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local dir=$1 port
    [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
    mkdir -p "$dir"
    [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' user (apt-get install postgresql)"
        chown postgres: "$dir"
        chmod 700 "$dir"
        runuser -u postgres -- test -w "$dir" \
            || die "the postgres user cannot reach $dir: make its parent directories world-searchable"
    fi
    port=$(free_port)
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=200" >/dev/null \
        || { cat "$dir/postgres.log" >&2; die "server did not start"; }
    echo "$port" >"$dir/port"
    local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
    "${psql[@]}" -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_USER'" \
        -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >/dev/null
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    echo "DATABASE_URL=postgres://$DB_USER:$DB_USER@127.0.0.1:$port/$DB_NAME"
}

stop() {
    local dir=$1
    [[ -d "$dir" ]] || return 0
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) [[ $# -eq 2 ]] || die "usage: $0 start DIR"; start "$2" ;;
    stop) [[ $# -eq 2 ]] || die "usage: $0 stop DIR"; stop "$2" ;;
    *) die "usage: $0 start DIR | stop DIR" ;;
esac
