#!/usr/bin/env bash
# Measures GET /preferences/{token} against its floor, in one run on loopback with wrk:
#   page  — `candor serve` (release): verify the link, load settings, candidate, consent events and
#           requests, render the whole page server-side;
#   floor — `bench-floor` (release, same key ring and pool settings): verify the same link, run
#           the same primary-key query, return a static body.
# Writes docs/benchmarks.md with requests/s, p99 latency and the page/floor ratio. Not part of
# the tests: timings depend on the machine; the ratio is what to compare between runs.
#   scripts/bench.sh [seconds per run, default 20] [connections, default 16]
#
# With `mail`, measures email delivery instead: emails/s through the outbox against a bare lettre
# send loop to the same in-process SMTP server (server/benches/outbox.rs):
#   scripts/bench.sh mail [emails per round, default 2000] [rounds, default 3]
#
# With `sweep`, measures the retention sweep's dry run over a generated organization (1M candidates,
# 3M opportunities; scripts/generate-candidates.sql) against one SQL scan of the same facts
# (server/benches/sweep.rs):
#   scripts/bench.sh sweep [candidates, default 1000000] [rounds, default 3]
#
# With `api`, measures the integration API over a generated organization with an address per
# candidate (server/benches/api.rs): candidates/s pushed through the batch endpoint against a COPY
# of the same rows, and the contact-status lookup's p99 against the bare indexed query:
#   scripts/bench.sh api [pushed, default 100000] [on file, default 1000000] [lookups, default 2000]
#
# With `webhooks`, measures webhook deliveries/s through the outbox against a bare loop of the same
# HTTP client posting the same signed bodies to the same loopback receiver (server/benches/webhooks.rs):
#   scripts/bench.sh webhooks [deliveries per round, default 5000] [rounds, default 3]
#
# With `import`, measures `candor import` (release) on generated CSV files of growing size: the
# process's peak resident memory and lines/s, against `candor migrate`'s peak (the same binary
# doing no import) in the same run. The memory must stay flat as the file grows:
#   scripts/bench.sh import [small, default 10000] [large, default 100000]
#
# With `bundles`, builds the release site and weighs what each page ships (the browser tests'
# byte budgets, end2end/tests/bundles.spec.ts), then times the preferences page on a throttled
# phone profile against the same page without JavaScript (end2end/bench/throttled.spec.ts):
#   scripts/bench.sh bundles
#
# With `workspace`, measures the recruiter's pages over a generated organization of a million
# candidates against their floor queries (scripts/bench/workspace.sh says how):
#   scripts/bench.sh workspace [seconds per page, default 10] [connections, default 4] [candidates, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if [ "${1:-}" = workspace ]; then
  shift
  exec bash scripts/bench/workspace.sh "$@"
fi

if [ "${1:-}" = mail ]; then
  emails="${2:-2000}"
  rounds="${3:-3}"
  select_postgres
  log "Mail benchmark: $emails emails per round, $rounds rounds (release build)"
  out="$(cargo bench -p server --bench outbox -- "$emails" "$rounds" 2>/dev/null | tee /dev/stderr)"
  line="$(grep '^RESULT ' <<<"$out")"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  verdict="$(awk -v r="$(field ratio)" 'BEGIN { print (r >= 0.8) ? "meets" : "misses" }')"
  write_block bench-mail "$(cat <<MD
