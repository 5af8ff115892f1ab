#!/usr/bin/env bash
# The workspace at a million candidates (issue 26), called as `scripts/bench.sh workspace`:
#   scripts/bench.sh workspace [seconds per page, default 10] [connections, default 4] [candidates, default 1000000]
# Builds the organization once (scripts/generate-candidates.sql + scripts/generate-workspace.sql;
# cached in the database candor_bench_workspace, rebuilt when a migration or a generator changes),
# runs `candor serve` (release) and drives each page with wrk, signed in as an Admin and as a
# Limited Team Member, next to its floor query run with pgbench in the same run. Writes p50, p95 and
# the ratio per page, and EXPLAIN (ANALYZE, BUFFERS) of each page's main query, to
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

duration="${1:-10}"
connections="${2:-4}"
candidates="${3:-1000000}"
port=3107

if ! command -v wrk >/dev/null; then
  log "apt-get install wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v pgbench >/dev/null || { echo "pgbench (postgresql-client) is needed" >&2; exit 1; }

select_postgres
export DATABASE_URL="${DATABASE_URL%/*}/candor_bench_workspace"
admin_url="${DATABASE_URL%/*}/postgres"
# The data set depends on the generators; new migrations are applied to it as an upgrade would.
stamp="$candidates-$(cat scripts/generate-candidates.sql scripts/generate-workspace.sql | sha256sum | cut -c1-16)"
have="$(psql "$admin_url" -Atc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'candor_bench_workspace'" 2>/dev/null || true)"

log "Release build"
cargo build --release -p server --bin candor >/dev/null

if [ "$have" = "$stamp" ] && ! target/release/candor migrate >/dev/null 2>&1; then
  log "The cached organization's migrations differ from these; generating it again"
  have=""
fi
if [ "$have" != "$stamp" ]; then
  recreate_database
  log "Migrating, then generating $candidates candidates (about 20 minutes at a million)"
  target/release/candor migrate >/dev/null
  started=$(date +%s)
  psql "$DATABASE_URL" -q -v candidates="$candidates" -f scripts/generate-candidates.sql >/dev/null
  psql "$DATABASE_URL" -q -f scripts/generate-workspace.sql >/dev/null
  psql "$DATABASE_URL" -qc 'VACUUM ANALYZE' >/dev/null
  log "Generated in $(( $(date +%s) - started )) s"
  psql "$admin_url" -qc "COMMENT ON DATABASE candor_bench_workspace IS '$stamp'" >/dev/null
else
  log "Using the organization generated before ($stamp)"
fi

q() { psql "$DATABASE_URL" -Atc "$1"; }
counts="$(q "SELECT (SELECT count(*) FROM candidates) || ' candidates, ' ||
                    (SELECT count(*) FROM candidate_emails) || ' addresses, ' ||
                    (SELECT count(*) FROM opportunities) || ' opportunities, ' ||
                    (SELECT count(*) FROM consent_events) || ' consent events, ' ||
                    (SELECT count(*) FROM data_requests) || ' data requests, ' ||
                    (SELECT count(*) FROM notes) || ' notes, ' ||
                    (SELECT count(*) FROM email_outbox) || ' outbox rows'")"

# A session for each viewer, written as sign-in writes it (the cookie holds the token, the table
# its SHA-256): the benchmark measures the pages, not the password hash.
session_for() {
  local token hash
  read -r token hash < <(python3 -c '
import base64, hashlib, os
raw = os.urandom(32)
print(base64.urlsafe_b64encode(raw).decode().rstrip("="), hashlib.sha256(raw).hexdigest())')
  q "INSERT INTO sessions (id_hash, user_id, expires_at)
     SELECT decode('$hash', 'hex'), id, now() + interval '1 day' FROM users WHERE email = '$1'" >/dev/null
  echo "$token"
}
admin_token="$(session_for bench.admin@team.example)"
limited_token="$(session_for bench.limited@team.example)"

# A later page: the position of the candidate half-way down the list.
middle="$(q "SELECT (extract(epoch FROM last_activity_at) * 1000000)::bigint || '.' || id
               FROM candidates ORDER BY last_activity_at DESC, id DESC OFFSET $(( candidates / 2 )) LIMIT 1")"
heavy="$(q "SELECT id FROM candidates WHERE name = 'Heavy Profile'")"
recruiter="$(q "SELECT id FROM users WHERE email = 'recruiter1@team.example'")"
month_from="$(date -u -d '-400 days' +%Y-%m-%d)"
month_to="$(date -u -d '-370 days' +%Y-%m-%d)"
# A later dashboard page: after the 1,000th most recently closed request.
dashboard_after="c$(q "SELECT (extract(epoch FROM resolved_at) * 1000000)::bigint || '.' || id FROM data_requests
                        WHERE status <> 'open' ORDER BY resolved_at DESC, id DESC OFFSET 1000 LIMIT 1")"
rare_matches="$(q "SELECT count(*) FROM candidates WHERE search_text ILIKE '%candidate777777@%'")"
common_matches="$(q "SELECT count(*) FROM candidates WHERE search_text ILIKE '%candidate 1%'")"

export CANDOR_LINK_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
export CANDOR_HMAC_KEY="$(head -c 32 /dev/urandom | base64)"
export CANDOR_PUBLIC_URL="http://127.0.0.1:$port"
export CANDOR_MAIL_DIR="$PWD/target/bench-mail"
export CANDOR_SWEEP_SCHEDULE=off CANDOR_ALERT_SCHEDULE=off CANDOR_OUTBOX_WORKER=off RUST_LOG=warn
pids=()
tmp="$(mktemp -d)"
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
LEPTOS_SITE_ADDR="127.0.0.1:$port" target/release/candor serve >"$tmp/serve.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do port_open 127.0.0.1 "$port" && break; sleep 0.1; done

cat >"$tmp/report.lua" <<'LUA'
wrk.headers["Cookie"] = "candor_session=" .. os.getenv("BENCH_TOKEN")
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, summary.requests, summary.errors.status))
end
LUA

