#!/usr/bin/env bash
# Starts Debian's pgbouncer in transaction mode on 127.0.0.1:6432 in front of the PostgreSQL on
# 127.0.0.1:5432, for tests and CI on one machine (run as root; pgbouncer itself runs as postgres).
# Idempotent: a second run rewrites the config and reloads the running pgbouncer.
#
# Every database name is served (`* =`), so a test may create a database on the server and
# connect to it through the pooler at once. Authentication is trust: this pooler listens on the
# loopback address only and fronts a server that trusts the loopback address already.
set -euo pipefail

dir="${TALLY_PGBOUNCER_DIR:-/var/lib/tally-pgbouncer}"
port="${TALLY_PGBOUNCER_PORT:-6432}"
upstream_port="${TALLY_PGBOUNCER_UPSTREAM_PORT:-5432}"

if ! command -v pgbouncer > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer > /dev/null
  # Debian's own pgbouncer service (on 6432 too) is not the one tests use.
  service pgbouncer stop > /dev/null 2>&1 || true
fi

mkdir -p "$dir"
chown postgres:postgres "$dir"
printf '"postgres" ""\n' > "$dir/userlist.txt"
cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=${upstream_port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
; Each test file works in a database of its own, so each gets a pool of its own: a few server
; connections per file keep three files at once (and a few pools left idle) far below the
; server's max_connections of 100, while clients may queue in any number.
default_pool_size = 8
max_db_connections = 16
max_client_conn = 2000
; Pools of the test databases already dropped close soon.
autodb_idle_timeout = 30
server_idle_timeout = 30
; Only what node-postgres sends at startup; options (search_path pinning) is deliberately absent.
ignore_startup_parameters = extra_float_digits
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
log_connections = 0
log_disconnections = 0
INI
chown postgres:postgres "$dir"/*

if [ -f "$dir/pgbouncer.pid" ] && kill -0 "$(cat "$dir/pgbouncer.pid")" 2> /dev/null; then
  kill -HUP "$(cat "$dir/pgbouncer.pid")"
else
  runuser -u postgres -- pgbouncer -d "$dir/pgbouncer.ini"
fi

for _ in $(seq 1 30); do
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc 'select 1' > /dev/null 2>&1 && break
  sleep 0.2
done
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc 'select 1' > /dev/null
echo "pgbouncer (transaction pooling) on 127.0.0.1:${port} in front of 127.0.0.1:${upstream_port}"
