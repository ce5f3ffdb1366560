#!/usr/bin/env bash
# npm run compose:config: validates docker-compose.yml with Docker Compose's own parser
# (`docker compose config --quiet`: schema, interpolation, depends_on, health checks).
# This machine kind has the docker client but no Compose plugin and no daemon, so Compose v2 is
# built once from the Go module proxy into the infra cache and run standalone; `config` needs no daemon.
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

COMPOSE_VERSION="v2.40.3"
COMPOSE_MODULE="github.com/docker/compose/v2"
COMPOSE_BIN="$INFRA_CACHE/compose-$COMPOSE_VERSION/docker-compose"

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  go_build_module compose "$COMPOSE_MODULE" "$COMPOSE_VERSION" ./cmd "$COMPOSE_BIN"
  compose=("$COMPOSE_BIN")
fi
"${compose[@]}" --project-directory "$REPO_ROOT" -f "$REPO_ROOT/docker-compose.yml" config --quiet
say "compose: docker-compose.yml is valid ($("${compose[@]}" version --short 2>/dev/null || echo "$COMPOSE_VERSION"))"
