#!/usr/bin/env bash
# Installs Debian's redis-server when missing (CI runs as root on Debian); the tests start their own instance on
# a free loopback port, so the package's service is not used.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
mkdir -p test-results
echo "Installing Debian's redis-server (log: test-results/redis-install.log)"
if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server; } > test-results/redis-install.log 2>&1; then
  echo "FAILED at step \"install redis-server\"; log: test-results/redis-install.log" >&2
  exit 1
fi
# The package starts a service on 6379 where systemd or init scripts run; the tests do not need it.
service redis-server stop >/dev/null 2>&1 || true
