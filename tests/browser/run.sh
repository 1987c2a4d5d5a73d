#!/usr/bin/env bash
# `npm run test:browser`: GraphiQL in Debian's Chromium (installed with apt when missing; needs root).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium (log: test-results/chromium-install.log)"
  mkdir -p test-results
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } > test-results/chromium-install.log 2>&1; then
    echo "FAILED at step \"install chromium\"; log: test-results/chromium-install.log" >&2
    exit 1
  fi
fi
exec npx vitest run --project browser "$@"
