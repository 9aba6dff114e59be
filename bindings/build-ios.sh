#!/usr/bin/env bash
# Builds bindings/swift/CallGuardFFI.xcframework (the Rust static library
# for the Swift package's binary target) on a Mac, plus a zip and its
# SwiftPM checksum for releases.
#
#   bindings/build-ios.sh               regenerate bindings, build every slice
#   bindings/build-ios.sh --no-macos    iOS slices only (the macOS slice is
#                                       what lets `swift test` run on the Mac)
#
# Needs macOS with Xcode 16 (xcodebuild, lipo) and Rust through rustup.
# Slices: ios-arm64 (devices), ios-arm64_x86_64-simulator (lipo of two),
# macos-arm64_x86_64. Profile: small-release (what ships inside phones).
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "build-ios: $*" >&2
  exit 1
}

with_macos=1
for arg in "$@"; do
  case "$arg" in
    --no-macos) with_macos=0 ;;
    -h | --help)
      sed -n '2,13p' "$0"
      exit 0
      ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

# Fail fast, with the fix, before touching anything.
[ "$(uname -s)" = "Darwin" ] ||
  die "this builds an Apple xcframework and needs macOS with Xcode 16; this machine runs $(uname -s)"
command -v xcodebuild >/dev/null 2>&1 ||
  die "xcodebuild not found: install Xcode 16 from the App Store, then: sudo xcode-select -s /Applications/Xcode.app"
xcodebuild -version >/dev/null 2>&1 ||
  die "xcodebuild does not run (only the Command Line Tools selected?): sudo xcode-select -s /Applications/Xcode.app"
command -v lipo >/dev/null 2>&1 || die "lipo not found (it ships with Xcode)"
command -v rustup >/dev/null 2>&1 || die "rustup not found: install Rust from https://rustup.rs"
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust from https://rustup.rs"

profile="small-release"
lib="libcallguard_ffi.a"
swift_dir="bindings/swift"
xcframework="$swift_dir/CallGuardFFI.xcframework"
work="target/ios"
zip="$work/CallGuardFFI.xcframework.zip"

# The minimum OS versions of Package.swift; Rust passes them to the linker.
export IPHONEOS_DEPLOYMENT_TARGET="16.0"
export MACOSX_DEPLOYMENT_TARGET="13.0"

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
if [ "$with_macos" -eq 1 ]; then
  targets+=(aarch64-apple-darwin x86_64-apple-darwin)
fi

echo "== 1/6 regenerate the Swift bindings (bindings/generate.sh)"
bash bindings/generate.sh

echo "== 2/6 rustup targets"
rustup target add "${targets[@]}"

echo "== 3/6 cargo build -p callguard-ffi --profile $profile"
for target in "${targets[@]}"; do
  echo "   $target"
  cargo build --quiet -p callguard-ffi --lib --profile "$profile" --target "$target"
  [ -f "target/$target/$profile/$lib" ] || die "missing target/$target/$profile/$lib after the build"
done

echo "== 4/6 lipo the fat slices, one headers directory"
rm -rf "$work"
mkdir -p "$work/ios" "$work/ios-simulator" "$work/headers"
cp "target/aarch64-apple-ios/$profile/$lib" "$work/ios/$lib"
lipo -create \
  "target/aarch64-apple-ios-sim/$profile/$lib" \
  "target/x86_64-apple-ios/$profile/$lib" \
  -output "$work/ios-simulator/$lib"
if [ "$with_macos" -eq 1 ]; then
  mkdir -p "$work/macos"
  lipo -create \
    "target/aarch64-apple-darwin/$profile/$lib" \
    "target/x86_64-apple-darwin/$profile/$lib" \
    -output "$work/macos/$lib"
fi
# Clang finds a module by the file name module.modulemap, also one directory
# down from a header search path. In a subdirectory named after the module
# (Headers/CallGuardFFI/ in the xcframework), not at the root: Xcode copies
# every static xcframework's headers into one include/ directory, and an app
# that also links another uniffi/Rust xcframework with a root module.modulemap
# fails with "Multiple commands produce .../include/module.modulemap".
mkdir -p "$work/headers/CallGuardFFI"
cp "$swift_dir/ffi/CallGuardFFI.h" "$work/headers/CallGuardFFI/CallGuardFFI.h"
cp "$swift_dir/ffi/CallGuardFFI.modulemap" "$work/headers/CallGuardFFI/module.modulemap"

echo "== 5/6 xcodebuild -create-xcframework -> $xcframework"
slices=(
  -library "$work/ios/$lib" -headers "$work/headers"
  -library "$work/ios-simulator/$lib" -headers "$work/headers"
)
if [ "$with_macos" -eq 1 ]; then
  slices+=(-library "$work/macos/$lib" -headers "$work/headers")
fi
rm -rf "$xcframework"
xcodebuild -create-xcframework "${slices[@]}" -output "$xcframework" >/dev/null

echo "== 6/6 zip and checksum for a release"
# ditto keeps the xcframework's symlinks and layout, as SwiftPM expects.
ditto -c -k --sequesterRsrc --keepParent "$xcframework" "$zip"
if command -v swift >/dev/null 2>&1; then
  checksum=$(cd "$swift_dir" && swift package compute-checksum "$OLDPWD/$zip")
else
  checksum=$(shasum -a 256 "$zip" | cut -d' ' -f1)
fi

echo
echo "built:    $xcframework"
echo "zip:      $zip"
echo "checksum: $checksum"
echo
echo "Local use: Package.swift's .binaryTarget(name: \"CallGuardFFI\", path: \"CallGuardFFI.xcframework\") picks it up."
echo "Release:   upload the zip, then use .binaryTarget(name: \"CallGuardFFI\", url: \"<zip URL>\", checksum: \"$checksum\")."
