#!/usr/bin/env bash
# A cold start as Telecom causes it: a new process, the state directory of a
# customer after a few weeks (a 10 000-contact list, a 10 000 000-number
# feed: state/examples/cold_start_state.rs), and the time to the first
# verdict, through Kotlin on the JVM and the real release library
# (bindings/kotlin/bench/…/ColdStart.kt), RUNS times in a new JVM each.
# The files are in the page cache (as they are for an app used daily); the
# JVM's own start is printed apart (ART starts an app process from the
# zygote, already warm). Numbers, not assertions.
#   usage: scripts/bench-cold-start.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/kotlin-jvm.sh
source scripts/kotlin-jvm.sh
runs="${1:-7}"
out=target/cold-start

cargo build --quiet --release -p callguard-ffi
numbers=$(cargo run --quiet --release -p callguard-state --example cold_start_state -- "$out")
listed=$(sed -n 's/^listed //p' <<<"$numbers")
reported=$(sed -n 's/^reported //p' <<<"$numbers")
kotlin_compile target/kotlin-cold-start bindings/kotlin/generated bindings/kotlin/src bindings/kotlin/bench >/dev/null

for _ in $(seq "$runs"); do
  java -Djna.library.path="$PWD/target/release" -cp "target/kotlin-cold-start/classes:$KOTLIN_CP_RUN" \
    io.callguard.bench.ColdStartKt "$out/state" "$out/trust.json" "$listed" "$reported"
done | tee "$out/runs.txt"
python3 - "$out/runs.txt" <<'PY'
import re, statistics, sys
rows = [l for l in open(sys.argv[1]) if l.startswith("cold start:")]
def col(name):
    return [float(re.search(name + r" ([0-9.]+) ms", l).group(1)) for l in rows]
for name in ["process->main", "library", "guard", "addTrust", "screen"]:
    v = col(name)
    print(f"{name:>14}: median {statistics.median(v):7.1f} ms  (min {min(v):.1f}, max {max(v):.1f})")
v = [float(re.search(r"a reported number ([0-9.]+) ms", l).group(1)) for l in rows]
print(f"{'then reported':>14}: median {statistics.median(v):7.1f} ms  (waits for the stored feed's check if it is still running)")
v = [float(re.search(r"first verdict ([0-9.]+) ms", l).group(1)) for l in rows]
print(f"{'first verdict':>14}: median {statistics.median(v):7.1f} ms after process start (min {min(v):.1f}, max {max(v):.1f}), {len(rows)} runs")
PY
