#!/usr/bin/env bash
# Builds what `candor serve` runs and serves: the server binary, and in target/site the two
# browser bundles (wasm-bindgen, wasm-opt, esbuild), the stylesheet (Lightning CSS) and the icon,
# each under a content-hashed name with brotli and gzip copies beside it (scripts/pack-assets.mjs).
# The bundles are always built as shipped (size-optimized), so the browser tests load, and hold to
# their byte budgets, exactly what candidates' phones get.
#   scripts/build-site.sh            debug server (what the browser tests run)
#   scripts/build-site.sh --release  release server (what scripts/run.sh and the benchmarks run)
#   scripts/build-site.sh --no-server  bundles only: `cargo test` has just built target/debug/candor
#                                      (with the dev-dependencies' features, so a plain build would
#                                      recompile a third of the dependencies)
#   CANDOR_DEBUG_BUNDLES=1 scripts/build-site.sh   unoptimized bundles, with names, for debugging
# This is what `cargo leptos build` does, with the same tools. The scripts don't use cargo-leptos:
# compiling it took 28 of a bare machine's 50 setup minutes. `cargo leptos watch` still works for
# live reload while developing (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

profile=dev out=debug server=1
case "${1:-}" in
  --release) profile=release out=release ;;
  --no-server) server="" ;;
  "") ;;
  *) echo "usage: scripts/build-site.sh [--release | --no-server]" >&2; exit 2 ;;
esac
wasm_profile=wasm-release wasm_out=wasm-release
if [ -n "${CANDOR_DEBUG_BUNDLES:-}" ]; then wasm_profile=dev wasm_out=debug; fi
bin="node_modules/.bin"
site=target/site
pkg="$site/pkg"

if [ -n "$server" ]; then
  log "cargo build: the server ($out)"
  cargo build -p server --bin candor --profile "$profile"
fi

# Five bundles: the candidates' pages hydrate with one that holds only them, each of the
# workspace's four areas with one that holds only its pages (app/src/shell.rs, Surface and Area).
next="$site/.pkg-next"
rm -rf "$next"
mkdir -p "$next"
# The next bundle compiles (one core: LTO into one codegen unit) while the last one is optimized.
optimize() {
  local bundle=$1
  # The features rustc's wasm32 target emits by default; wasm-opt must be told they are allowed.
  "$bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$next/$bundle.wasm" -o "$next/$bundle.opt.wasm"
  mv "$next/$bundle.opt.wasm" "$next/$bundle.wasm"
  "$bin/esbuild" "$next/$bundle.js" --minify --log-level=warning --outfile="$next/$bundle.min.js"
  mv "$next/$bundle.min.js" "$next/$bundle.js"
}
optimizing=()
for bundle in candidate recruiting profile compliance admin; do
  case "$bundle" in
    candidate) features=candidate-bundle ;;
    *) features="area-$bundle" ;;
  esac
  log "cargo build: the $bundle bundle ($wasm_out, wasm32)"
  cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features --features "$features" \
    --profile "$wasm_profile"
  wasm-bindgen --target web --no-typescript --out-dir "$next" --out-name "$bundle" \
    "target/wasm32-unknown-unknown/$wasm_out/app.wasm"
  mv "$next/${bundle}_bg.wasm" "$next/$bundle.wasm"
  if [ "$wasm_out" = wasm-release ]; then
    log "wasm-opt -Oz, esbuild --minify ($bundle, in the background)"
    optimize "$bundle" &
    optimizing+=("$!")
  fi
done
for job in "${optimizing[@]}"; do
  wait "$job" || { echo "optimizing a bundle failed" >&2; exit 1; }
done
minify=()
[ "$wasm_out" = wasm-release ] && minify=(--minify)
"$bin/lightningcss" "${minify[@]}" --browserslist style/main.css -o "$next/candor.css"
cp public/favicon.svg "$next/"
log "content-hashed names, brotli and gzip"
node scripts/pack-assets.mjs "$next" "$site/.assets-next.json"

# Built beside the live directory and swapped in whole, so a running server never serves a
# half-written bundle.
cp -R public/. "$site/"
rm -rf "$pkg.old"
[ -d "$pkg" ] && mv "$pkg" "$pkg.old"
mv "$next" "$pkg"
mv "$site/.assets-next.json" "$site/assets.json"
rm -rf "$pkg.old"
log "built ${server:+target/$out/candor and }$site"
