#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit tests (PGlite and PostgreSQL), production build, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
step() {
  echo
  echo "=== $1 ($((SECONDS - started)) s)"
}
trap 'echo "=== FAILED in step: ${current_step:-setup}" >&2' ERR

current_step="system packages"; step "$current_step"
bash scripts/ensure-system-packages.sh
[ -d node_modules ] || npm install --no-audit --no-fund

current_step="lint"; step "$current_step"
npm run lint

current_step="typecheck"; step "$current_step"
npm run typecheck

current_step="unit tests"; step "$current_step"
read -r pg_dir pg_url < <(bash scripts/pg-test-server.sh)
trap 'bash scripts/pg-test-server.sh stop "$pg_dir"' EXIT
TEST_DATABASE_URL="$pg_url" npx vitest run

current_step="build"; step "$current_step"
# Canary keys, one per provider (e2e/support/canary-keys.ts): e2e/api/secrets.spec.ts proves none of
# them reaches the build output.
canary_env=$(npx tsx scripts/canary-env.ts)
# shellcheck disable=SC2086 # one NAME=value word per key
env $canary_env npm run build

current_step="e2e"; step "$current_step"
npx playwright test

echo
echo "=== all tests passed in $((SECONDS - started)) s"
