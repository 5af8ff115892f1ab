#!/usr/bin/env bash
# Refreshes the committed offline query data (.sqlx/) after a query or migration changes.
# Needs sqlx-cli (same version as the sqlx crate) and a Postgres server; see README.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

select_postgres
base="${DATABASE_URL%/*}"
export DATABASE_URL="$base/candor_sqlx_prepare"
sqlx database drop -y >/dev/null 2>&1 || true
sqlx database create
sqlx migrate run --source migrations
SQLX_OFFLINE=false cargo sqlx prepare --workspace -- --all-targets --features server/ssr
sqlx database drop -y
echo "Updated .sqlx/ — commit it with the change."
