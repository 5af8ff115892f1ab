#!/usr/bin/env bash
# Installs everything Candor needs to build, run and test, skipping what is already present at the
# right version. Safe to run again. The first run on a bare machine compiles the wasm-bindgen CLI
# from crates.io (about 4 minutes on 2 cores) and installs Chromium and the npm tools; later runs
# take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust target for the browser bundle.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI (scripts/build-site.sh) must match the crate exactly.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  log "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (3–5 minutes)"
  # Not --locked: its lockfile pins a yanked webpki-roots.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node.js runs Playwright and the npm build tools (wasm-opt from binaryen: Debian's is too old).
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# A Postgres client for the scripts, and the server's binaries: the database-restart test runs a
# throwaway cluster of its own (and the scripts start one when no server is reachable).
if ! command -v psql >/dev/null; then
  apt_install postgresql-client
fi
if [ -z "$(pg_bindir)" ]; then
  apt_install postgresql
fi

# Chromium for the browser tests (Playwright cannot download its own browser here).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

# Java runs the Nu HTML checker (vnu-jar) in the browser tests.
if ! command -v java >/dev/null; then
  apt_install default-jre-headless
fi

# npm packages: binaryen (wasm-opt), lightningcss-cli, esbuild, @playwright/test, @axe-core/playwright, vnu-jar — exact versions from
# package-lock.json. Playwright's own browser download is skipped: we use /usr/bin/chromium.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.candor-lock; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.candor-lock
fi

# Schemathesis (PyPI) judges the integration API against its OpenAPI document
# (scripts/contract.sh), in a virtualenv of its own at a pinned version.
SCHEMATHESIS_VERSION=4.32.5
venv="${XDG_CACHE_HOME:-$HOME/.cache}/candor/schemathesis-$SCHEMATHESIS_VERSION"
if [ ! -x "$venv/bin/schemathesis" ]; then
  log "Installing Schemathesis $SCHEMATHESIS_VERSION"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

log "Setup complete"
