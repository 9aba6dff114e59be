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

# shellcheck source=scripts/kotlin-jvm.sh
source "$repo/scripts/kotlin-jvm.sh"
BUILD="$repo/target/android-logic"
LIB_DIR="$repo/target/release"

for f in "$KOTLIN_HOME/bin/kotlinc" /usr/share/java/jna.jar /usr/share/java/junit-platform-console-standalone.jar; do
  [ -e "$f" ] || { echo "missing $f: run $repo/scripts/setup.sh" >&2; exit 2; }
done

# Always (cheap when fresh): the library must match the generated bindings.
(cd "$repo" && cargo build --quiet --release -p callguard-ffi)

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

kotlin_compile "$BUILD" "${sources[@]}"
kotlin_junit "$BUILD" android-logic io.callguard.sample.logic \
  -Djna.library.path="$LIB_DIR" -Dcallguard.vectors="$repo/tests/vectors"
