#!/usr/bin/env bash
# npm run distributed:up: the distributed Spiral as separate OS processes on 127.0.0.1 (after
# `npm run infra:up` and `npm run build`): the local, regional and national services on 3001/3002/
# 3003, the relay and two projectors. Each writes its log and pid to .infra/distributed/; this
# returns once every /api/v1/health answers 200. Idempotent: a process already up is left as it is.
# Should anything fail on the way (a port taken, a process that exits or never answers, Ctrl-C),
# the processes this run started are stopped again, by their pids, and none other.
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
# shellcheck source=infra/distributed/processes.sh
source "$INFRA_ROOT/distributed/processes.sh"

[[ -f "$(distributed_script relay)" ]] || fail "dist/ has no build of the processes: run 'npm run build' first"
mkdir -p "$DISTRIBUTED_STATE"

pg_endpoint="${PG_URL:-postgres://spiral@127.0.0.1:5433/spiral}"
export EVENT_STORE_URL="${EVENT_STORE_URL:-$pg_endpoint}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:27017}"
export HOST=127.0.0.1
if [[ -z "${SPIRAL_JWT_SECRET:-}" ]]; then
  secret_file="$DISTRIBUTED_STATE/jwt-secret"
  [[ -s "$secret_file" ]] || (umask 077 && node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))" >"$secret_file")
  SPIRAL_JWT_SECRET="$(cat "$secret_file")"
fi
export SPIRAL_JWT_SECRET

probe postgres "${EVENT_STORE_URL%%\?*}" || [[ "$EVENT_STORE_URL" != postgres* ]] ||
  fail "PostgreSQL does not answer at $EVENT_STORE_URL: run 'npm run infra:up' first"
probe kafka "$KAFKA_BROKERS" || fail "Kafka does not answer at $KAFKA_BROKERS: run 'npm run infra:up' first"
probe mongo "$MONGO_URL" || fail "no MongoDB-wire server answers at $MONGO_URL: run 'npm run infra:up' first"

health_url() { printf 'http://127.0.0.1:%s/api/v1/health' "$1"; }

# The names of the processes this run started, in order: on failure, these and only these are stopped.
started=()
stop_started() {
  local status=$? i name app
  trap - EXIT INT TERM
  if ((status != 0 && ${#started[@]} > 0)); then
    say "distributed: failed; stopping the ${#started[@]} process(es) this run started (logs stay in $DISTRIBUTED_STATE)" >&2
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do
      read -r name app <<<"${started[$i]}"
      stop_pid "$name" "$(distributed_pid_file "$name")" "$(distributed_script "$app")" >&2
    done
  fi
  exit "$status"
}
trap stop_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for entry in "${DISTRIBUTED_PROCESSES[@]}"; do
  read -r name app port extra <<<"$entry"
  pid_file="$(distributed_pid_file "$name")"
  log_file="$DISTRIBUTED_STATE/$name.log"
  already_up "$name" "$pid_file" "$(distributed_script "$app")" "$port" "$log_file" && continue
  port_open "$port" && fail "$name: port $port is taken by another process; free it or set SPIRAL_DISTRIBUTED_PORT_BASE (nothing started for $name; logs of the others: $DISTRIBUTED_STATE)"
  # shellcheck disable=SC2086 # extra holds VAR=value words
  start_detached "$pid_file" "$log_file" "$port" env PORT="$port" $extra node "$(distributed_script "$app")"
  started+=("$name $app")
  say "$name: starting on 127.0.0.1:$port (pid $(cat "$pid_file"), log $log_file)"
done

for entry in "${DISTRIBUTED_PROCESSES[@]}"; do
  read -r name app port _ <<<"$entry"
  pid_file="$(distributed_pid_file "$name")"
  wait_until "$name" "$(cat "$pid_file")" 120 "$DISTRIBUTED_STATE/$name.log" probe health "$(health_url "$port")"
  say "$name: healthy at $(health_url "$port")"
done
say "distributed: up. Local http://127.0.0.1:$((PORT_BASE + 1))/ regional http://127.0.0.1:$((PORT_BASE + 2))/ national http://127.0.0.1:$((PORT_BASE + 3))/"
say "distributed: tokens: SPIRAL_JWT_SECRET=\$(cat $DISTRIBUTED_STATE/jwt-secret) npm run -s spiral -- token --role local --org <org> --sha <sha>; stop with 'npm run distributed:down'"
