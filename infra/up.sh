#!/usr/bin/env bash
# npm run infra:up: a Kafka broker (KRaft), FerretDB and PostgreSQL on 127.0.0.1, for the distributed
# adapters' int tests, the distributed processes and development. Idempotent: what is up already is left as it is.
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/lib/common.sh"
# shellcheck source=infra/kafka/kafka.sh
source "$INFRA_ROOT/kafka/kafka.sh"
# shellcheck source=infra/ferretdb/ferretdb.sh
source "$INFRA_ROOT/ferretdb/ferretdb.sh"
# shellcheck source=infra/postgres/postgres.sh
source "$INFRA_ROOT/postgres/postgres.sh"

command -v node >/dev/null || fail "node is not on PATH"
[[ -d "$REPO_ROOT/node_modules/kafkajs" && -d "$REPO_ROOT/node_modules/mongodb" && -d "$REPO_ROOT/node_modules/pg" ]] ||
  fail "the readiness checks use kafkajs, mongodb and pg from node_modules: run 'npm ci' first"
mkdir -p "$INFRA_STATE" "$INFRA_CACHE"
started=$SECONDS

# Both at once: on a cold cache Maven's fetch hides behind FerretDB's Go build (minutes on 2 cores).
( kafka_up ) 2>&1 | sed -u 's/^/[kafka]    /' &
kafka_job=$!
( ferretdb_up ) 2>&1 | sed -u 's/^/[ferretdb] /' &
ferretdb_job=$!
( postgres_up ) 2>&1 | sed -u 's/^/[postgres] /' &
postgres_job=$!
status=0
wait "$kafka_job" || status=1
wait "$ferretdb_job" || status=1
wait "$postgres_job" || status=1
# `wait` on a pipeline gives sed's status, so each server's own answer is checked again here.
probe kafka "$(kafka_endpoint)" || status=1
probe mongo "mongodb://$(mongo_endpoint)" || status=1
probe postgres "postgres://spiral@$(postgres_endpoint)/spiral" || status=1

if ((status != 0)); then
  fail "not everything came up (see the lines above); logs are in $INFRA_STATE. Fix it, then 'npm run infra:up' again ('npm run infra:down' stops what did start)"
fi
say "infra: up in $((SECONDS - started))s. KAFKA_BROKERS=$(kafka_endpoint) MONGO_URL=mongodb://$(mongo_endpoint) PG_URL=postgres://spiral@$(postgres_endpoint)/spiral"
say "infra: logs $INFRA_STATE/kafka.log, ferretdb.log and postgres.log; stop with 'npm run infra:down'"
