#!/usr/bin/env bash
# `npm start`: install if needed, build if the sources changed since the last build, then serve
# http://localhost:3000 with the embedded database and the sandbox providers (unless keys are configured).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
stamp=.next/BUILD_ID
if [ ! -f "$stamp" ] || [ -n "$(find app components lib messages public instrumentation.ts next.config.ts package-lock.json -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  echo "› building the app"
  npx next build
fi
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:${PORT:-3000}}"
export NEXT_TELEMETRY_DISABLED=1
exec npx next start -p "${PORT:-3000}"
