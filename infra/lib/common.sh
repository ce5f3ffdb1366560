# shellcheck shell=bash
# shellcheck disable=SC2034 # used by the files that source this one
# Shared by infra/up.sh and infra/down.sh (sourced, not run). Paths, endpoints, pid files, waits.
#
# Downloads and builds go to a cache outside the work tree, so every clone on this machine (CI's
# fresh clones included) reuses them; data, pids and logs stay in the clone, under .infra/.

INFRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$INFRA_ROOT/.." && pwd)"
INFRA_CACHE="${SPIRAL_INFRA_CACHE:-$HOME/.cache/spiral-infra}"
INFRA_STATE="${SPIRAL_INFRA_DIR:-$REPO_ROOT/.infra}"

say() { printf '%s\n' "$*"; }
fail() { printf 'infra: %s\n' "$*" >&2; exit 1; }

# host:port of the first broker in KAFKA_BROKERS ("a:1,b:2"), and of MONGO_URL's first host.
kafka_endpoint() { local first="${KAFKA_BROKERS:-127.0.0.1:9092}"; printf '%s' "${first%%,*}"; }
mongo_endpoint() {
  local rest="${MONGO_URL:-mongodb://127.0.0.1:27017}"
  rest="${rest#*://}"; rest="${rest#*@}"; rest="${rest%%/*}"; rest="${rest%%\?*}"
  printf '%s' "${rest%%,*}"
}
endpoint_host() { printf '%s' "${1%:*}"; }
endpoint_port() { printf '%s' "${1##*:}"; }

# The servers infra:up starts listen on loopback only; anything else is someone else's server.
require_loopback() {
  local name="$1" endpoint="$2" host
  host="$(endpoint_host "$endpoint")"
  case "$host" in
    127.0.0.1 | localhost) ;;
    *) fail "$name: $endpoint is not on 127.0.0.1; infra:up only starts local servers (unset the variable or point it at 127.0.0.1:<port>)" ;;
  esac
  [[ "$(endpoint_port "$endpoint")" =~ ^[0-9]+$ ]] || fail "$name: cannot read a port from '$endpoint'"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid recorded for a server, when that process is alive and still the server we started
# (its command line holds the marker), so a recycled pid is never signalled.
live_pid() {
  local pid_file="$1" marker="$2" pid
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  printf '%s' "$pid"
}

# Starts a command in its own session (so it outlives the npm script), output to a log; records
# its pid, and beside it the port it serves.
start_detached() {
  local pid_file="$1" log_file="$2" port="$3"
  shift 3
  setsid "$@" >>"$log_file" 2>&1 </dev/null &
  printf '%s' "$!" >"$pid_file"
  printf '%s' "$port" >"${pid_file%.pid}.port"
}

# Says so and succeeds when the server we started is up on this port; fails when it serves another.
already_up() {
  local name="$1" pid_file="$2" marker="$3" port="$4" log_file="$5" pid recorded
  pid="$(live_pid "$pid_file" "$marker")" || return 1
  recorded="$(cat "${pid_file%.pid}.port" 2>/dev/null || true)"
  [[ "$recorded" == "$port" ]] ||
    fail "$name: already running on 127.0.0.1:${recorded:-?} (pid $pid), not :$port; 'npm run infra:down' first, or use that port"
  say "$name: already up on 127.0.0.1:$port (pid $pid, log $log_file)"
}

# Polls `check` every second until it succeeds; fails early if the server's process died.
wait_until() {
  local name="$1" pid="$2" timeout="$3" log_file="$4"
  shift 4
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log_file" >&2 || true
      fail "$name exited while starting; its log is $log_file (last lines above)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$log_file" >&2 || true
      fail "$name did not answer within ${timeout}s; see $log_file, then 'npm run infra:down' and try again"
    fi
    sleep 1
  done
}

stop_pid() {
  local name="$1" pid_file="$2" marker="$3" pid
  if ! pid="$(live_pid "$pid_file" "$marker")"; then
    rm -f "$pid_file"
    say "$name: not running (no live pid recorded in $pid_file)"
    return 0
  fi
  kill -TERM "$pid"
  # Kafka's controlled shutdown takes a few seconds; anything stuck past this is killed.
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name: still running after 30s, sending KILL to $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file" "${pid_file%.pid}.port"
  say "$name: stopped (pid $pid)"
}

# Node answers the readiness checks with the same clients the adapters use.
probe() { node "$INFRA_ROOT/lib/probe.cjs" "$@" >/dev/null 2>&1; }

# Builds a command of a Go module from the module proxy into a cached binary, once. The module is
# copied out of Go's module cache and built there as the main module, because `go install …@version`
# refuses modules whose go.mod has exclude or replace directives (Compose) and cannot add files a
# release process generates (FerretDB's version.txt). An optional hook prepares the copy.
#   go_build_module <name> <module> <version> <package> <binary> [prepare-hook]
go_build_module() {
  local name="$1" module="$2" version="$3" package="$4" binary="$5" prepare="${6:-}"
  [[ -x "$binary" ]] && return 0
  command -v go >/dev/null || fail "$name: go is not on PATH (it builds $module $version)"
  mkdir -p "$INFRA_STATE" "$(dirname "$binary")"
  local log="$INFRA_STATE/$name-install.log" build="$(dirname "$binary")/src.$$" dir
  say "$name: building $version from the Go module proxy into $binary (once, minutes; log: $log)"
  dir="$(cd "$INFRA_STATE" && GOFLAGS=-mod=mod go mod download -json "$module@$version" 2>>"$log" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || true
  [[ -n "$dir" && -d "$dir" ]] || fail "$name: could not download $module@$version (log: $log); check that the Go module proxy answers"
  rm -rf "$build"
  cp -R "$dir" "$build"
  chmod -R u+w "$build"
  [[ -z "$prepare" ]] || "$prepare" "$build"
  if ! (cd "$build" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -o "$binary.tmp" "$package") >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    fail "$name: the build failed (log: $log)"
  fi
  rm -rf "$build"
  mv "$binary.tmp" "$binary"
}
