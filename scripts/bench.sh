#!/usr/bin/env bash
# Measures the hot paths and prints each figure next to its budget, side by
# side, from one run on this machine. Numbers, not assertions: nothing here
# fails on a slow machine. Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null

echo "== criterion (core/benches/core.rs)"
cargo bench --quiet -p callguard-core --bench core -- --warm-up-time 1 --measurement-time 4 >/dev/null 2>&1
median_ns() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['median']['point_estimate'])" "target/criterion/$1/new/estimates.json"; }

echo "== stress (core/examples/stress.rs, release)"
stress="$(cargo run --quiet --release -p callguard-core --example stress)"
echo "$stress"

echo "== batch normalize: callguard (release) vs Python phonenumbers, same 200 000 strings"
[ -f target/normalize_corpus.tsv ] || python3 tests/normalize/gen_corpus.py target/normalize_corpus.tsv >/dev/null
python3 - <<'PY'
rows = [l.split("\t")[1] for l in open("target/normalize_corpus.tsv", encoding="utf-8") if l.startswith("RU\t")]
out = [rows[i % len(rows)] for i in range(200_000)]
open("target/bench-numbers.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
cargo build --quiet --release -p callguard-cli
start=$(date +%s.%N)
./target/release/callguard normalize --region RU < target/bench-numbers.txt > target/bench-rust.txt
rust_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
py_s=$(python3 - <<'PY'
import time, phonenumbers
lines = open("target/bench-numbers.txt", encoding="utf-8").read().splitlines()
t = time.perf_counter()
out = []
for s in lines:
    try:
        out.append(phonenumbers.format_number(phonenumbers.parse(s, "RU"), phonenumbers.PhoneNumberFormat.E164))
    except phonenumbers.NumberParseException:
        out.append("invalid")
print(time.perf_counter() - t)
PY
)
agree=$(python3 - <<'PY'
import re, phonenumbers
# The oracle's view of a string, as in tests/normalize/gen_corpus.py: it
# rejects U+202F and bidi marks between digits, which Android produces.
view = lambda s: re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", s.replace("\u202f", " "))
lines = open("target/bench-numbers.txt", encoding="utf-8").read().splitlines()[:20000]
ours = open("target/bench-rust.txt").read().splitlines()[:20000]
same = 0
for s, o in zip(lines, ours):
    try:
        same += phonenumbers.format_number(phonenumbers.parse(view(s), "RU"), phonenumbers.PhoneNumberFormat.E164) == o
    except phonenumbers.NumberParseException:
        same += o == "invalid"
print(f"{same}/{len(lines)}")
PY
)

screen_listed=$(median_ns screen_listed_number_10k)
screen_unlisted=$(median_ns screen_unlisted_number_10k)
screen_name=$(median_ns screen_messenger_name_10k)
norm=$(median_ns normalize_mixed_formats)
load=$(median_ns verify_and_load/10k_contacts)
echo
echo "== figures (this machine: $(nproc) cores, $(uname -m))"
awk -v a="$screen_listed" -v b="$screen_unlisted" -v c="$screen_name" -v n="$norm" -v l="$load" \
    -v r="$rust_s" -v p="$py_s" -v ag="$agree" 'BEGIN {
  printf "%-48s %14s %14s %10s\n", "measure", "measured", "budget", "ratio"
  printf "%-48s %11.0f ns %11s ns %9.2fx\n", "screen, listed number, 10k-contact list (median)", a, "2000", 2000 / a
  printf "%-48s %11.0f ns %11s ns %9.2fx\n", "screen, unlisted number (median)", b, "2000", 2000 / b
  printf "%-48s %11.0f ns %11s ns %9.2fx\n", "screen, messenger call by name only (median)", c, "2000", 2000 / c
  printf "%-48s %11.0f ns %11s ns %9.2fx\n", "normalize one caller string (median)", n, "1000", 1000 / n
  printf "%-48s %11.2f ms %11s ms %9.2fx\n", "verify + load a 10k-contact list (median)", l / 1e6, "5", 5 / (l / 1e6)
  printf "%-48s %11.3f s  %11s    %9.1fx\n", "normalize 200k numbers: callguard CLI", r, "", p / r
  printf "%-48s %11.3f s  %11s    (budget: callguard >= 10x faster)\n", "normalize 200k numbers: Python phonenumbers", p, ""
  printf "%-48s %14s\n", "agreement with phonenumbers on those numbers", ag
}'

