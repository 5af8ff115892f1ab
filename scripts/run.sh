#!/usr/bin/env bash
# Builds and runs Candor. With nothing configured it uses (or starts) a local Postgres, generates
# development secrets, fills an empty database with demo data, and prints where to go.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

scripts/setup.sh

configured_db="${DATABASE_URL:-}"
select_postgres candor
[ -n "$configured_db" ] || ensure_database
load_dev_secrets
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export CANDOR_MAIL_DIR="${CANDOR_MAIL_DIR:-$PWD/target/mail}"

log "Release build (the first one takes several minutes)"
scripts/build-site.sh --release
bin=target/release/candor

"$bin" migrate >/dev/null
credentials="target/demo-credentials.txt"
if [ -z "$configured_db" ]; then
  seeded="$("$bin" seed-demo)"
  if ! grep -q "already has users" <<<"$seeded"; then
    umask 077
    printf '%s\n' "$seeded" >"$credentials"
  fi
fi

echo
echo "Candor: open http://$LEPTOS_SITE_ADDR"
if [ -f "$credentials" ] && [ -z "$configured_db" ]; then
  echo
  cat "$credentials"
  echo
  echo "A candidate's preferences link:"
  "$bin" link anna.schmidt@example.com || true
fi
echo
echo "Emails are written to ${CANDOR_MAIL_DIR} (set CANDOR_SMTP_URL to send them)."
echo "Stop with Ctrl-C."
echo
"$bin" serve
