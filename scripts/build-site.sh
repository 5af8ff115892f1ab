#!/usr/bin/env bash
# Builds what `candor serve` runs and serves: the server binary, and in target/site the browser
# bundle (wasm-bindgen; wasm-opt and esbuild in release), the stylesheet (Lightning CSS) and the
# public assets.
#   scripts/build-site.sh            debug build (what the browser tests run)
#   scripts/build-site.sh --release  release build (what scripts/run.sh and the benchmarks run)
#   scripts/build-site.sh --no-server  debug bundle only: `cargo test` has just built target/debug/candor
#                                      (with the dev-dependencies' features, so a plain build would
#                                      recompile a third of the dependencies)
# This is what `cargo leptos build` does, with the same tools. The scripts don't use cargo-leptos:
# compiling it took 28 of a bare machine's 50 setup minutes. `cargo leptos watch` still works for
# live reload while developing (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

profile=dev wasm_profile=dev out=debug wasm_out=debug server=1
case "${1:-}" in
  --release) profile=release wasm_profile=wasm-release out=release wasm_out=wasm-release ;;
  --no-server) server="" ;;
  "") ;;
  *) echo "usage: scripts/build-site.sh [--release | --no-server]" >&2; exit 2 ;;
esac
bin="node_modules/.bin"
site=target/site
pkg="$site/pkg"

if [ -n "$server" ]; then
  log "cargo build: the server ($out)"
  cargo build -p server --bin candor --profile "$profile"
fi

log "cargo build: the browser bundle ($wasm_out, wasm32)"
cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate \
  --profile "$wasm_profile"

# Built beside the live directory and swapped in whole, so a running server never serves a
# half-written bundle.
next="$site/.pkg-next"
rm -rf "$next"
mkdir -p "$next"
wasm-bindgen --target web --no-typescript --out-dir "$next" --out-name candor \
  "target/wasm32-unknown-unknown/$wasm_out/app.wasm"
# The hydration script loads <output-name>.wasm (LEPTOS_OUTPUT_NAME is set in .cargo/config.toml).
mv "$next/candor_bg.wasm" "$next/candor.wasm"
if [ "$out" = release ]; then
  log "wasm-opt -Oz, esbuild --minify"
  # The features rustc's wasm32 target emits by default; wasm-opt must be told they are allowed.
  "$bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$next/candor.wasm" -o "$next/candor.opt.wasm"
  mv "$next/candor.opt.wasm" "$next/candor.wasm"
  "$bin/esbuild" "$next/candor.js" --minify --log-level=warning --outfile="$next/candor.min.js"
  mv "$next/candor.min.js" "$next/candor.js"
fi
minify=()
[ "$out" = release ] && minify=(--minify)
"$bin/lightningcss" "${minify[@]}" --browserslist style/main.css -o "$next/candor.css"

cp -R public/. "$site/"
rm -rf "$pkg.old"
[ -d "$pkg" ] && mv "$pkg" "$pkg.old"
mv "$next" "$pkg"
rm -rf "$pkg.old"
log "built ${server:+target/$out/candor and }$site"