# "p50 p95" in ms of one page through wrk; fails on any answer that isn't 200.
page() {
  local token="$1" path="$2" out
  status="$(curl -s -o "$tmp/body" -w '%{http_code}' -H "Cookie: candor_session=$token" "http://127.0.0.1:$port$path")"
  if [ "$status" != 200 ]; then
    echo "GET $path answered $status" >&2; head -c 600 "$tmp/body" >&2; exit 1
  fi
  BENCH_TOKEN="$token" wrk -t1 -c1 -d2s -s "$tmp/report.lua" "http://127.0.0.1:$port$path" >/dev/null
  out="$(BENCH_TOKEN="$token" wrk -t2 -c"$connections" -d"${duration}s" -s "$tmp/report.lua" "http://127.0.0.1:$port$path" | grep '^RESULT ')"
  read -r _ p50 p95 served errors <<<"$out"
  [ "$errors" = 0 ] || { echo "GET $path: $errors answers not 2xx" >&2; exit 1; }
  # No answer within wrk's timeout at all would read as 0 ms.
  [ "$served" -gt 0 ] || { echo "GET $path: no answer in ${duration}s" >&2; exit 1; }
  echo "$p50 $p95"
}

# "p50 p95" in ms of one SQL statement through pgbench, as many clients as wrk has connections.
floor() {
  printf '%s\n' "$1" >"$tmp/floor.sql"
  rm -f "$tmp"/pgbench_log.*
  pgbench -n -f "$tmp/floor.sql" -T 2 -c 1 "$DATABASE_URL" >/dev/null
  (cd "$tmp" && pgbench -n -f floor.sql -T "$duration" -c "$connections" -j 2 -l "$DATABASE_URL" >/dev/null)
  cat "$tmp"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '
    { v[NR] = $1 } END { printf "%.2f %.2f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1] }'
}

list_sql="SELECT id, name, last_activity_at FROM candidates ORDER BY last_activity_at DESC, id DESC LIMIT 26"
rows=()
row() { # label, viewer, path, floor label, floor p50, floor p95, target
  local p50 p95
  log "$1"
  read -r p50 p95 < <(page "$2" "$3")
  local ratio
  ratio="$(awk -v p="$p95" -v f="$6" 'BEGIN { printf "%.1f", p / f }')"
  rows+=("| $1 | $p50 | $p95 | $4 | $5 | $6 | $ratio | $7 |")
}

log "Floor: the indexed list query"
read -r list_p50 list_p95 < <(floor "$list_sql")
log "Floor: the bare rare search"
read -r rare_p50 rare_p95 < <(floor "SELECT id FROM candidates WHERE search_text ILIKE '%candidate777777@%' ORDER BY last_activity_at DESC, id DESC LIMIT 26")
log "Floor: the bare common search"
read -r common_p50 common_p95 < <(floor "SELECT id FROM candidates WHERE search_text ILIKE '%candidate 1%' ORDER BY last_activity_at DESC, id DESC LIMIT 26")

row "Candidate list, first page (Admin)" "$admin_token" "/candidates" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 50 ms, ≤ 3×"
row "Candidate list, a page half-way down (Admin)" "$admin_token" "/candidates?after=$middle" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 50 ms, ≤ 3×"
row "Candidate list, first page (Limited Team Member)" "$limited_token" "/candidates" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 50 ms, ≤ 3×"
row "Search, rare term ($rare_matches match)" "$admin_token" "/candidates?q=candidate777777%40" "the bare search" "$rare_p50" "$rare_p95" "p95 ≤ 100 ms"
row "Search, common term ($common_matches match)" "$admin_token" "/candidates?q=candidate+1" "the bare search" "$common_p50" "$common_p95" "p95 ≤ 100 ms"
row "Search, two characters (\"qz\", the most recent 5,000)" "$admin_token" "/candidates?q=qz" "indexed list query" "$list_p50" "$list_p95" "bounded"
row "Profile: 50 opportunities, 500 notes, 200 consent events" "$admin_token" "/candidates/$heavy" "indexed list query" "$list_p50" "$list_p95" "≤ 2× its SQL (not yet measured)"
row "Compliance dashboard, no filter" "$admin_token" "/compliance" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Compliance dashboard, a later page" "$admin_token" "/compliance?after=$dashboard_after" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Compliance dashboard, overdue" "$admin_token" "/compliance?state=overdue" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Compliance dashboard, resolved access requests" "$admin_token" "/compliance?state=resolved&kind=access" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Compliance dashboard, one owner" "$admin_token" "/compliance?owner=$recruiter" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Compliance dashboard, received in one month" "$admin_token" "/compliance?from=$month_from&to=$month_to" "indexed list query" "$list_p50" "$list_p95" "p95 ≤ 200 ms"
row "Notifications (the bell's page)" "$admin_token" "/notifications" "indexed list query" "$list_p50" "$list_p95" "constant"

# The export's memory: the server's peak resident set after exporting a month, then everything.
peak_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/${pids[0]}/status"; }
export_csv() {
  curl -fsS -o "$tmp/export.csv" -H "Cookie: candor_session=$admin_token" "http://127.0.0.1:$port/compliance/requests.csv$1"
  echo "$(( $(wc -l <"$tmp/export.csv") - 1 )) $(peak_kb)"
}
log "CSV export: one month, then every request"
before_kb="$(peak_kb)"
read -r month_rows month_kb < <(export_csv "?from=$month_from&to=$month_to")
started=$(date +%s.%N)
read -r all_rows all_kb < <(export_csv "")
all_secs="$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
csv_ratio="$(awk -v a="$all_kb" -v m="$month_kb" 'BEGIN { printf "%.2f", a / m }')"

explain() { # title, SQL
  printf '\n%s\n\n```\n' "$1"
  q "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2" | sed 's/^/    /' | sed 's/^    //'
  printf '```\n'
}
# The list's query as the page runs it, with its parameters written in (the server plans each
# statement for its parameters: plan_cache_mode = force_custom_plan).
list_query() { # ILIKE pattern or NULL, member id or NULL, position or NULL
  local pattern="NULL" member="NULL" at="NULL" id="NULL"
  [ "$1" != NULL ] && pattern="'$1'"
  [ "$2" != NULL ] && member="'$2'"
  if [ "$3" != NULL ]; then at="to_timestamp(${3%%.*} / 1000000.0)"; id="'${3#*.}'"; fi
  cat <<SQL
SELECT c.id, CASE WHEN c.anonymized_at IS NULL THEN c.name END AS name,
       CASE WHEN c.anonymized_at IS NULL THEN
           (SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
             ORDER BY e.is_primary DESC, e.created_at LIMIT 1) END AS email,
       c.last_activity_at,
       (SELECT count(*) FROM data_requests r WHERE r.candidate_id = c.id AND r.status = 'open') AS open_requests
  FROM candidates c
 WHERE ($pattern::text IS NULL OR c.search_text ILIKE $pattern)
   AND ($member::uuid IS NULL OR c.id IN (SELECT m.candidate_id FROM member_candidates($member) m))
   AND ($at::timestamptz IS NULL OR (c.last_activity_at, c.id) < ($at, $id::uuid))
 ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 26
SQL
}
limited_id="$(q "SELECT id FROM users WHERE email = 'bench.limited@team.example'")"
plans="$(
  explain "First page, Admin:" "$(list_query NULL NULL NULL)"
  explain "Half-way down, Admin:" "$(list_query NULL NULL "$middle")"
  explain "First page, Limited Team Member:" "$(list_query NULL "$limited_id" NULL)"
  explain "Rare search:" "$(list_query '%candidate777777@%' NULL NULL)"
  explain "Common search:" "$(list_query '%candidate 1%' NULL NULL)"
)"

