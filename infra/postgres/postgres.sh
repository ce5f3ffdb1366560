# shellcheck shell=bash
# PostgreSQL (Debian's server binaries) on 127.0.0.1, the event store of the distributed mode.
# Sourced by infra/up.sh and infra/down.sh after lib/common.sh.
#
# Its own cluster in .infra/postgres (initdb once, trust for local connections: it listens on
# loopback only), on its own port so it never meets a system server: PG_URL, default
# postgres://spiral@127.0.0.1:5433/spiral.

POSTGRES_STATE="$INFRA_STATE/postgres"
POSTGRES_PID="$INFRA_STATE/postgres.pid"
POSTGRES_LOG="$INFRA_STATE/postgres.log"

postgres_endpoint() {
  local rest="${PG_URL:-postgres://spiral@127.0.0.1:5433/spiral}"
  rest="${rest#*://}"; rest="${rest#*@}"; rest="${rest%%/*}"; rest="${rest%%\?*}"
  printf '%s' "$rest"
}

# The newest installed server's binaries (Debian keeps them off PATH under /usr/lib/postgresql/<n>/bin).
postgres_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$dir/postgres" && -x "$dir/initdb" ]] && { printf '%s' "$dir"; return 0; }
  done
  command -v postgres >/dev/null && command -v initdb >/dev/null && { dirname "$(command -v postgres)"; return 0; }
  return 1
}

# The server refuses to run as root: as root it runs as the `postgres` user Debian's package makes.
as_postgres_user() {
  if ((EUID == 0)); then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi
}

postgres_up() {
  local endpoint port bin
  endpoint="$(postgres_endpoint)"
  require_loopback PG_URL "$endpoint"
  port="$(endpoint_port "$endpoint")"
  already_up postgres "$POSTGRES_PID" "$POSTGRES_STATE/data" "$port" "$POSTGRES_LOG" && return 0
  if port_open "$port"; then
    probe postgres "postgres://spiral@127.0.0.1:$port/spiral" || fail "postgres: 127.0.0.1:$port is taken by something infra:up cannot use as postgres://spiral@…/spiral; free it or set PG_URL"
    say "postgres: a server not started by infra:up already answers on 127.0.0.1:$port; using it as it is"
    return 0
  fi
  bin="$(postgres_bin)" || fail "postgres: no PostgreSQL server binaries (install Debian's 'postgresql' package: apt-get install postgresql)"
  mkdir -p "$POSTGRES_STATE"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || fail "postgres: running as root needs the 'postgres' user (Debian's postgresql package makes it)"
    chown postgres "$POSTGRES_STATE"
    : >>"$POSTGRES_LOG" && chown postgres "$POSTGRES_LOG"
  fi
  if [[ ! -f "$POSTGRES_STATE/data/PG_VERSION" ]]; then
    say "postgres: initdb into $POSTGRES_STATE/data (once)"
    as_postgres_user "$bin/initdb" -D "$POSTGRES_STATE/data" -U spiral --auth=trust --encoding=UTF8 --locale=C.UTF-8 >>"$POSTGRES_LOG" 2>&1 ||
      fail "postgres: initdb failed (log: $POSTGRES_LOG)"
  fi
  say "postgres: starting on 127.0.0.1:$port, log $POSTGRES_LOG"
  # The socket goes to the data folder (Debian's /var/run/postgresql may not exist or be ours).
  # setpriv execs the server itself, so the recorded pid is the postmaster's.
  local as_user=()
  ((EUID != 0)) || as_user=(setpriv --reuid=postgres --regid=postgres --init-groups)
  start_detached "$POSTGRES_PID" "$POSTGRES_LOG" "$port" "${as_user[@]}" "$bin/postgres" -D "$POSTGRES_STATE/data" \
    -h 127.0.0.1 -p "$port" -k "$POSTGRES_STATE/data"
  wait_until postgres "$(cat "$POSTGRES_PID")" 60 "$POSTGRES_LOG" "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"
  # The database the URL names (spiral), made once; the role is the cluster's own superuser.
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U spiral -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'spiral'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U spiral spiral || fail "postgres: could not create the database spiral"
  fi
  say "postgres: up on 127.0.0.1:$port (pid $(cat "$POSTGRES_PID"))"
}

postgres_down() {
  stop_pid postgres "$POSTGRES_PID" "$POSTGRES_STATE/data"
}
