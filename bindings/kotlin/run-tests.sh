#!/usr/bin/env bash
# Compiles the generated Kotlin, the idiomatic layer and the JUnit 5 tests
# with one kotlinc call, then runs them on a plain JVM against the real
# native library. Exit code = test result; prints "kotlin: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."

TOOLS_DIR="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}"
KOTLIN_HOME="$TOOLS_DIR/kotlin/node_modules/kotlin-compiler"
KLIB="$KOTLIN_HOME/lib"
BUILD="target/kotlin"
LIB_DIR="$PWD/target/release"

cargo build --quiet --release -p callguard-ffi
cargo build --quiet -p callguard-sync --example hostile_server

CP_COMPILE="/usr/share/java/jna.jar:/usr/share/java/junit-jupiter-api.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"
# The README's "Use it from Kotlin" block is compiled too, so it cannot rot.
python3 scripts/readme-snippets.py >/dev/null
sources=(bindings/kotlin/generated bindings/kotlin/src bindings/kotlin/test target/readme/ReadmeExample.kt)
# kotlinc has no daemon outside Gradle and spends most of its time warming
# up: compile only when a source changed.
stamp=$( { find "${sources[@]}" -name '*.kt' -print0 | sort -z | xargs -0 sha256sum; echo "$CP_COMPILE"; } | sha256sum | cut -d' ' -f1)
if [ -d "$BUILD/classes" ] && [ "$(cat "$BUILD/classes.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "kotlinc: sources unchanged, reusing $BUILD/classes"
else
  rm -rf "$BUILD/classes" "$BUILD/classes.stamp"
  mkdir -p "$BUILD"
  JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1" "$KOTLIN_HOME/bin/kotlinc" -cp "$CP_COMPILE" \
    -jvm-target 17 -nowarn -d "$BUILD/classes" "${sources[@]}"
  echo "$stamp" > "$BUILD/classes.stamp"
fi

CP_RUN="$BUILD/classes:/usr/share/java/jna.jar:$KLIB/kotlin-stdlib.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"
rc=0
java -Djna.library.path="$LIB_DIR" -Dcallguard.vectors="$PWD/tests/vectors" \
  -Dcallguard.hostileServer="$PWD/target/debug/examples/hostile_server" \
  -jar /usr/share/java/junit-platform-console-standalone.jar \
  --class-path "$CP_RUN" --select-package io.callguard --fail-if-no-tests \
  --disable-banner --disable-ansi-colors --details=tree "$@" > "$BUILD/junit.log" 2>&1 || rc=$?
cat "$BUILD/junit.log"
ok=$(sed -n 's/^\[ *\([0-9]*\) tests successful.*/\1/p' "$BUILD/junit.log")
bad=$(sed -n 's/^\[ *\([0-9]*\) tests failed.*/\1/p' "$BUILD/junit.log")
echo "kotlin: ${ok:-0} passed, ${bad:-0} failed"
exit "$rc"
