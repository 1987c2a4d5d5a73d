#!/usr/bin/env bash
# `npm run test:wordpress`: the `wordpress` vitest project against a real WordPress.
# The global setup (global-setup.ts) installs and starts one on loopback, or uses WORDPRESS_TEST_URL
# (+ WORDPRESS_TEST_USER / WORDPRESS_TEST_APP_PASSWORD). Extra arguments go to vitest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
exec npx vitest run --config tests/wordpress/vitest.config.ts --project wordpress "$@"