write_block bench-workspace "$(cat <<MD
<!-- bench-workspace:start (written by scripts/bench.sh workspace) -->
Measured by \`scripts/bench.sh workspace\` on $(date -u +%Y-%m-%d): $counts
(\`scripts/generate-candidates.sql\` then \`scripts/generate-workspace.sql\`). Release build over
HTTP on loopback, wrk with $connections connections for ${duration}s per page, each floor through
pgbench with as many clients in the same run; $(nproc) CPU cores shared by wrk, Candor and Postgres.
Times in ms; the ratio is the page's p95 over its floor's p95.

| page | p50 | p95 | floor | floor p50 | floor p95 | ratio | target |
|---|---:|---:|---|---:|---:|---:|---|
$(printf '%s\n' "${rows[@]}")

CSV export (the server's peak resident memory, \`VmHWM\`, which only grows): $(( before_kb / 1024 )) MB
after the pages above; $(( month_kb / 1024 )) MB after exporting one month ($month_rows requests); $(( all_kb / 1024 )) MB
after exporting every request ($all_rows, in ${all_secs} s). **Peak after all / after one month: $csv_ratio**
(flat as the export grows: 1.00 means the whole export never needed more memory than the pages).

The floors: the indexed list query is \`$list_sql\`; a search's is the same with its
\`search_text ILIKE\`, without the page's other columns.

<details><summary>The list's query plans at this size (EXPLAIN ANALYZE, BUFFERS)</summary>
$plans
</details>
<!-- bench-workspace:end -->
MD
)"
log "Wrote the bench-workspace block of docs/benchmarks.md"
