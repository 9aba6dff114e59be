# shellcheck shell=bash
# Kotlin on a plain JVM, shared by bindings/kotlin/run-tests.sh and
# android-sample/run-jvm-tests.sh (source it). Tools come from scripts/setup.sh.

TOOLS_DIR="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}"
KOTLIN_HOME="$TOOLS_DIR/kotlin/node_modules/kotlin-compiler"
KLIB="$KOTLIN_HOME/lib"
KOTLIN_CP_COMPILE="/usr/share/java/jna.jar:/usr/share/java/junit-jupiter-api.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"
# kotlinc's JVM: C1 only (it warms up faster), and a code cache larger
# than the default 48 MiB that C1-only gets: a CI run once died with "Out
# of space in CodeCache for method handle intrinsic" compiling the tests.
KOTLINC_JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m"
KOTLIN_CP_RUN="/usr/share/java/jna.jar:$KLIB/kotlin-stdlib.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"

# kotlin_compile BUILD_DIR SOURCE... : one kotlinc call into BUILD_DIR/classes.
# kotlinc has no daemon outside Gradle and spends most of its time warming
# up, so it runs only when a source changed.
kotlin_compile() {
  local build="$1"
  shift
  local stamp
  # KOTLIN_FLAGS: extra kotlinc flags (android-compile.sh: the language
  # version Gradle builds with), part of the stamp like the classpath.
  stamp=$( { find "$@" -name '*.kt' -print0 | sort -z | xargs -0 sha256sum; echo "$KOTLIN_CP_COMPILE ${KOTLIN_FLAGS:-}"; } | sha256sum | cut -d' ' -f1)
  if [ -d "$build/classes" ] && [ "$(cat "$build/classes.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "kotlinc: sources unchanged, reusing $build/classes"
    return 0
  fi
  rm -rf "$build/classes" "$build/classes.stamp"
  mkdir -p "$build"
  # shellcheck disable=SC2086 # KOTLIN_FLAGS: several flags
  JAVA_OPTS="$KOTLINC_JAVA_OPTS" "$KOTLIN_HOME/bin/kotlinc" -cp "$KOTLIN_CP_COMPILE" \
    -jvm-target 17 -nowarn ${KOTLIN_FLAGS:-} -d "$build/classes" "$@"
  echo "$stamp" > "$build/classes.stamp"
}

# kotlin_junit BUILD_DIR LABEL PACKAGE [JAVA_OPTION...] : runs the JUnit 5
# console launcher on BUILD_DIR/classes, prints "LABEL: N passed, N failed",
# returns the launcher's exit code (non-zero on any failure or no tests).
kotlin_junit() {
  local build="$1" label="$2" package="$3"
  shift 3
  local rc=0
  java "$@" -jar /usr/share/java/junit-platform-console-standalone.jar \
    --class-path "$build/classes:$KOTLIN_CP_RUN" --select-package "$package" --fail-if-no-tests \
    --disable-banner --disable-ansi-colors --details=tree > "$build/junit.log" 2>&1 || rc=$?
  cat "$build/junit.log"
  local ok bad
  ok=$(sed -n 's/^\[ *\([0-9]*\) tests successful.*/\1/p' "$build/junit.log")
  bad=$(sed -n 's/^\[ *\([0-9]*\) tests failed.*/\1/p' "$build/junit.log")
  echo "$label: ${ok:-0} passed, ${bad:-0} failed"
  return "$rc"
}
