#!/usr/bin/env bash
# Runs the Android sample's plain-Kotlin logic tests on a plain JVM against
# the real native library: compiles the generated JVM bindings, the
# idiomatic layer, the logic (android-sample/app/src/main/kotlin/.../logic)
# and its tests with ONE kotlinc call, then runs JUnit 5's console launcher.
# Prints "android-logic: N passed, N failed"; exit code = test result.
#   CALLGUARD_TOOLS  where scripts/setup.sh put kotlinc (default ~/.cache/callguard-tools)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

repo="$(cd "$here/.." && pwd)"

TOOLS_DIR="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}"
KOTLIN_HOME="$TOOLS_DIR/kotlin/node_modules/kotlin-compiler"
KLIB="$KOTLIN_HOME/lib"
BUILD="$repo/target/android-logic"
LIB_DIR="$repo/target/release"

for f in "$KOTLIN_HOME/bin/kotlinc" /usr/share/java/jna.jar /usr/share/java/junit-platform-console-standalone.jar; do
  [ -e "$f" ] || { echo "missing $f: run $repo/scripts/setup.sh" >&2; exit 2; }
done

# Always (cheap when fresh): the library must match the generated bindings.
(cd "$repo" && cargo build --quiet --release -p callguard-ffi)

CP_COMPILE="/usr/share/java/jna.jar:/usr/share/java/junit-jupiter-api.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"
sources=(
  "$repo/bindings/kotlin/generated"
  "$repo/bindings/kotlin/src"
  "$here/app/src/main/kotlin/io/callguard/sample/logic"
  "$here/app/src/test/kotlin/io/callguard/sample/logic"
)
# The logic must stay free of Android: it is compiled here without android.jar.
if grep -rn --include='*.kt' -E '^import (android|androidx)\.' "${sources[2]}" "${sources[3]}"; then
  echo "android-logic: the plain-Kotlin logic imports Android (above)" >&2
  exit 1
fi

# kotlinc has no daemon outside Gradle: compile only when a source changed.
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
java -Djna.library.path="$LIB_DIR" -Dcallguard.vectors="$repo/tests/vectors" \
  -jar /usr/share/java/junit-platform-console-standalone.jar \
  --class-path "$CP_RUN" --select-package io.callguard.sample.logic --fail-if-no-tests \
  --disable-banner --disable-ansi-colors --details=tree "$@" > "$BUILD/junit.log" 2>&1 || rc=$?
cat "$BUILD/junit.log"
ok=$(sed -n 's/^\[ *\([0-9]*\) tests successful.*/\1/p' "$BUILD/junit.log")
bad=$(sed -n 's/^\[ *\([0-9]*\) tests failed.*/\1/p' "$BUILD/junit.log")
echo "android-logic: ${ok:-0} passed, ${bad:-0} failed"
exit "$rc"
