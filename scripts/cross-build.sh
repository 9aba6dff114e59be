#!/usr/bin/env bash
# Compiles the Rust SDK for the phones on this Linux machine, which has
# neither the Android NDK nor Xcode (settings: .cargo/phones.toml):
#   1. clippy -D warnings, whole workspace, all targets, for one target per
#      operating system: aarch64-linux-android, aarch64-apple-ios (no code
#      of ours branches on the architecture: a cfg of ours names
#      target_os, and x86_64-linux-android compiles whole in step 2)
#   2. a release static library of callguard-ffi for each of the three
#   3. cargo check for aarch64-apple-ios-sim, whose std rustup does not
#      serve: rebuilt from rust-src (-Zbuild-std, RUSTC_BOOTSTRAP=1), so it
#      is good for checking, never for shipping
#   4. the platform of every Mach-O object: iOS (2) in the device library,
#      iOS simulator (7) in the simulator's C/assembly, or Xcode's linker
#      rejects the library ("building for iOS Simulator, but linking in
#      object file built for iOS"); ELF of the right machine for Android
#   5. a table of the sizes
# Nothing is linked: the .so and the .xcframework that ship are built with
# the NDK and Xcode by .github/workflows/mobile.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "cross-build: $*" >&2
  exit 1
}

config=.cargo/phones.toml
android_targets=(aarch64-linux-android x86_64-linux-android)
ios_device=aarch64-apple-ios
ios_sim=aarch64-apple-ios-sim
targets=("${android_targets[@]}" "$ios_device")
lib=libcallguard_ffi.a
# build-std's std is rebuilt with RUSTC_BOOTSTRAP, which cargo keys into the
# fingerprints of the host build scripts too: in target/ the two would
# rebuild each other on every run.
sim_target_dir=target/build-std

# --- preconditions (scripts/setup.sh installs all of them) -------------------
for tool in clang llvm-objdump llvm-ar cargo rustup; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: run scripts/setup.sh (Debian: apt-get install clang llvm)"
done
installed=$(rustup target list --installed)
for t in "${targets[@]}"; do
  grep -qx "$t" <<<"$installed" || die "Rust target $t missing: rustup target add $t (scripts/setup.sh does)"
done
sysroot=$(rustc --print sysroot)
[ -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ] ||
  die "rust-src missing (needed for -Zbuild-std): rustup component add rust-src"

timed() {
  local label=$1 start=$SECONDS
  shift
  "$@"
  printf 'cross-build: %-44s %4ds\n' "$label" "$((SECONDS - start))"
}

# One target per operating system: lints see cfg(target_os), and a third
# target would cost the suite about 80 s for no cfg of ours.
clippy_targets=(aarch64-linux-android "$ios_device")
target_flags=()
for t in "${clippy_targets[@]}"; do target_flags+=(--target "$t"); done

# --- 1. clippy for the phones --------------------------------------------------
# --config after the subcommand: cargo passes it on to clippy's cargo.
timed "clippy -D warnings (${#clippy_targets[@]} phone targets)" \
  cargo clippy --config "$config" --quiet --workspace --all-targets "${target_flags[@]}" -- -D warnings

# --- 2. release static libraries -------------------------------------------------
# `cargo rustc --crate-type staticlib`, not `cargo build`: the latter also links
# the cdylib, which needs the NDK's or Xcode's linker.
for t in "${targets[@]}"; do
  timed "staticlib --release $t" \
    cargo rustc --config "$config" --quiet -p callguard-ffi --lib --crate-type staticlib --release --target "$t"
  [ -f "target/$t/release/$lib" ] || die "no target/$t/release/$lib after the build"
done

# --- 3. the simulator, std from source ------------------------------------------
timed "check $ios_sim (-Zbuild-std)" \
  env RUSTC_BOOTSTRAP=1 cargo check --config "$config" --quiet -Zbuild-std \
  -p callguard-ffi --target "$ios_sim" --target-dir "$sim_target_dir"

