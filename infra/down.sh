#!/usr/bin/env bash
# npm run infra:down: stops the servers infra:up started, by their recorded pids only. Data stays in
# .infra/ (remove that folder for a clean slate); a server infra:up found running is left alone.
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/lib/common.sh"
# shellcheck source=infra/kafka/kafka.sh
source "$INFRA_ROOT/kafka/kafka.sh"
# shellcheck source=infra/ferretdb/ferretdb.sh
source "$INFRA_ROOT/ferretdb/ferretdb.sh"
# shellcheck source=infra/postgres/postgres.sh
source "$INFRA_ROOT/postgres/postgres.sh"

kafka_down
ferretdb_down
postgres_down
