#!/usr/bin/env bash
# `npm start`: install if needed, build if the sources changed since the last build, then serve
# http://localhost:3000 with the embedded database and the sandbox providers (unless keys are configured),
# running the standalone server as the container image does (scripts/serve-standalone.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
stamp=.next/BUILD_ID
if [ ! -f "$stamp" ] || [ ! -f .next/standalone/server.js ] || [ -n "$(find app components lib messages public instrumentation.ts next.config.ts package-lock.json -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  echo "› building the app"
  NEXT_TELEMETRY_DISABLED=1 npx next build
  bash scripts/assemble-standalone.sh
fi
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:${PORT:-3000}}"
exec bash scripts/serve-standalone.sh
