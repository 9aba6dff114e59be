#!/usr/bin/env bash
# Compiles every Kotlin file of the Android sample app and of the library
# module against the real Android API 36 and AndroidX signatures — without
# an Android SDK, which this machine cannot have:
#   1. compile-only Java stubs, generated from the chaquopy-stubs-* .pyi
#      trees pinned in tools/android-stubs/requirements.txt (installed by
#      scripts/setup.sh), for the closure of what the sources import
#      (tools/android-stubs/gen_java.py), compiled with javac;
#   2. R.java and BuildConfig.java from the app's res/ and build.gradle.kts
#      (tools/android-stubs/gen_r.py): an unknown R id is a compile error;
#   3. the hand-written Kotlin stubs (tools/android-stubs/kotlin: WorkManager,
#      the -ktx extensions), listed in tools/android-stubs/README.md;
#   4. kotlinc over the library module's sources (bindings/kotlin/src and
#      the Android flavour of the uniffi Kotlin) and the app's, against all
#      that, JNA and kotlinx-coroutines;
#   5. API levels above minSdk 29 used outside a Build.VERSION.SDK_INT guard
#      (tools/android-stubs/api_levels.py);
#   6. a self-test: copies with a method that does not exist, a parameter of
#      the wrong type and an unknown R id must each be refused.
# Exits non-zero on any compile error. The stub jar is cached by the hash of
# its inputs; the Kotlin compiles by the hash of their sources.
#   usage: scripts/android-compile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/kotlin-jvm.sh
source scripts/kotlin-jvm.sh
TOOLS_DIR="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}"
STUBS="$TOOLS_DIR/android-stubs"
out=target/android-compile
mkdir -p "$out"
die() { echo "android-compile: $*" >&2; exit 1; }
t0=$SECONDS
[ -f "$STUBS/.installed" ] || die "the API 36 stubs are not installed: run scripts/setup.sh"

app=android-sample/app
app_sources=("$app/src/main/kotlin")
module_sources=(bindings/kotlin/src "$out/generated")
# The module's instrumented tests (run on an emulator by the workflow),
# with the androidx.test stubs and JUnit 4.
android_test_sources=(bindings/android/src/androidTest/kotlin tools/android-stubs/kotlin-androidtest)
hand_stubs=tools/android-stubs/kotlin
KLIB_CP="$KLIB/kotlin-stdlib.jar:$KLIB/kotlinx-coroutines-core-jvm.jar:/usr/share/java/jna.jar"

# --- the Android flavour of the uniffi Kotlin ---------------------------------
rm -rf "$out/generated"
bash bindings/generate-android-kotlin.sh "$out/generated"

