#!/usr/bin/env bash
# Compiles the generated Kotlin, the idiomatic layer, the JUnit 5 tests and
# the README's Kotlin example with one kotlinc call, then runs the tests on a
# plain JVM against the real native library. Exit code = test result; prints
# "kotlin: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/kotlin-jvm.sh
source scripts/kotlin-jvm.sh

cargo build --quiet --release -p callguard-ffi
cargo build --quiet -p callguard-sync --example hostile_server
# The README's "Use it from Kotlin" block is compiled too, so it cannot rot.
python3 scripts/readme-snippets.py >/dev/null

kotlin_compile target/kotlin bindings/kotlin/generated bindings/kotlin/src bindings/kotlin/test target/readme/ReadmeExample.kt
kotlin_junit target/kotlin kotlin io.callguard \
  -Djna.library.path="$PWD/target/release" -Dcallguard.vectors="$PWD/tests/vectors" \
  -Dcallguard.hostileServer="$PWD/target/debug/examples/hostile_server"
