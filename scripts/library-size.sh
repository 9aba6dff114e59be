#!/usr/bin/env bash
# Prints the size of the stripped release library (what ships in an app),
# built with the `small-release` profile, and fails over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_BYTES=$((6 * 1024 * 1024))
cargo build --quiet --profile small-release -p callguard-ffi
lib="target/small-release/libcallguard_ffi.so"
stripped="target/small-release/libcallguard_ffi.stripped.so"
strip --strip-all -o "$stripped" "$lib"
size=$(stat -c %s "$stripped")
awk -v s="$size" -v b="$BUDGET_BYTES" -v arch="$(uname -m)" 'BEGIN {
  printf "stripped libcallguard_ffi.so (small-release, %s): %d bytes = %.2f MiB (budget %.0f MiB)\n", arch, s, s / 1048576, b / 1048576 }'
if [ "$size" -gt "$BUDGET_BYTES" ]; then
  echo "over budget" >&2
  exit 1
fi
