#!/usr/bin/env bash
# Runs every test suite CallGuard has. This is the README's test command and
# the only thing .ci/run calls. It installs what it needs, idempotently, so a
# fresh machine passes with just this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n=== %s ===\n' "$*"; }

step "setup (idempotent)"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "cargo test --workspace"
cargo test --workspace --quiet

step "cargo build (CLI for the cross-language tests)"
cargo build --quiet -p callguard-cli
CALLGUARD="$PWD/target/debug/callguard"

step "JOSE interop with jwcrypto, both ways"
python3 tests/interop/jose_interop.py "$CALLGUARD"

echo
echo "all test suites passed"
