# shellcheck shell=bash
# FerretDB v1 (MongoDB wire protocol) on its SQLite handler, built from the Go module proxy.
# Sourced by infra/up.sh and infra/down.sh after lib/common.sh.

FERRETDB_VERSION="v1.24.2"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
FERRETDB_STATE="$INFRA_STATE/ferretdb"
FERRETDB_PID="$INFRA_STATE/ferretdb.pid"
FERRETDB_LOG="$INFRA_STATE/ferretdb.log"
# FerretDB v1 is no longer developed, so its fixes live here: each patch under infra/ferretdb is
# applied to the copy of the module before it is built, and the cached binary is named after them,
# so a cache built without a patch is never taken for one built with it.
# - id-index.patch: the SQLite handler asked `_ferretdb_sjson->'$._id'` while its _id index is on
#   `_ferretdb_sjson->"_id"`, so SQLite never used the index and every find, replace or delete by
#   _id scanned the collection (FerretDB issue #4646 is the same on PostgreSQL).
FERRETDB_PATCHES=(id-index)
FERRETDB_BIN="$INFRA_CACHE/ferretdb-$FERRETDB_VERSION-$(IFS=-; printf '%s' "${FERRETDB_PATCHES[*]}")/bin/ferretdb"

# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: FerretDB reads its own
# version from build/version/version.txt, which its release process generates and the module
# zip lacks. So the copy gets that file before it is built, and the patches.
ferretdb_prepare() {
  printf '%s\n' "$FERRETDB_VERSION" >"$1/build/version/version.txt"
  local name
  for name in "${FERRETDB_PATCHES[@]}"; do
    (cd "$1" && git apply -p1 "$INFRA_ROOT/ferretdb/$name.patch") || fail "ferretdb: $name.patch does not apply to $FERRETDB_VERSION"
  done
}

ferretdb_install() {
  go_build_module ferretdb "$FERRETDB_MODULE" "$FERRETDB_VERSION" ./cmd/ferretdb "$FERRETDB_BIN" ferretdb_prepare
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
  # synchronous(normal): FerretDB leaves SQLite at FULL, an fsync of the WAL on every commit, and the
  # views are derived data (a lost last commit after a power cut takes its checkpoint with it, and
  # the events are applied again). Measured in `npm run bench -- --only distributed`: the bulk upsert
  # of the bench's documents 384 -> 1,083 events/s, a relay checkpoint's p99 ~890 -> ~240 ms.
  start_detached "$FERRETDB_PID" "$FERRETDB_LOG" "$port" "$FERRETDB_BIN" --handler=sqlite \
    --sqlite-url="file:$FERRETDB_STATE/data/?_pragma=synchronous(normal)" --listen-addr="127.0.0.1:$port" --state-dir="$FERRETDB_STATE/" \
    --telemetry=disable --debug-addr=- --log-level=error
  wait_until ferretdb "$(cat "$FERRETDB_PID")" 60 "$FERRETDB_LOG" probe mongo "mongodb://127.0.0.1:$port"
  say "ferretdb: up on 127.0.0.1:$port (pid $(cat "$FERRETDB_PID"))"
}

ferretdb_down() {
  stop_pid ferretdb "$FERRETDB_PID" "$FERRETDB_STATE/"
}
