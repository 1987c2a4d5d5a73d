#!/usr/bin/env bash
# `npm run test:start`: what a new user does after `npm ci` — `npm start` (which builds dist/ first, then runs it
# with npm start's Node flags) serves the embedded demo site; a query answers; SIGTERM stops it with exit 0.
# Needs only Node. Prints one line per step; on failure the gateway's output.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

# setsid: npm, sh and node in one process group of their own, so the stop below reaches the server itself.
PORT=0 HOST=127.0.0.1 setsid npm start >"$LOG" 2>&1 &
GROUP=$!
fail() {
  echo "test:start FAILED: $1" >&2
  sed 's/^/  | /' "$LOG" >&2
  kill -KILL -- "-$GROUP" 2>/dev/null || true
  exit 1
}

URL=""
for _ in $(seq 1 240); do
  URL=$(grep -o 'GraphQL gateway ready at http://127\.0\.0\.1:[0-9]*/graphql' "$LOG" | head -n 1 | sed 's/.* at //') || true
  [[ -n "$URL" ]] && break
  kill -0 "$GROUP" 2>/dev/null || fail "npm start exited before serving"
  sleep 0.25
done
[[ -n "$URL" ]] || fail "npm start did not serve within 60 s"
echo "test:start: npm start serves $URL"

ANSWER=$(curl -sS -X POST -H 'content-type: application/json' \
  -d '{"query":"{ posts(first: 2) { nodes { title author { node { name } } } } }"}' "$URL") || fail "no answer from $URL"
node -e '
  const a = JSON.parse(process.argv[1]);
  const nodes = a.data?.posts?.nodes ?? [];
  if (a.errors || nodes.length !== 2 || !nodes.every((n) => typeof n.title === "string" && typeof n.author?.node?.name === "string")) {
    console.error("unexpected answer: " + process.argv[1]);
    process.exit(1);
  }' "$ANSWER" || fail "the query's answer"
echo "test:start: the demo site answers a query through the gateway"

# npm forwards SIGTERM to its child; the gateway drains and exits 0.
SERVER=$(pgrep -g "$GROUP" -f '^node .*dist/src/bin.js serve' | head -n 1) || fail "no dist/src/bin.js process in npm start's group"
kill -TERM "$SERVER"
for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
kill -0 "$SERVER" 2>/dev/null && fail "the gateway did not stop within 15 s of SIGTERM"
RC=0
wait "$GROUP" || RC=$?
[[ $RC -eq 0 ]] || fail "npm start exited $RC after SIGTERM"
grep -q 'Shutting down: finishing in-flight requests' "$LOG" || fail "no shutdown line in the log"
echo "test:start: SIGTERM stopped it (exit 0)"
