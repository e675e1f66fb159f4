#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server on 127.0.0.1 (from Debian's packages, installed when
# missing), exported as HUB_TEST_DATABASE_URL (and its data folder as HUB_TEST_POSTGRES_DATA); the server
# and its data folder are removed afterwards. Where no server can be started, the command still runs, with
# HUB_TEST_POSTGRES_UNAVAILABLE saying why, and the runner counts every hub test of that pass as skipped.
set -euo pipefail

unavailable() {
  local reason=$1
  shift
  echo "backdesk: $reason; the hub suites run on PGlite only" >&2
  export HUB_TEST_POSTGRES_UNAVAILABLE="$reason"
  unset HUB_TEST_DATABASE_URL
  exec "$@"
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "backdesk: installing PostgreSQL from Debian's packages for the hub's test pass"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
fi
[ -n "$pg_bin" ] || unavailable "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin) and could not be installed here" "$@"

data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# PostgreSQL refuses to run as root: the server runs as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$data"
if ! as_pg "$pg_bin/initdb" -D "$data/db" -U backdesk --auth=trust >"$data/initdb.log" 2>&1; then
  reason="initdb failed: $(tail -n 1 "$data/initdb.log")"
  rm -rf "$data"
  unavailable "$reason" "$@"
fi
# At most 15 s to come up (pg_ctl -t); the tests open a database per hub, so allow plenty of connections.
if ! as_pg "$pg_bin/pg_ctl" -D "$data/db" -l "$data/log" -t 15 -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300" start >/dev/null; then
  reason="the server did not start: $(tail -n 1 "$data/log" 2>/dev/null)"
  as_pg "$pg_bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
  unavailable "$reason" "$@"
fi
trap 'as_pg "$pg_bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
export HUB_TEST_DATABASE_URL="postgres://backdesk@127.0.0.1:$port/postgres"
export HUB_TEST_POSTGRES_DATA="$data/db"
"$@"
