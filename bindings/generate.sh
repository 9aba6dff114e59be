#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings from the unstripped callguard-ffi
# library (uniffi library mode) into their committed places.
#   bindings/generate.sh           regenerate in place
#   bindings/generate.sh --check   fail if the committed files differ (freshness)
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-write}"
cargo build --quiet -p callguard-ffi -p uniffi-bindgen
lib="target/debug/libcallguard_ffi.so"
[ -f "$lib" ] || lib="target/debug/libcallguard_ffi.dylib"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Library mode reads bindings/ffi/uniffi.toml through `cargo metadata`.
./target/debug/uniffi-bindgen generate --no-format "$lib" --language kotlin --out-dir "$out/kotlin" >/dev/null
./target/debug/uniffi-bindgen generate --no-format "$lib" --language swift --out-dir "$out/swift" >/dev/null

# generated file -> committed place
pairs=(
  "$out/kotlin/io/callguard/callguard_ffi.kt:bindings/kotlin/generated/io/callguard/callguard_ffi.kt"
  "$out/swift/CallGuard.swift:bindings/swift/Sources/CallGuard/Generated/CallGuard.swift"
  "$out/swift/CallGuardFFI.h:bindings/swift/ffi/CallGuardFFI.h"
  "$out/swift/CallGuardFFI.modulemap:bindings/swift/ffi/CallGuardFFI.modulemap"
)
stale=0
for pair in "${pairs[@]}"; do
  src="${pair%%:*}"
  dst="${pair#*:}"
  if [ "$mode" = "--check" ]; then
    if ! cmp -s "$src" "$dst"; then
      echo "stale: $dst differs from what the current Rust generates (run bindings/generate.sh)" >&2
      stale=1
    fi
  else
    mkdir -p "$(dirname "$dst")"
    cp "$src" "$dst"
    echo "wrote $dst"
  fi
done
if [ "$stale" -ne 0 ]; then exit 1; fi
if [ "$mode" = "--check" ]; then echo "bindings: generated Kotlin and Swift are up to date"; fi
