#!/usr/bin/env bash
# The committed Gradle wrappers (bindings/android, android-sample) are what
# a mobile developer runs first (`./gradlew assembleDebug`): the jar must be
# Gradle's own, the distribution pinned by its SHA-256, and both projects on
# the same version. GitHub's gradle/actions wrapper validation checks the jar
# again on every workflow run.
#
# Where the pins come from:
#   - gradle-wrapper.jar: SHA-256 7d3a4ac4…6172 is the official jar of the
#     Gradle 8.14.x releases, as listed in Gradle's published wrapper
#     checksums (gradle.org/release-checksums; the same list ships in
#     gradle/actions as wrapper-checksums.json). The bytes were taken from
#     the npm package @react-native-community/template@0.81.6
#     (template/android/gradle/wrapper/), which ships that exact jar, with
#     its gradlew; gradlew.bat is the same file without React Native's
#     five-line licence header.
#   - gradle-8.14.3-bin.zip: SHA-256 bd711022…3531, Gradle's published
#     checksum for that distribution (services.gradle.org/distributions/
#     gradle-8.14.3-bin.zip.sha256), the value gradle/actions' own sample
#     wrapper and other projects pin. The wrapper refuses a download that
#     does not match it.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_SHA256=7d3a4ac4de1c32b59bc6a4eb8ecb8e612ccd0cf1ae1e99f66902da64df296172
DIST_URL='https\://services.gradle.org/distributions/gradle-8.14.3-bin.zip'
DIST_SHA256=bd71102213493060956ec229d946beee57158dbd89d0e62b91bca0fa2c5f3531
fail() { echo "gradle wrappers: $*" >&2; exit 1; }
for project in bindings/android android-sample; do
  jar="$project/gradle/wrapper/gradle-wrapper.jar"
  props="$project/gradle/wrapper/gradle-wrapper.properties"
  [ -f "$jar" ] || fail "$jar is missing"
  [ "$(sha256sum "$jar" | cut -d' ' -f1)" = "$JAR_SHA256" ] || fail "$jar is not Gradle's official 8.14.x wrapper jar"
  grep -qxF "distributionUrl=$DIST_URL" "$props" || fail "$props: distributionUrl is not $DIST_URL"
  grep -qxF "distributionSha256Sum=$DIST_SHA256" "$props" || fail "$props: distributionSha256Sum is missing or wrong"
  [ -x "$project/gradlew" ] || fail "$project/gradlew is missing or not executable"
  head -1 "$project/gradlew" | grep -q '^#!/bin/sh' || fail "$project/gradlew is not the POSIX wrapper script"
  # The script starts the jar it sits next to (a literal $APP_HOME: no expansion wanted).
  # shellcheck disable=SC2016
  grep -qF '$APP_HOME/gradle/wrapper/gradle-wrapper.jar' "$project/gradlew" ||
    fail "$project/gradlew does not run gradle/wrapper/gradle-wrapper.jar"
  # The jar is a real wrapper: it has the wrapper's main class. (The
  # listing is read whole first: `unzip | grep -q` under pipefail fails at
  # random when grep stops reading before unzip has written everything.)
  listing=$(unzip -l "$jar")
  grep -qF 'org/gradle/wrapper/GradleWrapperMain.class' <<<"$listing" || fail "$jar has no GradleWrapperMain"
done
echo "gradle wrappers: bindings/android and android-sample run Gradle 8.14.3 (bin.zip SHA-256 pinned), official wrapper jar"
