#!/usr/bin/env bash
# Runs every test: formatting and lints; unit, database, HTTP and CLI tests (cargo test against a
# real Postgres); the check that no server crate reaches the WASM; the API contract judged by
# Schemathesis; browser tests in Chromium.
#   scripts/test.sh        everything (this is what CI runs)
#   scripts/test.sh e2e    only the browser tests (still builds what they need)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

scripts/setup.sh
# A clean clone builds everything once: incremental data would only cost time and disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
select_postgres postgres
master_url="$DATABASE_URL"
mkdir -p target
passed=0
failed=0

# Adds up cargo's "test result: ok. N passed; M failed; …" lines.
count_cargo() {
  local p f
  p=$(awk '/^test result:/ { s += $4 } END { print s + 0 }' "$1")
  f=$(awk '/^test result:/ { s += $6 } END { print s + 0 }' "$1")
  passed=$((passed + p)); failed=$((failed + f))
}

if [ "${1:-}" != e2e ]; then
  log "cargo fmt --check"
  cargo fmt --all -- --check

  log "cargo clippy (warnings are errors)"
  cargo clippy --workspace --all-targets -- -D warnings

  log "cargo test (unit, database, HTTP, CLI)"
  cargo test --workspace --no-fail-fast 2>&1 | tee target/cargo-test.log   # pipefail: fails here
  count_cargo target/cargo-test.log

  log "WASM bundle holds no server-side crates"
  server_only='^(sqlx|sqlx-core|sqlx-postgres|tokio-postgres|lettre|jsonwebtoken|argon2|leptos_axum|axum|tokio) v'
  if cargo tree -p app --no-default-features --features hydrate --target wasm32-unknown-unknown \
       -e normal --prefix none --format '{p}' | grep -E "$server_only" | sort -u | tee target/wasm-leaks.txt | grep -q .; then
    echo "Server-side crates reach the WASM build:" >&2; cat target/wasm-leaks.txt >&2; exit 1
  fi
  passed=$((passed + 1))

  log "Integration API contract (Schemathesis against the served OpenAPI document)"
  set +e
  scripts/contract.sh 2>&1 | tee target/contract.log
  set -e
  # One check per key scope: "N generated, N passed" when every generated call conformed.
  p=$(grep -cE '^ +[0-9]+ generated, [0-9]+ passed$' target/contract.log || true)
  passed=$((passed + p)); failed=$((failed + 3 - p))
fi

if [ "${1:-}" = e2e ]; then scripts/build-site.sh; else scripts/build-site.sh --no-server; fi

log "Browser tests (Playwright, Chromium)"
export DATABASE_URL="${master_url%/*}/candor_e2e"
recreate_database
export CANDOR_LINK_KEYS="e2e:$(head -c 32 /dev/urandom | base64)"
export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
export CANDOR_MAIL_DIR="$PWD/target/e2e-mail"
export CANDOR_PUBLIC_URL="http://127.0.0.1:${CANDOR_E2E_PORT:-3100}"
# No clock-driven job under the tests: they expect the demo as seeded.
export CANDOR_SWEEP_SCHEDULE=off CANDOR_ALERT_SCHEDULE=off
# The layout test reads the candidate pages in the pseudo-locale (en-XA, 40 % longer).
export CANDOR_PSEUDO_LOCALE=on
target/debug/candor seed-demo >/dev/null
set +e
npx playwright test --config end2end/playwright.config.ts 2>&1 | tee target/e2e.log
e2e_status=${PIPESTATUS[0]}
set -e
# Playwright's summary: "  N passed (…)", "  M failed".
p=$(awk '/^ +[0-9]+ passed/ { s += $1 } END { print s + 0 }' target/e2e.log)
f=$(awk '/^ +[0-9]+ failed/ { s += $1 } END { print s + 0 }' target/e2e.log)
passed=$((passed + p)); failed=$((failed + f))
if [ "$e2e_status" != 0 ] && [ "$f" = 0 ]; then failed=$((failed + 1)); fi

echo
echo "candor: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$e2e_status" = 0 ]
