#!/usr/bin/env bash
# The uniffi Kotlin of the Android library module (android = true: the
# Android cleaner, @RequiresApi), written to OUT_DIR/io/callguard/callguard_ffi.kt.
# Library mode reads bindings/ffi/uniffi.toml through `cargo metadata`; a
# global --config layers [crates.callguard_ffi] on top of it, so the JVM
# bindings' settings stay as they are and only `android` flips. Generated
# from the unstripped HOST library: the metadata uniffi reads is the same
# for every target. Used by build-android.sh and scripts/android-compile.sh.
#   usage: bindings/generate-android-kotlin.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: generate-android-kotlin.sh OUT_DIR}"
die() { echo "generate-android-kotlin: $*" >&2; exit 1; }

cargo build --quiet -p callguard-ffi -p uniffi-bindgen
host_lib="target/debug/libcallguard_ffi.so"
[ -f "$host_lib" ] || host_lib="target/debug/libcallguard_ffi.dylib"
[ -f "$host_lib" ] || die "host library not found in target/debug"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/android.toml" <<'TOML'
[crates.callguard_ffi.bindings.kotlin]
android = true
package_name = "io.callguard"
TOML
./target/debug/uniffi-bindgen generate --no-format "$host_lib" --language kotlin \
  --config "$tmp/android.toml" --out-dir "$tmp/kotlin" >/dev/null
generated="$tmp/kotlin/io/callguard/callguard_ffi.kt"
[ -f "$generated" ] || die "uniffi-bindgen wrote no $generated"
grep -q 'AndroidSystemCleaner' "$generated" || die "generated Kotlin is not the Android flavour (android = true was not applied)"
mkdir -p "$out/io/callguard"
cp "$generated" "$out/io/callguard/callguard_ffi.kt"
