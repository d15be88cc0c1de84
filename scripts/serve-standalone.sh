#!/usr/bin/env bash
# Serves the production build as the container image does (Dockerfile): `node server.js` in
# .next/standalone, with PORT from the environment (default 3000). Used by `npm start` (scripts/start.sh),
# `npm run serve` and the e2e suite's app servers (playwright.config.ts). Needs a build (`npm run build`).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.next/standalone
[ -f "$out/server.js" ] || { echo "no $out/server.js: run npm run build (or npm start) first" >&2; exit 1; }
# A fresh build has no static files or migrations beside server.js yet (next build empties .next).
[ -d "$out/.next/static" ] || bash scripts/assemble-standalone.sh
# server.js runs with its own folder as the working directory: relative paths are made absolute here, so
# DATA_DIR stays the project's .data (and a relative certificate path still resolves) as with `next start`.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
export DATA_DIR="$(absolute "${DATA_DIR:-.data}")"
if [ -n "${VFD_CERT_PFX_PATH:-}" ]; then export VFD_CERT_PFX_PATH="$(absolute "$VFD_CERT_PFX_PATH")"; fi
# Next.js reads .env files from the folder it serves: the project's own go beside server.js.
rm -f "$out"/.env "$out"/.env.local "$out"/.env.production "$out"/.env.production.local
for f in .env .env.local .env.production .env.production.local; do
  if [ -f "$f" ]; then cp "$f" "$out/$f"; fi
done
export PORT="${PORT:-3000}"
# server.js listens on HOSTNAME, which most shells and containers set to the machine's name; every
# interface, as `next start` and the image listen.
export HOSTNAME=0.0.0.0
export NEXT_TELEMETRY_DISABLED=1
exec node "$out/server.js"
