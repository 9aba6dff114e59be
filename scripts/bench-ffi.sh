#!/usr/bin/env bash
# What one call costs through the FFI from Kotlin (JVM, JNA) and from Swift,
# same library, same list, same calls, printed side by side with the ratio.
# Kotlin always runs; Swift runs when its Linux runner exists
# (bindings/swift/run-linux-tests.sh), else the table says it was skipped.
# Numbers, not assertions. Usage: scripts/bench-ffi.sh (scripts/bench.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/kotlin-jvm.sh
source scripts/kotlin-jvm.sh

out=target/bench-ffi
mkdir -p "$out"

# Kotlin: the same classes as bindings/kotlin/run-tests.sh (reused when no
# source changed), only the benchmark class.
cargo build --quiet --release -p callguard-ffi
python3 scripts/readme-snippets.py >/dev/null
kotlin_compile target/kotlin bindings/kotlin/generated bindings/kotlin/src bindings/kotlin/test target/readme/ReadmeExample.kt >/dev/null
java -Djna.library.path="$PWD/target/release" -Dcallguard.vectors="$PWD/tests/vectors" \
  -jar /usr/share/java/junit-platform-console-standalone.jar \
  --class-path "target/kotlin/classes:$KOTLIN_CP_RUN" --select-class io.callguard.ScreenBenchmarkTest \
  --disable-banner --disable-ansi-colors --details=none > "$out/kotlin.log" 2>&1 \
  || { cat "$out/kotlin.log"; echo "kotlin benchmark failed" >&2; exit 1; }
jna_version=$(unzip -p /usr/share/java/jna.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([^ ]*\).*/\1/p' | tr -d '\r')

# Swift: its runner prints the lines of ScreenBenchmarkTests.swift.
swift_note="skipped: bindings/swift/run-linux-tests.sh is not here"
: > "$out/swift.log"
if [ -f bindings/swift/run-linux-tests.sh ]; then
  if bash bindings/swift/run-linux-tests.sh > "$out/swift.log" 2>&1; then
    swift_note="bindings/swift/run-linux-tests.sh"
    # The runner prints only counts; the XCTests' own lines are in its log.
    cat target/swift/callguard.log >> "$out/swift.log" 2>/dev/null || true
  else
    swift_note="failed: bindings/swift/run-linux-tests.sh (see $out/swift.log)"
  fi
fi

# "LANG screen: median X µs" and "LANG screen_many: N calls, median Y ms"
figure() { sed -n "s/^$1 $2: .*median \([0-9.]*\) .*/\1/p" "$out/$1.log" | tail -1; }
k_one=$(figure kotlin screen); k_many=$(figure kotlin screen_many)
s_one=$(figure swift screen); s_many=$(figure swift screen_many)

echo "kotlin: $(java -version 2>&1 | head -1), JNA $jna_version (Debian's, /usr/share/java/jna.jar)"
echo "swift:  $swift_note"
awk -v ko="$k_one" -v km="$k_many" -v so="$s_one" -v sm="$s_many" 'BEGIN {
  printf "%-36s %12s %12s %12s %s\n", "measure (median)", "kotlin", "swift", "kotlin/swift", "target"
  row("screen, one call", ko, so, "µs", "kotlin <= 2x swift")
  row("screen_many, 10 000 calls", km, sm, "ms", "kotlin <= 20 ms")
}
function row(label, k, s, unit, target,   ks, ss, r) {
  ks = k == "" ? "n/a" : sprintf("%.2f %s", k, unit)
  ss = s == "" ? "n/a" : sprintf("%.2f %s", s, unit)
  r = (k == "" || s == "" || s == 0) ? "n/a" : sprintf("%.2fx", k / s)
  printf "%-36s %12s %12s %12s %s\n", label, ks, ss, r, target
}'
