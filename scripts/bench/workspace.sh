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
# wrk posts from one address: the per-client limit on posts would answer 429 after 30.
export CANDOR_POST_LIMIT_PER_MINUTE=100000
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
row "Profile: 50 opportunities, 500 notes, 200 consent events" "$admin_token" "/candidates/$heavy" "indexed list query" "$list_p50" "$list_p95" "≤ 2× its SQL (replayed: below)"
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
  FROM (SELECT p.id, p.last_activity_at FROM candidates p
         WHERE ($pattern::text IS NULL OR p.search_text ILIKE $pattern)
           AND ($member::uuid IS NULL OR p.id IN (SELECT m.candidate_id FROM member_candidates($member) m))
           AND ($at::timestamptz IS NULL OR (p.last_activity_at, p.id) < ($at, $id::uuid))
         ORDER BY p.last_activity_at DESC, p.id DESC LIMIT 26) page
  JOIN candidates c ON c.id = page.id
 ORDER BY page.last_activity_at DESC, page.id DESC
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

# --- A candidate's own history (issue 26): the Long History candidate (10,000 consent events,
# 1,000 answered requests, each with its confirmation email) against an ordinary one, and a
# consent change against a request submit, in the same run.
# Its counterpart: five consent events and ten answered requests (as many as the page shows),
# so both pages show the same rows and differ only in the history behind them.
q "WITH made AS (
     INSERT INTO candidates (name, location_country, created_at)
     SELECT 'Short History', 'FR', now() - interval '4 years'
      WHERE NOT EXISTS (SELECT 1 FROM candidates WHERE name = 'Short History')
     RETURNING id, created_at),
   address AS (INSERT INTO candidate_emails (candidate_id, email, is_primary)
               SELECT id, 'short.history@bench.example', true FROM made),
   consent AS (INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
               SELECT id, (ARRAY['processing', 'retention'])[1 + i % 2], 'consent',
                      CASE WHEN (i / 2) % 2 = 0 THEN 'given' ELSE 'denied' END, 'preferences_page', 'v1',
                      created_at + make_interval(mins => i)
                 FROM made CROSS JOIN generate_series(1, 5) AS i)
   INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at, resolution,
                              idempotency_key)
   SELECT id, 'access', created_at + make_interval(hours => i), created_at + make_interval(hours => i, days => 30),
          'resolved', created_at + make_interval(hours => i + 1), 'data_sent', 'bench-short-history-' || i
     FROM made CROSS JOIN generate_series(1, 10) AS i" >/dev/null
q "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, candidate_id,
                            data_request_id, dedupe_key, status, sent_at, message_id)
   SELECT 'candidate_confirmation', lower(replace(c.name, ' ', '.')) || '@bench.example', 'We received your request',
          'Text', '<p>Text</p>', r.candidate_id, r.id, 'candidate_confirmation:' || r.id, 'sent',
          r.received_at, '<bench-history-' || r.id || '@example.com>'
     FROM data_requests r JOIN candidates c ON c.id = r.candidate_id
    WHERE c.name IN ('Long History', 'Short History')
   ON CONFLICT DO NOTHING" >/dev/null
long_history="$(q "SELECT id FROM candidates WHERE name = 'Long History'")"
ordinary="$(q "SELECT id FROM candidates WHERE name = 'Short History'")"
history_counts="$(q "SELECT (SELECT count(*) FROM consent_events WHERE candidate_id = '$long_history') || ' consent events, ' ||
                            (SELECT count(*) FROM data_requests WHERE candidate_id = '$long_history' AND status <> 'open') || ' closed requests, ' ||
                            (SELECT count(*) FROM email_outbox WHERE candidate_id = '$long_history') || ' emails'")"
ordinary_counts="$(q "SELECT (SELECT count(*) FROM consent_events WHERE candidate_id = '$ordinary') || ' consent events, ' ||
                             (SELECT count(*) FROM data_requests WHERE candidate_id = '$ordinary') || ' requests'")"
