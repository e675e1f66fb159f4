#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server on 127.0.0.1 (from Debian's packages, installed when
# missing), exported as HUB_TEST_DATABASE_URL; the server and its data folder are removed afterwards.
# Where PostgreSQL cannot be had, the command runs without it and the PostgreSQL pass is reported as skipped.
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "backdesk: installing PostgreSQL from Debian's packages for the hub's test pass"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$pg_bin" ]; then
  echo "backdesk: PostgreSQL is not installed; the hub suites run on PGlite only"
  exec "$@"
fi

data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# PostgreSQL refuses to run as root: the server runs as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$data"
as_pg "$pg_bin/initdb" -D "$data/db" -U backdesk --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$data/db" -l "$data/log" -o "-c listen_addresses=127.0.0.1 -p $port -k $data" -w start >/dev/null
trap 'as_pg "$pg_bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
export HUB_TEST_DATABASE_URL="postgres://backdesk@127.0.0.1:$port/postgres"
"$@"
