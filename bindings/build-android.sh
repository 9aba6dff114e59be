#!/usr/bin/env bash
# Builds the Android AAR's inputs:
#   1. libcallguard_ffi.so for arm64-v8a, armeabi-v7a and x86_64 (profile
#      small-release, 16 KB page aligned) into bindings/android/src/main/jniLibs/
#   2. the Kotlin bindings generated with `android = true` (Android cleaner,
#      androidx.annotation) into bindings/android/src/main/kotlin-generated/
# Both outputs are build products (gitignored in bindings/android/).
# Then:  cd bindings/android && gradle publishToMavenLocal   (or build the sample app)
#
# Needs: rustup, the Android NDK r27+ (ANDROID_NDK_HOME), cargo-ndk
# (`cargo install cargo-ndk`). The Rust targets are added when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "build-android: $*" >&2; exit 1; }

# --- preconditions, checked before anything is built ----------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null 2>&1 || die "rustup not found: the Android targets are added with rustup"
if ! cargo ndk --version >/dev/null 2>&1; then
  die "cargo-ndk not found: run 'cargo install cargo-ndk'"
fi
if [ -z "${ANDROID_NDK_HOME:-}" ]; then
  die "ANDROID_NDK_HOME is not set: point it at an NDK r27 or newer, e.g.
  export ANDROID_NDK_HOME=\$ANDROID_HOME/ndk/27.2.12479018
(Android Studio: SDK Manager > SDK Tools > NDK (Side by side))"
fi
[ -d "$ANDROID_NDK_HOME" ] || die "ANDROID_NDK_HOME=$ANDROID_NDK_HOME is not a directory"
[ -f "$ANDROID_NDK_HOME/source.properties" ] || die "ANDROID_NDK_HOME=$ANDROID_NDK_HOME does not look like an NDK (no source.properties)"

ndk_version=$(sed -n 's/^Pkg\.Revision *= *\([0-9]*\).*/\1/p' "$ANDROID_NDK_HOME/source.properties")
if [ -n "$ndk_version" ] && [ "$ndk_version" -lt 27 ]; then
  die "NDK $ndk_version found; r27 or newer is needed (16 KB page support)"
fi

android_dir="bindings/android"
jni_dir="$android_dir/src/main/jniLibs"
gen_dir="$android_dir/src/main/kotlin-generated"

# --- 1. the native libraries ------------------------------------------------
targets=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android)
installed=$(rustup target list --installed)
for t in "${targets[@]}"; do
  if ! grep -qx "$t" <<<"$installed"; then
    echo "build-android: rustup target add $t"
    rustup target add "$t"
  fi
done

# 16 KB pages (required for apps targeting Android 15+ devices with 16 KB pages;
# NDK r28+ does it by default, r27 needs the flag). RUSTFLAGS with --target
# (cargo-ndk passes one) applies to the Android library only, not build scripts.
# rustc sets no SONAME on a cdylib. Android's dynamic linker expects one on
# every library ("Missing SONAME" in the NDK's notes on linker changes), and
# native code linked against a library without one records the path it was
# linked by, not the name the APK installs it under. mobile.yml checks it.
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C link-arg=-Wl,-z,max-page-size=16384 -C link-arg=-Wl,-soname,libcallguard_ffi.so"

rm -rf "$jni_dir"
mkdir -p "$jni_dir"
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni_dir" \
  build --profile small-release -p callguard-ffi

for abi in arm64-v8a armeabi-v7a x86_64; do
  [ -f "$jni_dir/$abi/libcallguard_ffi.so" ] || die "cargo ndk did not produce $jni_dir/$abi/libcallguard_ffi.so"
done

# --- 2. the Kotlin bindings, android = true --------------------------------
rm -rf "$gen_dir"
bash bindings/generate-android-kotlin.sh "$gen_dir"
echo "build-android: wrote $gen_dir/io/callguard/callguard_ffi.kt"

# --- sizes -------------------------------------------------------------------
echo "build-android: native libraries (profile small-release):"
for abi in arm64-v8a armeabi-v7a x86_64; do
  so="$jni_dir/$abi/libcallguard_ffi.so"
  bytes=$(wc -c < "$so")
  printf '  %-12s %8d KiB  %s\n' "$abi" "$((bytes / 1024))" "$so"
done
