#!/usr/bin/env bash
# Runs the README's "Publish and serve a list" block as written, with the
# freshly built `callguard` on PATH, in a scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/readme-snippets.py >/dev/null
cargo build --quiet -p callguard-cli
export PATH="$PWD/target/debug:$PATH"
walkthrough="$PWD/target/readme/walkthrough.sh"
scratch="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$scratch"' EXIT
cd "$scratch"
output="$(bash -e "$walkthrough" 2>&1)"
echo "$output"
grep -q 'not_modified' <<<"$output" || { echo "walk-through: the second sync was not 'not_modified'" >&2; exit 1; }
grep -q 'verdict=spoofed' <<<"$output" || { echo "walk-through: the hotline was not flagged as spoofed" >&2; exit 1; }
echo "README walk-through: ran as written"
