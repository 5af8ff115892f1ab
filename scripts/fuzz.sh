#!/usr/bin/env bash
# Property-based fuzzing of everything that reads outside input: candidate link verification and
# every public form's parser (domain level), and every public form through the real router (HTTP
# level, against a real Postgres). Not part of the test command, which runs a short round of the
# same targets.
#   scripts/fuzz.sh            100,000 inputs per target
#   scripts/fuzz.sh 20000      another count
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

cases="${1:-100000}"
scripts/setup.sh
select_postgres postgres

log "Domain targets: ${cases} inputs each (links, email, rectification, application, résumé)"
PROPTEST_CASES="$cases" cargo test -p app --lib --features ssr properties -- --test-threads=2

log "HTTP targets: ${cases} requests to each of the eight public forms (no 5xx, no panic)"
CANDOR_FUZZ_CASES="$cases" cargo test -p server --test server \
  preferences::pages::public_forms_answer_any_input_without_a_server_error -- --exact

log "Fuzzing passed: ${cases} inputs per target, no panic, no server error"
