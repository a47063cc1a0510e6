#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster for the tests and print its URL on stdout.
#   export ATLAS_TEST_PG_URL="$(bash .ci/start_postgres.sh)"
# or `source .ci/start_postgres.sh` (exports ATLAS_TEST_PG_URL and PG_TEST_DIR).
# Installs Debian's postgresql if initdb is missing; runs the server as an unprivileged user
# (`nobody`) in a temp dir, on a free port of 127.0.0.1; stop it with
#   pg_ctl -D "$PG_TEST_DIR/data" stop   (run as the same user), or just let CI end it.
set -euo pipefail

log() { echo "start_postgres: $*" >&2; }

find_bin() {
  local name=$1 found
  if found=$(command -v "$name" 2>/dev/null); then echo "$found"; return 0; fi
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && echo "$found"
}

if [ -z "$(find_bin initdb)" ]; then
  log "initdb not found: installing postgresql from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
INITDB=$(find_bin initdb); PG_CTL=$(find_bin pg_ctl); CREATEDB=$(find_bin createdb)
BIN_DIR=$(dirname "$INITDB")
[ -z "$PG_CTL" ] && PG_CTL="$BIN_DIR/pg_ctl"
[ -z "$CREATEDB" ] && CREATEDB="$BIN_DIR/createdb"

PG_USER=${PG_RUN_AS:-nobody}
PG_TEST_DIR=$(mktemp -d /tmp/atlas-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_user() {
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null; then runuser -u "$PG_USER" -- "$@"
    else su -s /bin/sh "$PG_USER" -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

if [ "$(id -u)" = 0 ]; then chown "$PG_USER" "$PG_TEST_DIR"; fi
chmod 700 "$PG_TEST_DIR"
as_user "$INITDB" -D "$PG_TEST_DIR/data" -U atlas --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
  || as_user "$INITDB" -D "$PG_TEST_DIR/data" -U atlas --auth=trust -E UTF8 --locale=C >&2
as_user "$PG_CTL" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 start \
  -o "-p $PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >&2
as_user "$CREATEDB" -h 127.0.0.1 -p "$PORT" -U atlas atlas_test >&2

ATLAS_TEST_PG_URL="postgresql+psycopg://atlas@127.0.0.1:$PORT/atlas_test"
export ATLAS_TEST_PG_URL PG_TEST_DIR
log "PostgreSQL running in $PG_TEST_DIR on port $PORT (as $PG_USER)"
echo "$ATLAS_TEST_PG_URL"

# When sourced: `stop_test_postgres` stops this cluster.
stop_test_postgres() { as_user "$PG_CTL" -D "$PG_TEST_DIR/data" stop -m fast >&2; }
