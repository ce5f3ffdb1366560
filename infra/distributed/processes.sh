# shellcheck shell=bash
# The processes of `npm run distributed:up`, sourced by up.sh and down.sh after lib/common.sh:
# the three level services, the relay and two projectors, each `node dist/apps/<app>/src/main.js`
# on the engines infra:up starts (PostgreSQL events, Kafka feed, FerretDB views).
#
# Settings (environment): SPIRAL_DISTRIBUTED_DIR (pids, logs, the JWT secret; default
# .infra/distributed), SPIRAL_DISTRIBUTED_PORT_BASE (3000: services on +1 +2 +3, relay +10,
# projectors +11 +12), EVENT_STORE_URL (else PG_URL's server), KAFKA_BROKERS, KAFKA_TOPIC_PREFIX,
# MONGO_URL, MONGO_DB, SPIRAL_JWT_SECRET (else one made once and kept in the folder), LOG_LEVEL.

DISTRIBUTED_STATE="${SPIRAL_DISTRIBUTED_DIR:-$INFRA_STATE/distributed}"
PORT_BASE="${SPIRAL_DISTRIBUTED_PORT_BASE:-3000}"

# name app port [extra VAR=value…]
DISTRIBUTED_PROCESSES=(
  "relay relay $((PORT_BASE + 10))"
  "projector-1 projector $((PORT_BASE + 11)) KAFKA_CLIENT_ID=spiral-projector-1"
  "projector-2 projector $((PORT_BASE + 12)) KAFKA_CLIENT_ID=spiral-projector-2"
  "local-service local-service $((PORT_BASE + 1))"
  "regional-service regional-service $((PORT_BASE + 2))"
  "national-service national-service $((PORT_BASE + 3))"
)

distributed_script() { printf '%s' "$REPO_ROOT/dist/apps/$1/src/main.js"; }
distributed_pid_file() { printf '%s' "$DISTRIBUTED_STATE/$1.pid"; }
