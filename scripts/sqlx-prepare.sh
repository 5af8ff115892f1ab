#!/usr/bin/env bash
# Refreshes the committed offline query data (.sqlx/) after a query or migration changes.
# Needs only a Postgres server (chosen as in the other scripts) and psql: the migrations are
# applied to a scratch database, and the sqlx macros write their query data while the workspace
# is checked against it (SQLX_OFFLINE_DIR), which is what `cargo sqlx prepare` does too.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

select_postgres
export DATABASE_URL="${DATABASE_URL%/*}/candor_sqlx_prepare"
recreate_database
for migration in migrations/*.up.sql; do
  psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f "$migration" >/dev/null
done

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The macros only run when their crate is rebuilt.
find app/src server/src server/tests -name '*.rs' -exec touch {} +
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$out" cargo check --workspace --all-targets --features server/ssr
rm -f .sqlx/query-*.json
mkdir -p .sqlx
cp "$out"/query-*.json .sqlx/
psql "${DATABASE_URL%/*}/postgres" -qc 'drop database if exists candor_sqlx_prepare with (force)' >/dev/null
echo "Updated .sqlx/ ($(ls .sqlx | wc -l) queries) — commit it with the change."
