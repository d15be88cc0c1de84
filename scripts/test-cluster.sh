#!/usr/bin/env bash
# `npm run test:cluster`: three production-build instances on one fresh PostgreSQL database (README
# "Running several instances"). Needs PostgreSQL: TEST_DATABASE_URL, or a local server on 127.0.0.1:5432.
# Builds first when there is no standalone build (set CLUSTER_SKIP_BUILD=1 to insist on the existing one).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if pg_isready -h 127.0.0.1 -q 2>/dev/null; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  else
    echo "test:cluster needs PostgreSQL (TEST_DATABASE_URL or a server on 127.0.0.1:5432)" >&2
    exit 1
  fi
fi
if [ ! -f .next/standalone/server.js ]; then
  [ -n "${CLUSTER_SKIP_BUILD:-}" ] && { echo "no standalone build" >&2; exit 1; }
  npx next build
fi
bash scripts/assemble-standalone.sh
exec npx vitest run --project cluster "$@"
