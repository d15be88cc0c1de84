#!/usr/bin/env bash
# `npm test`: the whole suite — lint, types, unit, integration (PGlite, and PostgreSQL when one is
# reachable), the security suite (attacks and fuzzer), production build with a sentinel key, the secret-leak check,
# a smoke run of the bench, the standalone server as the image runs it, the cluster tests (three instances, when PostgreSQL is reachable),
# the reliability suite's small configuration, and Playwright e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "dependencies"
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh

created_db=""
cleanup() {
  if [ -n "$created_db" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$created_db" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
# PostgreSQL integration runs when TEST_DATABASE_URL is set (CI sets it), or when a local server answers:
# then a throwaway database is made for this run and dropped at the end.
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v createdb >/dev/null && pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  created_db="malipo_test_$(date +%s)_$$"
  if createdb -h 127.0.0.1 -U postgres "$created_db" 2>/dev/null; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$created_db"
  else
    created_db=""
  fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "PostgreSQL integration: on"; else echo "PostgreSQL integration: off (no server reachable)"; fi

step "lint and format"
npx next typegen >/dev/null
npm run -s lint

step "types"
npx tsc --noEmit

reports=$(mktemp -d)
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json"

step "integration tests"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json"

step "security suite"
# The fuzzer at its everyday count (README "Security"); `npm run
# test:security -- --full` runs the 10,000 tries per endpoint.
node scripts/test-security.mjs --reporter=default --reporter=json --outputFile.json="$reports/security.json"

step "production build (sentinel provider key)"
# The build runs with a recognisable fake key so the leak check below can prove it never reaches browsers.
export MALIPO_SENTINEL_KEY="sk_test_sentinel_$(date +%s)_do_not_ship"
PAYGRID_API_KEY="$MALIPO_SENTINEL_KEY" SPLASHPAY_API_KEY="pk_test_$MALIPO_SENTINEL_KEY" \
  SPLASHPAY_API_SECRET="$MALIPO_SENTINEL_KEY" SANDBOX=1 npx next build
step "secret-leak check"
if grep -rF "$MALIPO_SENTINEL_KEY" .next/static >/dev/null 2>&1; then
  echo "FAIL: the sentinel provider key appears under .next/static"
  exit 1
fi
echo "the sentinel key is not in .next/static"
bash scripts/assemble-standalone.sh

step "bench smoke"
# Every bench scenario at a tiny size against this build, so `npm run bench` keeps running; no timing is
# asserted (README "Benchmarks"). Ports apart from the e2e servers', moved by E2E_PORT_OFFSET like theirs.
# (Not 4190: fetch refuses it, a "bad port" in the Fetch standard, as it does 6000 and 10080.)
bench_port=$((3190 + ${E2E_PORT_OFFSET:-0}))
BENCH_APP_PORT=$bench_port BENCH_SANDBOX_PORT=$((bench_port + 1005)) BENCH_RAW_SSE_PORT=$((bench_port + 2)) \
  timeout 300 npx tsx bench/run.ts --smoke

step "standalone server as the image runs it; compression, live streams and page-weight budgets"
npx vitest run --project cluster test/cluster/standalone.cluster.test.ts test/cluster/page-weight.cluster.test.ts --reporter=default --reporter=json --outputFile.json="$reports/standalone.json"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "cluster tests (three instances on one PostgreSQL)"
  npx vitest run --project cluster test/cluster/cluster.cluster.test.ts --reporter=default --reporter=json --outputFile.json="$reports/cluster.json"
fi

step "reliability suite, small configuration"
# README "Reliability": webhook chaos, a crash mid-create, database trouble and slow providers against
# this build; exits non-zero when a guarantee's target is missed.
# Scenario 3 needs PostgreSQL and is skipped (with a note in the table) when none answers. The timeout turns
# any wait without end into a failure rather than an overtime.
timeout 900 npx tsx chaos/run.ts --small

step "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json

step "done"
node scripts/count-tests.mjs "$reports"/{unit,integration,security,standalone}.json $([ -f "$reports/cluster.json" ] && echo "$reports/cluster.json") "$reports/e2e.json"
echo "all checks passed in $(( $(date +%s) - started ))s"
