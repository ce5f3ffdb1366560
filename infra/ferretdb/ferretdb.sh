# shellcheck shell=bash
# FerretDB v1 (MongoDB wire protocol) on its SQLite handler, built from the Go module proxy.
# Sourced by infra/up.sh and infra/down.sh after lib/common.sh.

FERRETDB_VERSION="v1.24.2"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
FERRETDB_STATE="$INFRA_STATE/ferretdb"
FERRETDB_PID="$INFRA_STATE/ferretdb.pid"
FERRETDB_LOG="$INFRA_STATE/ferretdb.log"
FERRETDB_BIN="$INFRA_CACHE/ferretdb-$FERRETDB_VERSION/bin/ferretdb"

# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: FerretDB reads its own
# version from build/version/version.txt, which its release process generates and the module
# zip lacks. So the module is copied out of Go's module cache, the file written, and built there.
ferretdb_install() {
  [[ -x "$FERRETDB_BIN" ]] && return 0
  command -v go >/dev/null || fail "ferretdb: go is not on PATH (Go 1.22 or later builds FerretDB $FERRETDB_VERSION)"
  local log="$INFRA_STATE/ferretdb-install.log" build="$INFRA_CACHE/ferretdb-$FERRETDB_VERSION/src.$$" dir
  say "ferretdb: building $FERRETDB_VERSION from the Go module proxy into $FERRETDB_BIN (once, minutes; log: $log)"
  dir="$(cd "$INFRA_STATE" && GOFLAGS=-mod=mod go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" 2>>"$log" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || true
  [[ -n "$dir" && -d "$dir" ]] || fail "ferretdb: could not download $FERRETDB_MODULE@$FERRETDB_VERSION (log: $log); check that the Go module proxy answers"
  rm -rf "$build"
  mkdir -p "$(dirname "$build")"
  cp -R "$dir" "$build"
  chmod -R u+w "$build"
  printf '%s\n' "$FERRETDB_VERSION" >"$build/build/version/version.txt"
  if ! (cd "$build" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb) >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    fail "ferretdb: the build failed (log: $log)"
  fi
  rm -rf "$build"
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
}

ferretdb_up() {
  local endpoint port
  endpoint="$(mongo_endpoint)"
  require_loopback MONGO_URL "$endpoint"
  port="$(endpoint_port "$endpoint")"
  already_up ferretdb "$FERRETDB_PID" "$FERRETDB_STATE/" "$port" "$FERRETDB_LOG" && return 0
  if port_open "$port"; then
    probe mongo "mongodb://127.0.0.1:$port" || fail "ferretdb: 127.0.0.1:$port is taken by something that does not speak MongoDB; free it or set MONGO_URL"
    say "ferretdb: a MongoDB-wire server not started by infra:up already answers on 127.0.0.1:$port; using it as it is"
    return 0
  fi
  ferretdb_install
  mkdir -p "$FERRETDB_STATE/data"
  say "ferretdb: starting on 127.0.0.1:$port, log $FERRETDB_LOG"
  # No telemetry (it would call home), no debug HTTP listener (it would take port 8088), and errors
  # only: at WARN it logs every "no such command: endSessions" the driver sends when it closes.
  start_detached "$FERRETDB_PID" "$FERRETDB_LOG" "$port" "$FERRETDB_BIN" --handler=sqlite \
    --sqlite-url="file:$FERRETDB_STATE/data/" --listen-addr="127.0.0.1:$port" --state-dir="$FERRETDB_STATE/" \
    --telemetry=disable --debug-addr=- --log-level=error
  wait_until ferretdb "$(cat "$FERRETDB_PID")" 60 "$FERRETDB_LOG" probe mongo "mongodb://127.0.0.1:$port"
  say "ferretdb: up on 127.0.0.1:$port (pid $(cat "$FERRETDB_PID"))"
}

ferretdb_down() {
  stop_pid ferretdb "$FERRETDB_PID" "$FERRETDB_STATE/"
}