# --- names (issue 20) ---
echo
echo "== names: a 64-character name read and checked against every name rule (core/benches/core.rs)"
awk -v cy="$(median_ns names_read_and_claims_64_cyrillic)" -v la="$(median_ns names_read_and_claims_64_latin)" \
    -v ho="$(median_ns names_read_and_claims_64_hostile)" -v wh="$(median_ns names_worst/hostile_64k)" \
    -v wb="$(median_ns names_worst/bidi_64k)" 'BEGIN {
  printf "%-52s %12s %12s %10s\n", "measure", "measured", "budget", "ratio"
  printf "%-52s %9.2f us %9s us %9.2fx\n", "64 characters, an ordinary Cyrillic name (median)", cy / 1e3, "3", 3000 / cy
  printf "%-52s %9.2f us %9s us %9.2fx\n", "64 characters, an ordinary Latin name (median)", la / 1e3, "3", 3000 / la
  printf "%-52s %9.2f us %9s us %9.2fx\n", "64 characters, every re-reading at once (median)", ho / 1e3, "3", 3000 / ho
  printf "%-52s %9.2f ms\n", "the input cap (64 KiB) of the same, + numbers (median)", wh / 1e6
  printf "%-52s %9.2f ms\n", "the input cap of nested bidi overrides (median)", wb / 1e6
}'
cargo run --quiet --release -p callguard-core --example name_memory | sed 's/^/  /'
echo "== names: every generated disguise and decorated benign name timed (core/tests/name_disguises.rs read_times)"
cargo test --quiet --release -p callguard-core --test name_disguises -- --ignored --nocapture read_times 2>&1 |
  grep -E "^names:|µs:" | sed 's/^/  /'

# --- feeds (issue 15) ---
echo
echo "== feeds: criterion (core/benches/feed.rs)"
cargo bench --quiet -p callguard-core --bench feed -- --warm-up-time 1 --measurement-time 3 >/dev/null 2>&1
echo "== feeds: sizes, validate, 1 % delta (core/examples/feed_figures.rs, release)"
cargo run --quiet --release -p callguard-core --example feed_figures
echo "== feeds: callguard feed build of 10 000 000 numbers (release CLI)"
[ -f target/feed-10m.txt ] || python3 - <<'PY'
import random
random.seed(15)
numbers = random.sample(range(10**9), 10_000_000)
with open("target/feed-10m.txt", "w") as f:
    for i, n in enumerate(numbers):
        f.write(f"+79{n:09d} {'spam' if i % 3 == 0 else 'fraud'}\n")
PY
cargo build --quiet --release -p callguard-cli
build_start=$(date +%s.%N)
./target/release/callguard feed build --in target/feed-10m.txt --out target/feed-10m \
    --issuer bench-bank --version 1 2>&1 | sed 's/^/  /'
build_s=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$build_start" "$(date +%s.%N)")
awk -v l1="$(median_ns feed_lookup_1m)" -v v1="$(median_ns feed_vec_binary_search_1m)" \
    -v l10="$(median_ns feed_lookup_10m)" -v v10="$(median_ns feed_vec_binary_search_10m)" \
    -v o10="$(median_ns feed_open_10m)" -v b1="$(median_ns feed/build_1m)" -v cli="$build_s" 'BEGIN {
  printf "%-52s %12s %12s %10s\n", "measure", "measured", "budget", "ratio"
  printf "%-52s %9.0f ns %9s ns\n", "lookup, 1 M numbers (median)", l1, ""
  printf "%-52s %9.0f ns %9s    %9.2fx of Vec\n", "Vec<u64> binary search, 1 M (median)", v1, "", l1 / v1
  printf "%-52s %9.0f ns %9s ns %9.2fx\n", "lookup, 10 M numbers (median)", l10, "1000", 1000 / l10
  printf "%-52s %9.0f ns %9s    %9.2fx of Vec (budget <= 3x)\n", "Vec<u64> binary search, 10 M (median)", v10, "", l10 / v10
  printf "%-52s %9.2f us %9s us %9.0fx\n", "open a 10 M blob (header checks, median)", o10 / 1e3, "5000", 5e6 / o10
  printf "%-52s %9.1f ms\n", "build a 1 M blob in memory (median)", b1 / 1e6
  printf "%-52s %9.2f s  %9s s  %9.1fx\n", "callguard feed build, 10 M numbers (read+sort+write)", cli, "30", 30 / cli
}'
echo "== feeds: resident memory and open time of a mapped 10 M blob (state/examples/feed_resident.rs, release)"
cargo run --quiet --release -p callguard-state --example feed_resident
echo "== feeds: Call Directory export of 2 000 000 feed entries, chunks of 2 000 (core/tests/feed_directory.rs, counting allocator; budget 8 MB)"
cargo test --quiet --release -p callguard-core --test feed_directory exporting_two_million -- --nocapture 2>&1 |
  grep "peak extra heap" | sed 's/^/  /'
echo
echo "== FFI: one call from Kotlin (JVM, JNA) and from Swift (scripts/bench-ffi.sh)"
bash scripts/bench-ffi.sh
