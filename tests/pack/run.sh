#!/usr/bin/env bash
# `npm run test:pack`: the package as a user installs it. `npm pack` (prepack builds dist/), the tarball installed
# into an empty folder with the registry's dependencies only (no devDependencies: no tsx, no TypeScript), then
# `npx wp-graphql-gateway serve` over the embedded demo site on 127.0.0.1 and a free port, a query, `check`
# against that demo site, and SIGTERM. Needs Node and the npm registry. Prints one line per step; on failure the
# gateway's output.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d)
LOG="$WORK/serve.log"
GROUP=""
cleanup() {
  [[ -n "$GROUP" ]] && kill -KILL -- "-$GROUP" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "test:pack FAILED: $1" >&2
  [[ -f "$LOG" ]] && sed 's/^/  | /' "$LOG" >&2
  exit 1
}

cd "$ROOT"
TARBALL=$(npm pack --silent --pack-destination "$WORK" | tail -n 1)
[[ -f "$WORK/$TARBALL" ]] || fail "npm pack made no tarball"
# What runs, and nothing else: the built JavaScript, the bin, the README (and package.json, always packed).
CONTENTS=$(tar -tzf "$WORK/$TARBALL")
grep -q '^package/dist/src/bin\.js$' <<<"$CONTENTS" || fail "the tarball has no dist/src/bin.js"
grep -q '^package/dist/demo/content\.json$' <<<"$CONTENTS" || fail "the tarball has no demo content"
if grep -Ev '^package/(dist/|bin/|README\.md$|package\.json$)' <<<"$CONTENTS"; then fail "the tarball holds files beyond dist/, bin/, README.md"; fi
if grep -E '\.ts$' <<<"$CONTENTS"; then fail "the tarball holds TypeScript sources"; fi
echo "test:pack: packed $TARBALL ($(wc -l <<<"$CONTENTS") files)"

APP="$WORK/app"
mkdir "$APP"
cd "$APP"
echo '{ "name": "pack-test", "private": true }' >package.json
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$WORK/$TARBALL" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; fail "npm install of the tarball"; }
[[ -e node_modules/tsx ]] && fail "tsx was installed: the package must run without a TypeScript loader"
[[ -e node_modules/typescript ]] && fail "typescript was installed with the package"
echo "test:pack: installed into an empty folder (no tsx, no typescript)"

# setsid: npx and the gateway in a process group of their own, so nothing outlives the test.
PORT=0 HOST=127.0.0.1 LOG_LEVEL=info setsid npx --no-install wp-graphql-gateway serve >"$LOG" 2>&1 &
GROUP=$!
URL=""
for _ in $(seq 1 240); do
  URL=$(grep -o 'GraphQL gateway ready at http://127\.0\.0\.1:[0-9]*/graphql' "$LOG" | head -n 1 | sed 's/.* at //') || true
  [[ -n "$URL" ]] && break
  kill -0 "$GROUP" 2>/dev/null || fail "npx wp-graphql-gateway serve exited before serving"
  sleep 0.25
done
[[ -n "$URL" ]] || fail "npx wp-graphql-gateway serve did not serve within 60 s"
echo "test:pack: npx wp-graphql-gateway serve serves $URL"

ANSWER=$(curl -sS -X POST -H 'content-type: application/json' \
  -d '{"query":"{ posts(first: 2) { nodes { title author { node { name } } } } }"}' "$URL") || fail "no answer from $URL"
node -e '
  const a = JSON.parse(process.argv[1]);
  const nodes = a.data?.posts?.nodes ?? [];
  if (a.errors || nodes.length !== 2 || !nodes.every((n) => typeof n.title === "string" && typeof n.author?.node?.name === "string")) {
    console.error("unexpected answer: " + process.argv[1]);
    process.exit(1);
  }' "$ANSWER" || fail "the query's answer"
echo "test:pack: the demo site answers a query through the installed gateway"

DEMO=$(grep -o '"demo":"http://127\.0\.0\.1:[0-9]*"' "$LOG" | head -n 1 | sed 's/"demo":"//; s/"$//')
[[ -n "$DEMO" ]] || fail "the log does not say where the demo site listens"
CHECK=$(npx --no-install wp-graphql-gateway check --wordpress-url "$DEMO" 2>&1) || { echo "$CHECK" >&2; fail "check against $DEMO"; }
grep -q "^WordPress REST API found at $DEMO" <<<"$CHECK" || { echo "$CHECK" >&2; fail "check's report"; }
grep -Eq 'published posts visible anonymously: [1-9][0-9]*$' <<<"$CHECK" || { echo "$CHECK" >&2; fail "check counted no posts"; }
echo "test:pack: check finds the demo site's REST API"

# The gateway process (node running the installed bin; npx runs it as a child) drains and exits 0 on SIGTERM,
# and npx exits with its code.
SERVER=$(pgrep -g "$GROUP" -f '^node [^ ]*/\.bin/wp-graphql-gateway serve$' | head -n 1) || fail "no gateway process in npx's group"
kill -TERM "$SERVER"
for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
kill -0 "$SERVER" 2>/dev/null && fail "the gateway did not stop within 15 s of SIGTERM"
grep -q 'Shutting down: finishing in-flight requests' "$LOG" || fail "no shutdown line in the log"
RC=0
wait "$GROUP" || RC=$?
GROUP=""
[[ $RC -eq 0 ]] || fail "npx exited $RC after SIGTERM"
echo "test:pack: SIGTERM stopped it (exit 0)"