# --- 4. platforms ----------------------------------------------------------------
# Prints "member platform" for every object of an archive: the platform of
# LC_BUILD_VERSION (llvm-objdump names it, or gives the number when it has no
# name), "ios-version-min" for LC_VERSION_MIN_IPHONEOS (rustup's prebuilt std),
# "other-version-min" for any other LC_VERSION_MIN_*, "none" without either.
macho_platforms() {
  llvm-objdump --macho --private-headers "$1" | awk '
    function flush() { if (member != "") print member, (platform == "" ? "none" : platform) }
    /^[^ ].*\(.*\):$/ { flush(); member = $0; platform = ""; next }
    $1 == "cmd" && $2 == "LC_BUILD_VERSION" { want = 1; next }
    want && $1 == "platform" { platform = $2; want = 0; next }
    $1 == "cmd" && $2 == "LC_VERSION_MIN_IPHONEOS" { platform = "ios-version-min"; next }
    $1 == "cmd" && $2 ~ /^LC_VERSION_MIN_/ { platform = "other-version-min"; next }
    END { flush() }'
}

# check_platform ARCHIVE ALLOWED-REGEX DESCRIPTION
check_platform() {
  local archive=$1 allowed=$2 what=$3 listing count bad
  listing=$(macho_platforms "$archive")
  count=$(grep -c . <<<"$listing" || true)
  [ "$count" -gt 0 ] || die "$archive: llvm-objdump found no Mach-O object"
  bad=$(awk -v ok="^($allowed)\$" '$NF !~ ok' <<<"$listing")
  if [ -n "$bad" ]; then
    echo "$bad" | head -20 >&2
    die "$archive: $(grep -c . <<<"$bad") of $count objects are not $what (above, first 20)"
  fi
  echo "cross-build: $archive: all $count objects $what ($(awk '{print $NF}' <<<"$listing" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}'))"
}

# iOS device: LC_BUILD_VERSION platform 2 (llvm-objdump: "ios"), or the
# older LC_VERSION_MIN_IPHONEOS of rustup's std, which only devices accept
# for arm64.
check_platform "target/$ios_device/release/$lib" 'ios|2|ios-version-min' "built for iOS devices"

# iOS simulator: `cargo check` emits no Rust objects, but ring's build script
# compiles its C and assembly for real — the part Debian's clang builds.
# Platform 7 (llvm-objdump: "iossim"); LC_VERSION_MIN_IPHONEOS would make
# Xcode take an arm64 object for a device one.
mapfile -t sim_archives < <(find "$sim_target_dir/$ios_sim/debug/build" -path '*/ring-*/out/libring_core_*.a' ! -name '*_test.a')
[ "${#sim_archives[@]}" -gt 0 ] || die "no ring C library under $sim_target_dir/$ios_sim/debug/build"
for a in "${sim_archives[@]}"; do
  check_platform "$a" 'iossim|iossimulator|7' "built for the iOS simulator"
done

# Android: every member is an ELF object for the right machine.
for t in "${android_targets[@]}"; do
  case "$t" in
    aarch64-*) format=elf64-littleaarch64 ;;
    x86_64-*) format=elf64-x86-64 ;;
  esac
  a="target/$t/release/$lib"
  formats=$(llvm-objdump -f "$a" | sed -n 's/.*file format //p' | sort | uniq -c)
  count=$(awk '{n += $1} END {print n + 0}' <<<"$formats")
  [ "$count" -gt 0 ] || die "$a: llvm-objdump found no object"
  if grep -v -q " $format\$" <<<"$formats"; then
    echo "$formats" >&2
    die "$a: objects that are not $format (above)"
  fi
  echo "cross-build: $a: all $count objects $format"
done

# --- 5. sizes --------------------------------------------------------------------
# Release static libraries: everything a linker may take, std included, before
# LTO and dead-stripping. What ships is far smaller (scripts/library-size.sh
# for this host; build-android.sh prints the NDK-linked .so).
echo
printf '%-24s %14s\n' "target" "staticlib MiB"
for t in "${targets[@]}"; do
  bytes=$(wc -c <"target/$t/release/$lib")
  printf '%-24s %14s\n' "$t" "$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')"
done
