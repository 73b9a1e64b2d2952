#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster, so the server tests also
# run on PostgreSQL:   scripts/withPostgres.sh npm test
#
# The cluster lives in a fresh folder under ${TMPDIR:-/tmp}, listens on a unix
# socket in that folder only (no TCP port, so it never clashes with another
# PostgreSQL), holds one empty database `ura_test`, and is stopped and deleted
# when the command ends. The command sees its URL in URA_TEST_DATABASE_URL.
#
# Needs PostgreSQL's server programs (Debian: apt-get install postgresql). As
# root (CI), the cluster runs as the `postgres` user, because postgres refuses
# to run as root.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args…]   e.g. $0 npm test" >&2
  exit 2
fi

# Debian keeps the server programs off PATH, one folder per major version: take the newest.
find_pg_bin() {
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then
    echo "$newest"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo "PostgreSQL's initdb was not found: install PostgreSQL (Debian: apt-get install postgresql)" >&2
    return 1
  fi
}

pg_bin=$(find_pg_bin)
cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/ura-pg.XXXXXX")

# As root, run the cluster as `postgres`; otherwise as whoever runs this script.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "running as root needs a 'postgres' user (Debian's postgresql package creates it)" >&2
    exit 1
  fi
  chown postgres: "$cluster_dir"
  as_owner=(runuser -u postgres --)
fi

stop_cluster() {
  if [ -f "$cluster_dir/data/postmaster.pid" ]; then
    ${as_owner[@]+"${as_owner[@]}"} "$pg_bin/pg_ctl" stop -D "$cluster_dir/data" -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster_dir"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

${as_owner[@]+"${as_owner[@]}"} "$pg_bin/initdb" -D "$cluster_dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
  >"$cluster_dir/initdb.log" 2>&1 || {
  cat "$cluster_dir/initdb.log" >&2
  exit 1
}
# Speed over durability: this cluster is deleted when the command ends.
server_options="-c listen_addresses='' -k $cluster_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
${as_owner[@]+"${as_owner[@]}"} "$pg_bin/pg_ctl" start -D "$cluster_dir/data" -w -t 60 -l "$cluster_dir/server.log" \
  -o "$server_options" >/dev/null || {
  cat "$cluster_dir/server.log" >&2
  exit 1
}
"$pg_bin/createdb" -h "$cluster_dir" -U postgres ura_test

# The socket folder goes in the host part, percent-encoded (node-postgres and libpq read it so).
encoded_dir=$(printf '%s' "$cluster_dir" | sed 's#/#%2F#g')
export URA_TEST_DATABASE_URL="postgresql://postgres@${encoded_dir}/ura_test"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests: $URA_TEST_DATABASE_URL" >&2

# Not exec: the EXIT trap must still stop the cluster after the command.
status=0
"$@" || status=$?
exit "$status"