# Preferences links, signed as the server signs them (HS256 with the first key of the ring).
sign_links() { # candidate ids on stdin, one token per line out
  python3 -c '
import base64, hashlib, hmac, json, os, sys, time
kid, secret = os.environ["CANDOR_LINK_KEYS"].split(":", 1)
key = base64.b64decode(secret)
enc = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).decode().rstrip("=")
head = enc({"typ": "JWT", "alg": "HS256", "kid": kid})
now = int(time.time())
for line in sys.stdin:
    body = head + "." + enc({"sub": line.strip(), "purpose": "preferences", "iat": now, "exp": now + 86400})
    mac = hmac.new(key, body.encode(), hashlib.sha256).digest()
    print(body + "." + base64.urlsafe_b64encode(mac).decode().rstrip("="))'
}
long_link="$(sign_links <<<"$long_history")"
ordinary_link="$(sign_links <<<"$ordinary")"
# Candidates with an address and no open request, each used once by the rotating posts.
q "SELECT c.id FROM candidates c
    WHERE c.anonymized_at IS NULL
      AND EXISTS (SELECT 1 FROM candidate_emails e WHERE e.candidate_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM data_requests r WHERE r.candidate_id = c.id AND r.status = 'open')
    ORDER BY c.id LIMIT 40000" | sign_links >"$tmp/links"

