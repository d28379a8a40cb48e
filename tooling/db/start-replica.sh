#!/usr/bin/env bash
# Sets up a streaming standby of the PostgreSQL on 127.0.0.1:5432 as a second cluster on
# 127.0.0.1:5433, from Debian's packages, for tests and CI on one machine (run as root).
# Idempotent: a standby that is already streaming is left as it is; anything else there is
# rebuilt from a fresh base backup. Waits until the standby is in recovery and streaming.
set -euo pipefail

version="${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -1)}"
cluster=replica
port="${TALLY_REPLICA_PORT:-5433}"
primary_port="${TALLY_PRIMARY_PORT:-5432}"
primary_hba="/etc/postgresql/${version}/main/pg_hba.conf"
data="/var/lib/postgresql/${version}/${cluster}"

on_standby() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "$1" 2> /dev/null; }

streaming() {
  [ "$(on_standby 'select pg_is_in_recovery()')" = "t" ] &&
    [ "$(on_standby "select count(*) from pg_stat_wal_receiver where status = 'streaming'")" = "1" ]
}

if streaming; then
  echo "streaming standby already on 127.0.0.1:${port}"
  exit 0
fi

# The primary lets the loopback address stream its WAL.
if ! grep -qE '^host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$primary_hba"; then
  echo 'host replication all 127.0.0.1/32 trust' >> "$primary_hba"
  psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -Atqc 'select pg_reload_conf()' > /dev/null
fi

if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "${version} ${cluster}"; then
  # Its data folder is replaced below; only the configuration under /etc is kept.
  pg_createcluster "$version" "$cluster" -p "$port" -- --no-sync > /dev/null
fi
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop > /dev/null 2>&1 || true

# A standby is a copy of the primary: whatever the cluster held is replaced. A test standby
# that a crash corrupts is simply built again, so nothing is flushed to disk on the way.
rm -rf "$data"
install -d -o postgres -g postgres -m 700 "$data"
runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" \
  -R -X stream --checkpoint=fast --no-sync
# The standby lets in whom the primary lets in (trust on the loopback address). Tests read from
# it at once: it answers queries while replay goes on, and holds replay for a long read rather
# than cancel it.
cp "$primary_hba" "/etc/postgresql/${version}/${cluster}/pg_hba.conf"
cat > "/etc/postgresql/${version}/${cluster}/conf.d/standby.conf" <<CONF
hot_standby = on
max_standby_streaming_delay = 30s
CONF
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start

for _ in $(seq 1 60); do
  streaming && break
  sleep 0.5
done
if ! streaming; then
  echo "the standby on 127.0.0.1:${port} does not stream from 127.0.0.1:${primary_port}" >&2
  tail -20 "/var/log/postgresql/postgresql-${version}-${cluster}.log" >&2 || true
  exit 1
fi
echo "streaming standby on 127.0.0.1:${port} of 127.0.0.1:${primary_port}"
