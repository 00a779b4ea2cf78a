#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite.
#
#   tests/pgcluster.sh start DIR   create + start a cluster in DIR (DIR must be
#                                  missing or empty); prints ONE line on stdout:
#                                  postgresql+psycopg://postgres@127.0.0.1:PORT/visitplanner_test
#   tests/pgcluster.sh stop DIR    stop the cluster (pg_ctl stop -m fast) and remove DIR
#
# Everything except that URL goes to stderr. Run as root, the server runs as the
# `postgres` OS user (DIR is chowned to it); otherwise as the current user.
# The cluster is tuned for speed, not durability (fsync/synchronous_commit/
# full_page_writes off), trusts every connection, and listens only on
# 127.0.0.1 plus a unix socket inside DIR.
# PGCLUSTER_BINDIR overrides where initdb/pg_ctl/createdb are looked up.
set -euo pipefail

# Keep stdout for the URL only.
exec 3>&1 1>&2

DB_NAME=visitplanner_test
MARKER=.pgcluster
START_TIMEOUT=60   # seconds, for pg_ctl -w start
STOP_TIMEOUT=30    # seconds, for pg_ctl -w stop

die() { echo "pgcluster: error: $*" >&2; exit 1; }
log() { echo "pgcluster: $*" >&2; }

usage() {
    echo "usage: $0 {start|stop} DIR" >&2
    exit 2
}

find_bindir() {
    if [[ -n "${PGCLUSTER_BINDIR:-}" ]]; then
        [[ -x "$PGCLUSTER_BINDIR/initdb" ]] || die "no initdb in PGCLUSTER_BINDIR=$PGCLUSTER_BINDIR"
        echo "$PGCLUSTER_BINDIR"
        return
    fi
    local d best=""
    # Newest major version first (version sort), keep only dirs that have a server.
    while IFS= read -r d; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then best=$d; break; fi
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)
    if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best=$(dirname "$(command -v initdb)")
    fi
    [[ -n "$best" ]] || die "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH); install the 'postgresql' package"
    echo "$best"
}

# as_owner USER CMD...: run CMD as USER (no-op switch if USER is the current user).
# fd 3 (our real stdout) is closed for the child: a postmaster that inherited
# it would keep a caller's $(...) waiting forever.
as_owner() {
    local user=$1; shift
    if [[ "$user" == "$(id -un)" ]]; then
        (cd / && "$@") 3>&-
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$user" -- "$@") 3>&-
    else
        local q; q=$(printf '%q ' "$@")
        (cd / && su -s /bin/sh "$user" -c "$q") 3>&-
    fi
}

