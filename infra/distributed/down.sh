#!/usr/bin/env bash
# npm run distributed:down: stops the processes distributed:up started, by their recorded pids only
# (each checked to still run its dist/apps script, so a recycled pid is never signalled).
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
# shellcheck source=infra/distributed/processes.sh
source "$INFRA_ROOT/distributed/processes.sh"

# The services first (no new commands), then the projectors and the relay.
for ((i = ${#DISTRIBUTED_PROCESSES[@]} - 1; i >= 0; i--)); do
  read -r name app _ <<<"${DISTRIBUTED_PROCESSES[$i]}"
  stop_pid "$name" "$(distributed_pid_file "$name")" "$(distributed_script "$app")"
done
