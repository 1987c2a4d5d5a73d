#!/usr/bin/env bash
# `npm run test:writes`: mutations against a real WordPress of their own. The suite writes (posts, terms,
# comments, users), so it runs on a separate site (WORDPRESS_STATE_DIR=.wordpress-writes: its own database and
# wp-content, tests/wordpress/instance.sh), never on the one `npm run test:wordpress` counts records on.
# The site is installed, seeded and started by tests/wordpress/global-setup.ts as for that suite; Redis (for
# the two-instance round trip) by tests/support/ensure-redis.sh. Extra arguments go to vitest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export WORDPRESS_STATE_DIR=${WORDPRESS_WRITES_STATE_DIR:-$ROOT/.wordpress-writes}
bash tests/support/ensure-redis.sh
exec npx vitest run --config tests/writes/vitest.config.ts --project writes "$@"
