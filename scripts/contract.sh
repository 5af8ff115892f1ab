#!/usr/bin/env bash
# The integration API judged by an outside reference: Schemathesis generates calls from the
# served OpenAPI document (examples, edge cases, fuzzing) and checks every answer: no server
# error, and each response conforms to the document (status, content type, headers, schema).
# Run once per key scope, against the debug server on a demo database.
#   scripts/contract.sh    (needs target/debug/candor; scripts/setup.sh installs Schemathesis)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SCHEMATHESIS="${SCHEMATHESIS:-${XDG_CACHE_HOME:-$HOME/.cache}/candor/schemathesis-4.32.5/bin/schemathesis}"

select_postgres postgres
export DATABASE_URL="${DATABASE_URL%/*}/candor_contract"
recreate_database
port="${CANDOR_CONTRACT_PORT:-3200}"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
export CANDOR_PUBLIC_URL="http://127.0.0.1:$port"
export CANDOR_LINK_KEYS="contract:$(head -c 32 /dev/urandom | base64)"
export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
export CANDOR_MAIL_DIR="$PWD/target/contract-mail"
export CANDOR_SWEEP_SCHEDULE=off CANDOR_ALERT_SCHEDULE=off
# Generated calls come fast: the rate limit is tested elsewhere.
export CANDOR_API_CALLS_PER_MINUTE=1000000
target/debug/candor seed-demo >/dev/null
admin="$(psql "$DATABASE_URL" -Atc "SELECT email FROM users WHERE role = 'super_admin' ORDER BY created_at LIMIT 1")"

target/debug/candor serve >target/contract-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 1
done

status=0
# One worker: with two, Hypothesis parses lambda sources from two threads at once, and CPython
# 3.11's parser fails on that now and then ("AST constructor recursion depth mismatch"), which
# Schemathesis reports as an error of the operation it was testing.
for scopes in read read,write read,write,anonymize; do
  key="$(target/debug/candor create-api-key --name "contract $scopes" --scopes "$scopes" --created-by "$admin")"
  log "Schemathesis, key with $scopes"
  "$SCHEMATHESIS" run "http://127.0.0.1:$port/api/v1/openapi.json" \
    --header "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "${CONTRACT_EXAMPLES:-40}" \
    --seed 1 \
    --workers 1 \
    --no-color || status=1
done
exit $status
