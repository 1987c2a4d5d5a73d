#!/usr/bin/env bash
# Stop Apache and MariaDB that start.sh started (by the pids it recorded; nothing else).
# The database and its seed stay in .wordpress/mysql, so the next start.sh reuses them.
#   bash tests/wordpress/stop.sh            stop the processes
#   bash tests/wordpress/stop.sh --purge    also delete .wordpress/, the site's wp-content and config file
#                                           (the next start installs and seeds again)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE_DIR=${WORDPRESS_STATE_DIR:-$ROOT/.wordpress}
RUN_DIR=$STATE_DIR/run
STATE_FILE=$STATE_DIR/state.json

# is_ours PID PATTERN: the process exists and its command line contains PATTERN (guards against pid reuse).
is_ours() {
  [[ -n "$1" && -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

# stop_group NAME PID PATTERN: TERM the process group start.sh created with setsid, KILL after 10 s.
stop_group() {
  local name=$1 pid=$2 pattern=$3
  if ! is_ours "$pid" "$pattern"; then
    echo "wordpress: $name not running"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || { echo "wordpress: $name stopped (pid $pid)"; return 0; }
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  echo "wordpress: $name killed after 10 s (pid $pid)"
}

# The pid of Apache's parent, started with `-f .wordpress/run/httpd.conf` (its command line names that file).
SERVER_PID=""
if [[ -f "$STATE_FILE" ]]; then
  SERVER_PID=$(sed -n 's/^ *"pid": *\([0-9]*\).*/\1/p' "$STATE_FILE")
fi
# Both at once: each takes 1.5-2 s to exit after TERM.
MARIADB_PID=$(cat "$RUN_DIR/mariadb.pid" 2>/dev/null || true)
stop_group "Apache" "$SERVER_PID" "$RUN_DIR/httpd.conf" &
stop_group "MariaDB" "$MARIADB_PID" "$STATE_DIR/mysql" &
wait

if [[ "${1:-}" == "--purge" ]]; then
  # shellcheck source=instance.sh
  source "$HERE/instance.sh"
  rm -rf "$STATE_DIR" "$(dirname "$CONTENT_DIR")"
  rm -f "$CONFIG_FILE"
  echo "wordpress: removed $STATE_DIR, $(dirname "$CONTENT_DIR") and $CONFIG_FILE"
fi