# --- 1. stubs of what the sources need ----------------------------------------
# Roots: every android/androidx class imported, or named in full in code
# (android.system.SystemCleaner in the uniffi Kotlin), by the sources and
# the hand stubs.
mapfile -t roots < <( {
  grep -rhE '^import (android|androidx|org\.json)\.' "${app_sources[@]}" "${module_sources[@]}" \
    "${android_test_sources[@]}" "$hand_stubs" | sed -E 's/^import //; s/ as .*//'
  grep -rhoE '\b(android|androidx)(\.[a-z0-9_]+)+\.[A-Z][A-Za-z0-9_]*' "${app_sources[@]}" "${module_sources[@]}" \
    "${android_test_sources[@]}" "$hand_stubs"
} | sort -u)
stub_key=$( {
  cat tools/android-stubs/gen_java.py tools/android-stubs/JdkClasses.java tools/android-stubs/overrides.txt \
    tools/android-stubs/signatures.txt tools/android-stubs/java/androidx/annotation/*.java
  cat "$STUBS/.installed"; printf '%s\n' "${roots[@]}"; echo "$KLIB_CP"; java -version 2>&1
} | sha256sum | cut -d' ' -f1)
# The classes' directory is named by the key, so a Kotlin compile against
# other stubs never reuses its classes.
stubs="$out/stubs-${stub_key:0:16}"
if [ ! -f "$stubs/android/app/Activity.class" ]; then
  rm -rf "$out"/stubs-* "$out/jdk"
  mkdir -p "$out/jdk" "$stubs"
  javac -d "$out/jdk" tools/android-stubs/JdkClasses.java
  # shellcheck disable=SC2086 # the classpath's jars, one argument each
  java -cp "$out/jdk" JdkClasses ${KLIB_CP//:/ } > "$out/jdk/classes.txt"
  python3 tools/android-stubs/gen_java.py --stubs "$STUBS/site" --jdk-classes "$out/jdk/classes.txt" \
    --overrides tools/android-stubs/overrides.txt --signatures tools/android-stubs/signatures.txt \
    --out "$out/stubs-src" "${roots[@]}" | tee "$out/gen_java.log"
  # With the hand-written Java stubs (annotations the .pyi do not carry).
  find "$out/stubs-src" tools/android-stubs/java -name '*.java' > "$out/stubs-src.txt"
  if ! javac -nowarn -encoding UTF-8 -cp "$KLIB_CP" -d "$stubs" @"$out/stubs-src.txt" > "$out/javac.log" 2>&1; then
    grep -v '^Note:' "$out/javac.log" >&2
    rm -rf "$stubs"
    die "the stubs did not compile (above): a rule of tools/android-stubs/gen_java.py needs a look"
  fi
else
  echo "android-compile: stubs unchanged, reusing $stubs ($(head -1 "$out/gen_java.log"))"
fi

# The inference the stubs rest on, against the JDK's own answers.
python3 tools/android-stubs/test_gen_java.py "$STUBS/site" "$out/jdk/classes.txt" | tail -2

# --- 2. R and BuildConfig -------------------------------------------------------
# Named by the hash of what was generated: a resource renamed or removed is a
# new classpath, so the Kotlin below is compiled again against it.
rm -rf "$out/r-src"
python3 tools/android-stubs/gen_r.py "$app" io.callguard.sample "$out/r-src"
r_key=$(cat "$out/r-src/io/callguard/sample/"*.java | sha256sum | cut -c1-16)
r_classes="$out/r-classes-$r_key"
if [ ! -d "$r_classes" ]; then
  rm -rf "$out"/r-classes-*
  javac -d "$r_classes" "$out/r-src/io/callguard/sample/"*.java
fi

# --- 3 + 4. kotlinc -------------------------------------------------------------
# The language and API version the Gradle build uses (the Kotlin plugin of
# bindings/android/gradle/libs.versions.toml): kotlinc here may be newer.
kotlin_version=$(sed -n 's/^kotlin *= *"\([0-9]*\.[0-9]*\).*/\1/p' bindings/android/gradle/libs.versions.toml)
export KOTLIN_FLAGS="-language-version $kotlin_version -api-version $kotlin_version"
# The hand stubs first, on their own: the app must not see their `internal`.
CP_BASE="$stubs:$r_classes:$KLIB/kotlinx-coroutines-core-jvm.jar:/usr/share/java/jna.jar"
KOTLIN_CP_COMPILE="$CP_BASE" kotlin_compile "$out/hand-stubs" "$hand_stubs"
CP="$CP_BASE:$out/hand-stubs/classes"
# kotlin_compile (scripts/kotlin-jvm.sh) reuses the classes while no source changed.
KOTLIN_CP_COMPILE="$CP:/usr/share/java/junit4.jar" kotlin_compile "$out/kotlin" \
  "${module_sources[@]}" "${app_sources[@]}" "${android_test_sources[@]}"

# --- 5. API levels --------------------------------------------------------------
python3 tools/android-stubs/api_levels.py --min-sdk 29 --levels tools/android-stubs/api_levels.txt "${app_sources[@]}"

# --- 6. the stage can fail --------------------------------------------------------
# Each broken copy is compiled with the module; kotlinc must refuse it,
# naming that file. Runs every time (about 15 s).
selftest="$out/selftest"
rm -rf "$selftest"
mkdir -p "$selftest/src"
cat > "$selftest/src/NoSuchMethod.kt" <<'KT'
package io.callguard.sample.selftest
fun noSuchMethod(tm: android.telephony.TelephonyManager) = tm.getSimSerialNumberOfTheBank()
KT
cat > "$selftest/src/WrongParameterType.kt" <<'KT'
package io.callguard.sample.selftest
fun wrongParameterType() = android.util.Log.i("CallGuard", 42)
KT
cat > "$selftest/src/UnknownR.kt" <<'KT'
package io.callguard.sample.selftest
fun unknownR() = io.callguard.sample.R.string.no_such_string
KT
set +e
# shellcheck disable=SC2086 # KOTLIN_FLAGS: several flags
JAVA_OPTS="$KOTLINC_JAVA_OPTS" "$KOTLIN_HOME/bin/kotlinc" -cp "$CP" -jvm-target 17 -nowarn \
  $KOTLIN_FLAGS -d "$selftest/classes" "${module_sources[@]}" "$selftest/src" > "$selftest/kotlinc.log" 2>&1
status=$?
set -e
[ "$status" -ne 0 ] || die "self-test: kotlinc accepted the broken copies"
for broken in NoSuchMethod WrongParameterType UnknownR; do
  grep -q "$broken.kt:.*error:" "$selftest/kotlinc.log" ||
    { cat "$selftest/kotlinc.log" >&2; die "self-test: no compile error in $broken.kt"; }
done
cat > "$selftest/src/Unguarded.kt" <<'KT'
package io.callguard.sample.selftest
fun unguarded(nm: android.app.NotificationManager) = nm.canUseFullScreenIntent()
KT
if python3 tools/android-stubs/api_levels.py --min-sdk 29 --levels tools/android-stubs/api_levels.txt \
    "$selftest/src" > "$selftest/api_levels.log" 2>&1; then
  die "self-test: an API 34 call outside an SDK_INT guard was not reported"
fi
echo "android-compile: self-test: a method that does not exist, a wrong parameter type, an unknown R id and an unguarded API 34 call are each refused"

kt_files=$(find "$hand_stubs" "${module_sources[@]}" "${app_sources[@]}" "${android_test_sources[@]}" -name '*.kt' | wc -l)
echo "android-compile: $kt_files Kotlin files (app, library module and its instrumented tests, hand stubs) compiled against API 36 stubs in $((SECONDS - t0)) s"
