#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:$PG_TEST_PORT (trust auth, fsync off) and prints
# its URL. `scripts/pg-test-server.sh stop <dir>` stops it and removes it; `down <dir>` and `up <dir>`
# stop it and start it again in place (an outage). PostgreSQL refuses to run as root, so as root it
# runs as the postgres user.
set -euo pipefail
# Below Linux's ephemeral range (32768–60999), where a busy test run's own client sockets could hold the port.
PORT=${PG_TEST_PORT:-25432}
bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = "stop" ]; then
  as_owner "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi

if [ "${1:-}" = "down" ]; then
  as_owner "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null
  exit 0
fi

if [ "${1:-}" = "up" ]; then
  as_owner "$bin/pg_ctl" -D "$2/data" -l "$2/log" -w start >/dev/null
  exit 0
fi

dir=$(mktemp -d /tmp/prism-pg.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
# In the configuration file rather than on the command line, so `up` starts it the same way.
printf "listen_addresses = '127.0.0.1'\nport = %s\nfsync = off\nfull_page_writes = off\nunix_socket_directories = '%s'\n" \
  "$PORT" "$dir" | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
echo "$dir postgres://postgres@127.0.0.1:$PORT/postgres"
