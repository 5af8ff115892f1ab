# Shared by the run, test and setup scripts. Source it; don't run it.
# shellcheck shell=bash

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# True when a Postgres server is reachable without DATABASE_URL: 127.0.0.1:5432, trust auth.
local_postgres_answers() {
  port_open 127.0.0.1 5432 || return 1
  if command -v psql >/dev/null; then
    psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'select 1' >/dev/null 2>&1
  fi
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Chooses the Postgres server and exports DATABASE_URL (database "${1:-postgres}"):
#   1. DATABASE_URL if set (used as is);
#   2. else a server on 127.0.0.1:5432 if one answers;
#   3. else a throwaway cluster under target/pg, started now and stopped when the script exits
#      (CANDOR_THROWAWAY_PG=1 forces this even when a local server answers).
select_postgres() {
  local db="${1:-postgres}"
  if [ -n "${DATABASE_URL:-}" ]; then
    log "Postgres: using DATABASE_URL"
    return
  fi
  if [ -z "${CANDOR_THROWAWAY_PG:-}" ] && local_postgres_answers; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
    log "Postgres: using the server on 127.0.0.1:5432"
    return
  fi
  start_throwaway_postgres
  export DATABASE_URL="postgres://postgres@127.0.0.1:${CANDOR_PG_PORT}/$db"
}

start_throwaway_postgres() {
  local bindir dir
  bindir="$(pg_bindir)"
  [ -n "$bindir" ] || { echo "No Postgres server found; run scripts/setup.sh (it installs one)." >&2; exit 1; }
  dir="$PWD/target/pg"
  export CANDOR_PG_PORT="${CANDOR_PG_PORT:-55432}"
  mkdir -p "$dir"
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
    chown postgres "$dir"
    # The server process must be able to walk down to its data directory (a fresh clone in a
    # mktemp directory is private to root): grant traverse-only access where it is missing.
    local p="$dir"
    while [ "$p" != / ]; do
      [ -x "$p" ] && runuser -u postgres -- test -x "$p" 2>/dev/null || chmod o+x "$p"
      p="$(dirname "$p")"
    done
    as=(runuser -u postgres --)
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "Postgres: creating a throwaway cluster in target/pg"
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  log "Postgres: starting the throwaway cluster on 127.0.0.1:${CANDOR_PG_PORT}"
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-h 127.0.0.1 -p ${CANDOR_PG_PORT} -k $dir" start >/dev/null
  CANDOR_PG_STOP=("${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast stop)
  trap 'stop_throwaway_postgres' EXIT
}

stop_throwaway_postgres() {
  if [ -n "${CANDOR_PG_STOP+x}" ]; then
    log "Postgres: stopping the throwaway cluster"
    "${CANDOR_PG_STOP[@]}" >/dev/null 2>&1 || true
  fi
}

# Creates the database named in DATABASE_URL if it does not exist.
ensure_database() {
  local name="${DATABASE_URL##*/}" admin="${DATABASE_URL%/*}/postgres"
  name="${name%%\?*}"
  if [ "$(psql "$admin" -Atqc "select 1 from pg_database where datname = '$name'")" != 1 ]; then
    psql "$admin" -qc "create database \"$name\"" >/dev/null
  fi
}

# Recreates the database named in DATABASE_URL, empty.
recreate_database() {
  local name="${DATABASE_URL##*/}" admin="${DATABASE_URL%/*}/postgres"
  name="${name%%\?*}"
  psql "$admin" -qc "drop database if exists \"$name\" with (force)" >/dev/null
  psql "$admin" -qc "create database \"$name\"" >/dev/null
}

# Development secrets for local runs, generated once and kept in target/dev-secrets.env.
load_dev_secrets() {
  local file="target/dev-secrets.env"
  if [ -z "${CANDOR_LINK_KEYS:-}" ] || [ -z "${CANDOR_HMAC_KEY:-}" ]; then
    if [ ! -f "$file" ]; then
      mkdir -p target
      umask 077
      {
        echo "CANDOR_LINK_KEYS=dev1:$(head -c 32 /dev/urandom | base64)"
        echo "CANDOR_HMAC_KEY=$(head -c 32 /dev/urandom | base64)"
      } >"$file"
      log "Generated development secrets in $file (set CANDOR_LINK_KEYS and CANDOR_HMAC_KEY for real use)"
    else
      log "Using development secrets from $file"
    fi
    set -a
    # shellcheck disable=SC1090
    source "$file"
    set +a
  fi
}

# Replaces the block between `<!-- $1:start` and `<!-- $1:end -->` in docs/benchmarks.md with $2.
write_block() {
  mkdir -p docs
  [ -f docs/benchmarks.md ] || printf '# Benchmarks\n' >docs/benchmarks.md
  BLOCK="$1" RESULT="$2" python3 - <<'PY'
import os, re
path, block, result = "docs/benchmarks.md", os.environ["BLOCK"], os.environ["RESULT"]
text = open(path).read()
pattern = re.compile(r"<!-- %s:start.*?<!-- %s:end -->" % (block, block), re.S)
text = pattern.sub(lambda _: result, text) if pattern.search(text) else text.rstrip() + "\n\n" + result + "\n"
open(path, "w").write(text)
PY
}