cat >"$tmp/post.lua" <<'LUA'
-- BENCH_FORM: "consent" (stop, then restore, contact: two changes per candidate), "access" (one
-- copy-of-data request per candidate), or "consent-one" (alternate on the one BENCH_LINK).
local links = {}
if os.getenv("BENCH_LINKS") then
  for line in io.lines(os.getenv("BENCH_LINKS")) do links[#links + 1] = line end
end
local form, run = os.getenv("BENCH_FORM"), tonumber(os.getenv("BENCH_RUN"))
local threads, made = 0, 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function init(args) made = 0 end
request = function()
  local i = made * 2 + tid
  made = made + 1
  local path, body
  if form == "access" then
    path = "/api/preferences/access"
    -- The form's key is a UUID, fresh per submit.
    body = "token=" .. links[(i % #links) + 1] .. "&key="
      .. string.format("%08x-0000-4000-8000-%012x", run, i)
  elseif form == "consent" then
    path = "/api/preferences/consent"
    body = "token=" .. links[(math.floor(i / 2) % #links) + 1] .. "&purpose=contact&allow="
      .. ((i % 2 == 0) and "false" or "true")
  else
    path = "/api/preferences/consent"
    body = "token=" .. os.getenv("BENCH_LINK") .. "&purpose=contact&allow="
      .. ((made % 2 == 0) and "false" or "true")
  end
  return wrk.format("POST", path,
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "text/html" }, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %d %d %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, summary.requests, summary.errors.status,
    summary.requests / (summary.duration / 1000000)))
end
LUA
# "p50 p95 requests/s" of one kind of post; fails on any answer of 400 or more.
posts() { # form, [link for consent-one]
  local out
  out="$(BENCH_FORM="$1" BENCH_LINK="${2:-}" BENCH_LINKS="$tmp/links" BENCH_RUN="$(( $(date +%s) % 4294967296 ))" \
         wrk -t2 -c"$connections" -d"${duration}s" -s "$tmp/post.lua" "http://127.0.0.1:$port" | grep '^RESULT ')"
  read -r _ p50 p95 served errors rps <<<"$out"
  [ "$errors" = 0 ] || { echo "POST $1: $errors answers of 400 or more" >&2; exit 1; }
  [ "$served" -gt 0 ] || { echo "POST $1: no answer in ${duration}s" >&2; exit 1; }
  echo "$p50 $p95 $rps"
}
# "p50 p95 requests/s" of a candidate's page (no session).
candidate_page() {
  local out
  curl -fsS -o /dev/null "http://127.0.0.1:$port$1"
  out="$(BENCH_TOKEN=none wrk -t2 -c"$connections" -d"${duration}s" -s "$tmp/report.lua" "http://127.0.0.1:$port$1" | grep '^RESULT ')"
  read -r _ p50 p95 served errors <<<"$out"
  [ "$errors" = 0 ] || { echo "GET $1: $errors answers not 2xx" >&2; exit 1; }
  echo "$p50 $p95 $(awk -v n="$served" -v d="$duration" 'BEGIN { printf "%.1f", n / d }')"
}
history_rows=()
side_by_side() { # label, heavy "p50 p95 rps", ordinary "p50 p95 rps"
  local hp50 hp95 hrps op50 op95 orps
  read -r hp50 hp95 hrps <<<"$2"
  read -r op50 op95 orps <<<"$3"
  history_rows+=("| $1 | $hp50 | $hp95 | $hrps | $op50 | $op95 | $orps | $(awk -v h="$hp95" -v o="$op95" 'BEGIN { printf "%.2f", h / o }') |")
}
log "Preferences page: long history, then ordinary"
side_by_side "Preferences page" "$(candidate_page "/preferences/$long_link")" "$(candidate_page "/preferences/$ordinary_link")"
log "Recruiter's profile: long history, then ordinary"
read -r hp50 hp95 < <(page "$admin_token" "/candidates/$long_history")
read -r op50 op95 < <(page "$admin_token" "/candidates/$ordinary")
side_by_side "Recruiter's profile (Admin)" "$hp50 $hp95 –" "$op50 $op95 –"
log "Consent change on one link: long history, then ordinary"
# Toggling adds events, so the short side is a candidate new to this run (Short History stays short).
side_by_side "Consent change (contact, one link; the short side a candidate new to the run)" "$(posts consent-one "$long_link")" "$(posts consent-one "$(tail -1 "$tmp/links")")"
log "Consent change against request submit, each on fresh candidates"
read -r cp50 cp95 crps < <(posts consent)
read -r sp50 sp95 srps < <(posts access)

# The profile's own SQL: every statement one profile request runs, logged by a second server
# whose sessions log their statements (and only its), then replayed through pgbench.
profile_floor="not measured (no readable Postgres log)"
pglog="$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1 || true)"
if [ -n "$pglog" ] && [ -r "$pglog" ]; then
  probe_port=3108
  DATABASE_URL="$DATABASE_URL?options=-c%20log_min_duration_statement%3D0" LEPTOS_SITE_ADDR="127.0.0.1:$probe_port" \
    target/release/candor serve >"$tmp/probe.log" 2>&1 & pids+=($!)
  for _ in $(seq 1 100); do port_open 127.0.0.1 "$probe_port" && break; sleep 0.1; done
  curl -fsS -o /dev/null -H "Cookie: candor_session=$admin_token" "http://127.0.0.1:$probe_port/candidates/$long_history" || true
  sleep 2
  mark() { PGOPTIONS="-c log_min_duration_statement=0" psql "$DATABASE_URL" -qAtc "SELECT '$1'" >/dev/null; }
  mark candor-probe-start
  curl -fsS -o /dev/null -H "Cookie: candor_session=$admin_token" "http://127.0.0.1:$probe_port/candidates/$heavy" || true
  mark candor-probe-end
  sleep 1
  kill "${pids[-1]}" 2>/dev/null || true
  python3 - "$pglog" >"$tmp/profile.sql" <<'PY'
import re, sys
lines = open(sys.argv[1], errors="replace").read().split("\n")
starts = [i for i, l in enumerate(lines) if "candor-probe-start" in l]
if not starts:
    sys.exit(0)
start = starts[-1]
end = min([i for i, l in enumerate(lines) if "candor-probe-end" in l and i > start] or [len(lines)])
stamp = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
records, current = [], None
for line in lines[start + 1:end]:
    if stamp.match(line):
        current = [line]; records.append(current)
    elif current is not None:
        current.append(line)
# Each execute's parameters are in the DETAIL record right after it (a bind's DETAIL, logged
# before its execute, belongs to no statement here).
statements, last_executed = [], False
for record in records:
    text = "\n".join(record)
    m = re.search(r"LOG:  duration: [\d.]+ ms  (?:execute [^:]+|statement): (.*)", text, re.S)
    if m:
        statements.append([m.group(1).strip(), {}])
        last_executed = True
        continue
    d = re.search(r"DETAIL:  parameters: (.*)", text, re.S)
    executed, last_executed = last_executed, False
    if d and executed:
        for n, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", d.group(1)):
            statements[-1][1][int(n)] = v
for sql, params in statements:
    if "fold_request_tallies" in sql or "candor-probe" in sql:
        continue
    for n in sorted(params, reverse=True):
        sql = re.sub(r"\$%d(?!\d)" % n, lambda _: params[n], sql)
    print(sql.rstrip(";") + ";")
PY
  statements="$(grep -c ';$' "$tmp/profile.sql" || true)"
  if [ "${statements:-0}" -gt 0 ] && ! pgbench -n -f "$tmp/profile.sql" -t 1 -c 1 "$DATABASE_URL" >"$tmp/replay.log" 2>&1; then
    profile_floor="not measured (replaying the captured statements failed: $(grep -m1 -i error "$tmp/replay.log" || true))"
    cp "$tmp/profile.sql" target/bench-profile.sql
  elif [ "${statements:-0}" -gt 0 ]; then
    pgbench -n -f "$tmp/profile.sql" -T 2 -c 1 "$DATABASE_URL" >/dev/null
    rm -f "$tmp"/pgbench_log.*
    (cd "$tmp" && pgbench -n -f profile.sql -T "$duration" -c "$connections" -j 2 -l "$DATABASE_URL" >/dev/null)
    read -r fp50 fp95 < <(cat "$tmp"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '
      { v[NR] = $1 } END { printf "%.2f %.2f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1] }')
    profile_row="$(printf '%s\n' "${rows[@]}" | grep '^| Profile:' || true)"
    profile_p95="$(awk -F'|' '{ gsub(/ /, "", $4); print $4 }' <<<"$profile_row")"
    profile_floor="$statements statements (each as the page ran it, with its parameters), replayed in sequence: p50 $fp50 ms, p95 $fp95 ms; the page's p95 $profile_p95 ms is **$(awk -v p="$profile_p95" -v f="$fp95" 'BEGIN { printf "%.2f", p / f }')×** its SQL (target ≤ 2×)"
  fi
fi

write_block bench-history "$(cat <<MD
<!-- bench-history:start (written by scripts/bench.sh workspace) -->
Measured by \`scripts/bench.sh workspace\` on $(date -u +%Y-%m-%d), the same organization and
run: the Long History candidate ($history_counts) against Short History ($ordinary_counts), whose
pages show the same rows.
wrk with $connections connections for ${duration}s each; times in ms; the ratio is long history's
p95 over the short one's (target: the same cost, about 1).

| what | long history p50 | p95 | req/s | short history p50 | p95 | req/s | ratio |
|---|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${history_rows[@]}")

A consent change against a request submit, each post on a candidate of its own (stop contact, then
restore it; one copy-of-data request each): consent change p50 $cp50 ms, p95 $cp95 ms, $crps/s;
request submit p50 $sp50 ms, p95 $sp95 ms, $srps/s. **Consent change p95 / submit p95:
$(awk -v c="$cp95" -v s="$sp95" 'BEGIN { printf "%.2f", c / s }')** (target ≤ 1).

The profile (Heavy Profile) against its own SQL: $profile_floor.
<!-- bench-history:end -->
MD
)"
log "Wrote the bench-history block of docs/benchmarks.md"
