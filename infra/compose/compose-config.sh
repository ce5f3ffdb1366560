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

# `go install …@version` refuses Compose: its go.mod has exclude and replace directives, which only
# apply to a main module. So the module is copied out of Go's module cache and built there.
compose_install() {
  [[ -x "$COMPOSE_BIN" ]] && return 0
  command -v go >/dev/null || fail "compose: go is not on PATH (it builds Docker Compose $COMPOSE_VERSION)"
  mkdir -p "$INFRA_STATE" "$(dirname "$COMPOSE_BIN")"
  local log="$INFRA_STATE/compose-install.log" build="$INFRA_CACHE/compose-$COMPOSE_VERSION/src.$$" dir
  say "compose: building Docker Compose $COMPOSE_VERSION from the Go module proxy into $COMPOSE_BIN (once, minutes; log: $log)"
  dir="$(cd "$INFRA_STATE" && GOFLAGS=-mod=mod go mod download -json "$COMPOSE_MODULE@$COMPOSE_VERSION" 2>>"$log" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || true
  [[ -n "$dir" && -d "$dir" ]] || fail "compose: could not download $COMPOSE_MODULE@$COMPOSE_VERSION (log: $log); check that the Go module proxy answers"
  rm -rf "$build"
  cp -R "$dir" "$build"
  chmod -R u+w "$build"
  if ! (cd "$build" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -o "$COMPOSE_BIN.tmp" ./cmd) >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    fail "compose: the build failed (log: $log)"
  fi
  rm -rf "$build"
  mv "$COMPOSE_BIN.tmp" "$COMPOSE_BIN"
}

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose_install
  compose=("$COMPOSE_BIN")
fi
"${compose[@]}" --project-directory "$REPO_ROOT" -f "$REPO_ROOT/docker-compose.yml" config --quiet
say "compose: docker-compose.yml is valid ($("${compose[@]}" version --short 2>/dev/null || echo "$COMPOSE_VERSION"))"