<!-- bench-mail:start (written by scripts/bench.sh mail) -->
Measured by \`scripts/bench.sh mail\` on $(date -u +%Y-%m-%d): $emails emails per round, median of
$rounds rounds, $(nproc) CPU cores shared by the sender, the SMTP server (in the same process) and
Postgres. Release build. Both sides send the same messages to the same server over loopback.

| sender | what it does | emails/s |
|---|---|---:|
| bare lettre loop | one pooled SMTP transport, one message after another | $(field bare) |
| outbox worker ($(field concurrency) at once, the default) | claim with SKIP LOCKED, send, mark sent | $(field outbox) |
| outbox worker, one at a time | the same, \`CANDOR_MAIL_CONCURRENCY=1\` | $(field outbox_one) |

**Ratio outbox / bare loop: $(field ratio)** (target ≥ 0.8: $verdict it); one at a time: $(field ratio_one).
<!-- bench-mail:end -->
MD
)"
  exit 0
fi

if [ "${1:-}" = webhooks ]; then
  deliveries="${2:-5000}"
  rounds="${3:-3}"
  select_postgres
  log "Webhook benchmark: $deliveries deliveries per round, $rounds rounds (release build)"
  out="$(cargo bench -p server --bench webhooks -- "$deliveries" "$rounds" 2>/dev/null | tee /dev/stderr)"
  line="$(grep '^RESULT ' <<<"$out")"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  verdict="$(awk -v r="$(field ratio)" 'BEGIN { print (r >= 0.8) ? "meets" : "misses" }')"
  write_block bench-webhooks "$(cat <<MD
<!-- bench-webhooks:start (written by scripts/bench.sh webhooks) -->
Measured by \`scripts/bench.sh webhooks\` on $(date -u +%Y-%m-%d): $deliveries deliveries per round,
median of $rounds rounds, $(nproc) CPU cores shared by the deliverer, the receiver (in the same
process) and Postgres. Release build. Both sides use the same client (checked resolution, no
redirects, no proxy) at the same concurrency ($(field concurrency)), posting the same signed body.

| receiver | sender | what it does | deliveries/s |
|---|---|---|---:|
| answers at once | bare loop | the deliverer's HTTP client, $(field concurrency) requests in flight | $(field bare) |
| answers at once | webhook outbox | claim with SKIP LOCKED, sign, post, record the answer and the endpoint's health | $(field outbox) |
| works 20 ms first | bare loop | the same | $(field bare_slow) |
| works 20 ms first | webhook outbox | the same | $(field outbox_slow) |

**Ratio outbox / bare loop: $(field ratio)** against a receiver that answers at once (target ≥ 0.8:
$verdict it); **$(field ratio_slow)** against one that works 20 ms before answering.
<!-- bench-webhooks:end -->
MD
)"
  exit 0
fi

if [ "${1:-}" = bundles ]; then
  select_postgres
  export DATABASE_URL="${DATABASE_URL%/*}/candor_bench_bundles"
  recreate_database
  log "Release build"
  scripts/build-site.sh --release >/dev/null
  export CANDOR_BIN="$PWD/target/release/candor"
  export CANDOR_LINK_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
  export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
  export CANDOR_MAIL_DIR="$PWD/target/bench-mail" CANDOR_PUBLIC_URL="http://127.0.0.1:${CANDOR_E2E_PORT:-3100}"
  export CANDOR_SWEEP_SCHEDULE=off CANDOR_ALERT_SCHEDULE=off RUST_LOG=warn
  "$CANDOR_BIN" seed-demo >/dev/null
  export CANDOR_BUNDLE_REPORT="$PWD/target/bench-bundles.json" CANDOR_BENCH_OUT="$PWD/target/bench-throttled.json"
  log "Weighing the pages"
  npx playwright test bundles.spec.ts --config end2end/playwright.config.ts --project=javascript >&2
  log "The preferences page on a throttled phone"
  npx playwright test --config end2end/bench.config.ts >&2
  table="$(python3 - <<'PY'
import json, os
pages = json.load(open(os.environ["CANDOR_BUNDLE_REPORT"]))
kb = lambda n: f"{n / 1000:.1f} KB"
for name, page in pages.items():
    budget = "≤ 400 KB" if name.startswith("workspace") else "≤ 100 KB / ≤ 160 KB"
    print(f"| {name} | {kb(page['scripts'])} | {kb(page['total'])} | {budget} |")
PY
)"
  read -r floor hydrated toggled < <(python3 -c 'import json,os; r=json.load(open(os.environ["CANDOR_BENCH_OUT"])); print(r["floor_ms"], r["hydrated_ms"], r["toggled_ms"])')
  verdict="$(awk -v t="$toggled" 'BEGIN { print (t <= 2500) ? "meets" : "misses" }')"
  write_block bench-bundles "$(cat <<MD
<!-- bench-bundles:start (written by scripts/bench.sh bundles) -->
Measured by \`scripts/bench.sh bundles\` on $(date -u +%Y-%m-%d): the release site, bytes as the
server sends them to a client that accepts brotli (the browser tests hold every build to these
budgets). Candidate pages are server HTML with one island; each workspace area hydrates
whole with its own bundle, weighed on its first page in a browser with nothing cached.

| page | JS + WASM | everything (HTML, CSS, JS, WASM, icon) | budget |
|---|---:|---:|---|
$table

The preferences page on a throttled phone (1.6 Mbit/s down, 150 ms round trips, CPU 4× slower;
Chrome DevTools protocol), median of 5 fresh contexts, $(nproc) CPU cores shared with the server:

| from navigation to | ms |
|---|---:|
| the page loaded without JavaScript (the floor: HTML and CSS) | $floor |
| the page hydrated (its island running) | $hydrated |
| a consent change shown in place | $toggled |

**Consent change in place: $toggled ms** (target ≤ 2,500 ms: $verdict it); $(awk -v t="$hydrated" -v f="$floor" 'BEGIN { printf "%.2f", t / f }')× the floor to hydrate.
<!-- bench-bundles:end -->
MD
)"
  exit 0
fi

if [ "${1:-}" = import ]; then
  small="${2:-10000}"
  large="${3:-100000}"
  select_postgres
  export DATABASE_URL="${DATABASE_URL%/*}/candor_bench_import"
  export CANDOR_LINK_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
  export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
  export CANDOR_MAIL_DIR="$PWD/target/bench-mail" RUST_LOG=warn
  log "Release build"
  cargo build --release -p server --bin candor >/dev/null
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  # A file in Candor's template: a candidate, an opportunity on a demo posting, a consent decision.
  generate() {
    python3 - "$1" "$2" <<'PY'
import csv, sys
rows, path = int(sys.argv[1]), sys.argv[2]
stages = ["Application Review", "Phone Screen", "Onsite Interview", "Offer"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["external_id", "first_name", "last_name", "emails", "phones", "country",
                "added_at", "posting_title", "stage", "state", "archive_reason", "archived_at",
                "consent_purpose", "consent_decision", "consent_at", "consent_basis",
                "consent_text_version"])
    for i in range(rows):
        archived = i % 5 == 0
        w.writerow([f"bench-{i}", f"First{i}", f"Last{i}", f"bench{i}@import.example",
                    f"+44 20 7946 {i % 10000:04d}", "DE", "2025-01-02",
                    "Backend Engineer (Rust)", stages[i % 4],
                    "archived" if archived else "active",
                    "Underqualified" if archived else "", "2025-06-01" if archived else "",
                    "retention", "given", "2025-01-02T09:00:00Z", "consent", "ats-notice-3"])
PY
  }
  # Prints "peak-RSS-in-KB seconds" of one command (GNU time).
  measure() {
    /usr/bin/time -f '%M %e' -o "$dir/time" "$@" >"$dir/out" 2>&1 || { cat "$dir/out" >&2; exit 1; }
    cat "$dir/time"
  }
  fresh() {
    recreate_database
    target/release/candor migrate >/dev/null
    target/release/candor seed-demo >/dev/null
    psql "$DATABASE_URL" -qc 'VACUUM ANALYZE' >/dev/null
  }
  admin="$(fresh && psql "$DATABASE_URL" -Atc "SELECT email FROM users WHERE role = 'super_admin' ORDER BY created_at LIMIT 1")"
  read -r floor_kb _ < <(measure target/release/candor migrate)
  results=()
  for rows in "$small" "$large"; do
    generate "$rows" "$dir/candidates-$rows.csv"
    fresh
    log "candor import: $rows lines"
    read -r kb secs < <(measure target/release/candor import "$dir/candidates-$rows.csv" --as "$admin")
    grep -q "Created $rows," "$dir/out" || { cat "$dir/out" >&2; echo "the import did not create every line" >&2; exit 1; }
    results+=("$rows $kb $secs $(stat -c %s "$dir/candidates-$rows.csv")")
  done
  read -r _ small_kb small_secs small_bytes <<<"${results[0]}"
  read -r _ large_kb large_secs large_bytes <<<"${results[1]}"
  mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
  rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
  ratio="$(awk -v a="$large_kb" -v b="$small_kb" 'BEGIN { printf "%.2f", a / b }')"
  verdict="$(awk -v r="$ratio" 'BEGIN { print (r <= 1.25) ? "meets" : "misses" }')"
  write_block bench-import "$(cat <<MD
<!-- bench-import:start (written by scripts/bench.sh import) -->
Measured by \`scripts/bench.sh import\` on $(date -u +%Y-%m-%d): \`candor import FILE --as ADMIN\`
(check, then apply) of generated files in the template, each on a fresh demo database, $(nproc)
CPU cores shared by Candor and Postgres. Release build. Each line: a candidate with an address
and a phone, an opportunity on a demo posting (a fifth archived) and a consent decision.

| run | file | peak RSS | seconds | lines/s |
|---|---:|---:|---:|---:|
| \`candor migrate\` (the binary, connected, importing nothing) | | $(mb "$floor_kb") MB | | |
| import of $small lines | $(mb "$((small_bytes / 1024))") MB | $(mb "$small_kb") MB | $small_secs | $(rate "$small" "$small_secs") |
| import of $large lines | $(mb "$((large_bytes / 1024))") MB | $(mb "$large_kb") MB | $large_secs | $(rate "$large" "$large_secs") |

**Peak memory, $large lines / $small lines: $ratio** (target ≤ 1.25, flat as the file grows:
$verdict it).
<!-- bench-import:end -->
MD
)"
  exit 0
fi

if [ "${1:-}" = sweep ]; then
  candidates="${2:-1000000}"
  rounds="${3:-3}"
  select_postgres
  export DATABASE_URL="${DATABASE_URL%/*}/candor_bench_sweep"
  recreate_database
  for migration in migrations/*.up.sql; do
    psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f "$migration" >/dev/null
  done
  log "Generating $candidates candidates and $((candidates * 3)) opportunities"
  psql "$DATABASE_URL" -q -v candidates="$candidates" -f scripts/generate-candidates.sql >/dev/null
  psql "$DATABASE_URL" -qc 'VACUUM ANALYZE' >/dev/null
  log "Sweep benchmark: $rounds rounds (release build)"
  out="$(cargo bench -p server --bench sweep -- "$rounds" 2>/dev/null | tee /dev/stderr)"
  line="$(grep '^RESULT ' <<<"$out")"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  verdict="$(awk -v r="$(field ratio)" 'BEGIN { print (r <= 2) ? "meets" : "misses" }')"
  write_block bench-sweep "$(cat <<MD
<!-- bench-sweep:start (written by scripts/bench.sh sweep) -->
Measured by \`scripts/bench.sh sweep\` on $(date -u +%Y-%m-%d): $(field candidates) candidates and
$(field opportunities) opportunities from \`scripts/generate-candidates.sql\` (GDPR, combination 4),
median of $rounds alternating rounds, $(nproc) CPU cores shared by Candor and Postgres. Release build.

| side | what it does | seconds |
|---|---|---:|
| SQL scan | reads every column of \`candidate_retention_facts\` inside Postgres, returns one row | $(field sql) |
| dry run | streams the same rows to Candor, decides each with the domain rule, records the summary | $(field dry) |

**Ratio dry run / SQL scan: $(field ratio)** (target ≤ 2: $verdict it). The dry run found
$(field marked) marked ($(field due) due, $(field waiting) within the grace period, $(field held) on hold).
<!-- bench-sweep:end -->
MD
)"
  exit 0
fi

if [ "${1:-}" = api ]; then
  pushed="${2:-100000}"
  on_file="${3:-1000000}"
  lookups="${4:-2000}"
  select_postgres
  export DATABASE_URL="${DATABASE_URL%/*}/candor_bench_api"
  recreate_database
  log "Release build"
  cargo build --release -p server --bin candor >/dev/null
  target/release/candor migrate >/dev/null
  log "Generating $on_file candidates, each with an address"
  psql "$DATABASE_URL" -q -v candidates="$on_file" -f scripts/generate-candidates.sql >/dev/null
  psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -c "INSERT INTO candidate_emails (candidate_id, email, is_primary)
      SELECT id, 'bench' || row_number() OVER (ORDER BY id) || '@bench.example', true FROM candidates" >/dev/null
  psql "$DATABASE_URL" -qc 'VACUUM ANALYZE' >/dev/null
  export CANDOR_LINK_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
  export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
  export CANDOR_PUBLIC_URL="http://127.0.0.1:3000"
  # The per-key rate limit is tested elsewhere; here it would only pace the load.
  export CANDOR_API_CALLS_PER_MINUTE=1000000
  target/release/candor create-user --email bench.owner@team.example --name "Bench Owner" --role super_admin >/dev/null
  CANDOR_BENCH_KEY="$(target/release/candor create-api-key --name bench --scopes read,write --created-by bench.owner@team.example)"
  export CANDOR_BENCH_KEY
  log "API benchmark: $pushed pushed, $lookups lookups (release build)"
  out="$(cargo bench -p server --bench api -- "$pushed" "$lookups" 2>/dev/null | tee /dev/stderr)"
  line="$(grep '^RESULT ' <<<"$out")"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  push_verdict="$(awk -v r="$(field push_ratio)" 'BEGIN { print (r >= 0.25) ? "meets" : "misses" }')"
  lookup_verdict="$(awk -v r="$(field lookup_ratio)" 'BEGIN { print (r <= 2) ? "meets" : "misses" }')"
  write_block bench-api "$(cat <<MD
<!-- bench-api:start (written by scripts/bench.sh api) -->
Measured by \`scripts/bench.sh api\` on $(date -u +%Y-%m-%d): $(nproc) CPU cores shared by Candor
and Postgres, release build, calls through the whole router in process (key, rate limit,
idempotency layer, handler, core services). The organization: $(field on_file) candidates by the
end (\`scripts/generate-candidates.sql\` plus an address each, and what the run pushed).

| pushing $(field candidates) candidates, one opportunity each | candidates/s |
|---|---:|
| \`COPY\` of the same rows (candidates, addresses, opportunities), one transaction | $(field copy_rate) |
| \`POST /api/v1/candidates/batch\`, 1,000 a call, 2 calls at a time | $(field api_rate) |

**Ratio API / COPY: $(field push_ratio)** (target ≥ 0.25: $push_verdict it).

| $(field lookups) lookups, half known, half never seen | p50 ms | p99 ms |
|---|---:|---:|
| bare indexed query (the address's records) | $(field floor_p50) | $(field floor_p99) |
| \`GET /api/v1/contact-status\` | $(field status_p50) | $(field status_p99) |

**Ratio of the p99s: $(field lookup_ratio)** (target ≤ 2: $lookup_verdict it).
<!-- bench-api:end -->
MD
)"
  exit 0
fi

duration="${1:-20}"
connections="${2:-16}"
page_port=3210
floor_port=3211

scripts/setup.sh >/dev/null
if ! command -v wrk >/dev/null; then
  log "apt-get install wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

log "Release builds (page and floor)"
scripts/build-site.sh --release >/dev/null
cargo build --release -p server --bin bench-floor >/dev/null

select_postgres
export DATABASE_URL="${DATABASE_URL%/*}/candor_bench"
recreate_database
export CANDOR_LINK_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
export CANDOR_MAIL_DIR="$PWD/target/bench-mail"
export RUST_LOG=warn
target/release/candor migrate >/dev/null
target/release/candor seed-demo >/dev/null
# Settle the fresh tables first, so autovacuum doesn't run during the measurement.
psql "$DATABASE_URL" -qc 'VACUUM ANALYZE' >/dev/null
token="$(target/release/candor link anna.schmidt@example.com | sed 's|.*/preferences/||')"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
LEPTOS_SITE_ADDR="127.0.0.1:$page_port" target/release/candor serve >/dev/null 2>&1 & pids+=($!)
LEPTOS_SITE_ADDR="127.0.0.1:$floor_port" target/release/bench-floor >/dev/null 2>&1 & pids+=($!)
for port in $page_port $floor_port; do
  for _ in $(seq 1 100); do port_open 127.0.0.1 "$port" && break; sleep 0.1; done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/preferences/$token"   # both answer 200
done

# Prints "requests/s p99-in-ms" for one wrk run.
measure() {
  local out rps p99
  out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$1")"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; print v }' <<<"$out")"
  echo "$rps $p99"
}

log "Warm-up"
wrk -t1 -c4 -d3s "http://127.0.0.1:$floor_port/preferences/$token" >/dev/null
wrk -t1 -c4 -d3s "http://127.0.0.1:$page_port/preferences/$token" >/dev/null
log "Floor: ${duration}s, $connections connections"
read -r floor_rps floor_p99 < <(measure "http://127.0.0.1:$floor_port/preferences/$token")
log "Page: ${duration}s, $connections connections"
read -r page_rps page_p99 < <(measure "http://127.0.0.1:$page_port/preferences/$token")
ratio="$(awk -v p="$page_rps" -v f="$floor_rps" 'BEGIN { printf "%.2f", p / f }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "meets" : "misses" }')"

result="$(cat <<MD
<!-- bench:start (written by scripts/bench.sh) -->
Measured by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d), one run, loopback, wrk with 2 threads and
$connections connections for ${duration}s per target, $(nproc) CPU cores shared by wrk, the servers and
Postgres. Release builds; the demo organization's showcase candidate.

| target | what it does | requests/s | p99 latency |
|---|---|---:|---:|
| floor (\`bench-floor\`) | verify the JWT, one primary-key query, static body | $floor_rps | ${floor_p99} ms |
| page (\`candor serve\`) | verify the JWT, load settings, candidate, consent and requests, render the page | $page_rps | ${page_p99} ms |

**Ratio page / floor: $ratio** (target ≥ 0.5: $verdict it).
<!-- bench:end -->
MD
)"
write_block bench "$result"
cat docs/benchmarks.md
