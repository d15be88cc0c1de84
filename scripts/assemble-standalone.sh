#!/usr/bin/env bash
# After `next build`: put beside .next/standalone/server.js what it serves but Next.js does not copy there
# (the static assets and public/) and what it reads at start (the migrations), so the folder runs alone
# with `node server.js` exactly as the container image does (Dockerfile).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.next/standalone
[ -f "$out/server.js" ] || { echo "no $out/server.js: run next build first" >&2; exit 1; }
rm -rf "$out/.next/static" "$out/public" "$out/lib/server/db/migrations"
mkdir -p "$out/.next" "$out/lib/server/db"
cp -r .next/static "$out/.next/static"
cp -r public "$out/public"
cp -r lib/server/db/migrations "$out/lib/server/db/migrations"
