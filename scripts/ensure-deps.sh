#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm dependencies"
  # `npm install`, not `npm ci`: the npm shipped here records only this platform's optional packages in the
  # lock file and then its own `npm ci` refuses that lock as "out of sync". Versions still come from the lock.
  npm install --no-audit --no-fund
fi