free_port() {
    python3 -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

abspath() {
    # Absolute path without requiring it to exist.
    if command -v realpath >/dev/null 2>&1; then
        realpath -m -- "$1"
    else
        python3 -c 'import os, sys; print(os.path.abspath(sys.argv[1]))' "$1"
    fi
}

cmd_start() {
    local dir; dir=$(abspath "$1")
    local bindir; bindir=$(find_bindir)
    log "using $bindir ($("$bindir/postgres" --version 2>/dev/null || echo '?'))"

    if [[ -e "$dir" ]]; then
        [[ -d "$dir" ]] || die "$dir exists and is not a directory"
        if [[ -n "$(ls -A "$dir")" ]]; then
            die "$dir is not empty (refusing to reuse it; run '$0 stop $dir' first)"
        fi
    else
        mkdir -p "$dir"
    fi
    : > "$dir/$MARKER"

    local owner
    if [[ $EUID -eq 0 ]]; then
        owner=postgres
        id -u "$owner" >/dev/null 2>&1 || die "running as root but OS user '$owner' does not exist"
        chown -R "$owner": "$dir"
        chmod 700 "$dir"
        # Every ancestor of DIR must be traversable by postgres. A root-owned
        # 0700 parent (mktemp -d, pytest's tmp dirs) gets o+x (search only, no
        # listing) so the server can reach DIR; anything else is an error.
        if ! as_owner "$owner" test -w "$dir"; then
            local anc="" part
            IFS=/ read -ra parts <<<"${dir#/}"
            for part in "${parts[@]:0:${#parts[@]}-1}"; do
                anc="$anc/$part"
                if ! as_owner "$owner" test -x "$anc" && [[ -O "$anc" ]]; then
                    log "granting o+x on $anc so '$owner' can reach $dir"
                    chmod o+x "$anc"
                fi
            done
            as_owner "$owner" test -w "$dir" \
                || die "OS user '$owner' cannot reach $dir (a parent directory is not traversable); use a path under /tmp"
        fi
    else
        owner=$(id -un)
    fi

    local data="$dir/data" sock="$dir/sock" logfile="$dir/postgres.log"
    as_owner "$owner" mkdir -p "$sock"
    # unix socket paths are limited to ~107 bytes
    if (( ${#sock} + 20 > 107 )); then
        die "path $sock is too long for a unix socket directory; use a shorter DIR"
    fi

    local locale_opt=(--no-locale)
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
        locale_opt=(--locale=C.UTF-8)
    fi

    log "initdb in $data (as $owner)"
    local initdb_log="$dir/initdb.log"
    if ! as_owner "$owner" "$bindir/initdb" -D "$data" -U postgres --auth=trust \
            --encoding=UTF8 "${locale_opt[@]}" --no-sync >"$initdb_log" 2>&1; then
        cat "$initdb_log" >&2
        die "initdb failed"
    fi

    cat >>"$data/postgresql.conf" <<EOF

# --- added by tests/pgcluster.sh (throwaway test cluster) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF

    # Pick a free port and start; retry with a new port if someone grabbed it meanwhile.
    local port="" attempt started=0
    for attempt in 1 2 3; do
        port=$(free_port)
        log "starting server on 127.0.0.1:$port (attempt $attempt)"
        if as_owner "$owner" "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t "$START_TIMEOUT" \
                -o "-p $port" start >&2; then
            started=1
            break
        fi
        log "pg_ctl start failed; server log:"
        tail -n 30 "$logfile" >&2 2>/dev/null || true
        # make sure nothing half-started is left behind before retrying
        as_owner "$owner" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    done
    (( started )) || die "could not start PostgreSQL (log: $logfile)"
    echo "$port" > "$dir/port"

    if ! "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME" >&2; then
        log "createdb failed; stopping the server"
        as_owner "$owner" "$bindir/pg_ctl" -D "$data" -m fast -w -t "$STOP_TIMEOUT" stop >&2 || true
        die "could not create database $DB_NAME"
    fi

    log "ready: database $DB_NAME on 127.0.0.1:$port (socket dir $sock)"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/$DB_NAME" >&3
}

cmd_stop() {
    local dir; dir=$(abspath "$1")
    if [[ ! -e "$dir" ]]; then
        log "$dir does not exist; nothing to stop"
        return 0
    fi
    [[ -d "$dir" ]] || die "$dir is not a directory"
    if [[ ! -e "$dir/$MARKER" ]]; then
        if [[ -z "$(ls -A "$dir")" ]]; then
            rmdir "$dir"
            return 0
        fi
        die "$dir was not created by $0 (no $MARKER marker); not touching it"
    fi

    local data="$dir/data" rc=0
    if [[ -f "$data/postmaster.pid" ]]; then
        local owner bindir
        owner=$(stat -c %U "$data")
        bindir=$(find_bindir)
        log "stopping server in $data"
        if ! as_owner "$owner" "$bindir/pg_ctl" -D "$data" -m fast -w -t "$STOP_TIMEOUT" stop >&2; then
            log "fast stop failed; trying immediate"
            if ! as_owner "$owner" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 10 stop >&2; then
                local pid
                pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
                if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                    log "killing postmaster $pid"
                    kill -KILL "$pid" 2>/dev/null || true
                fi
                rc=1
            fi
        fi
    fi
    rm -rf -- "$dir"
    log "removed $dir"
    return "$rc"
}

[[ $# -eq 2 ]] || usage
[[ -n "$2" ]] || usage
case "$1" in
    start) cmd_start "$2" ;;
    stop)  cmd_stop "$2" ;;
    *)     usage ;;
esac
