#!/usr/bin/env python3
"""Throughput of Python phonenumbers parse + format(E164), for comparison with
the Rust normalizer (examples/bench.rs reads the same file format).

Usage: python3 bench_python.py [file] [rounds]
  file: region<TAB>input[<TAB>...] per line (default normalize_corpus.tsv;
        extra columns ignored).
"""
import sys
import time

import phonenumbers
from phonenumbers import PhoneNumberFormat


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "normalize_corpus.tsv"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                rows.append((cols[0], cols[1]))
    ok = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for region, text in rows:
            try:
                n = phonenumbers.parse(text, region)
                phonenumbers.format_number(n, PhoneNumberFormat.E164)
                ok += 1
            except phonenumbers.NumberParseException:
                pass
    secs = time.perf_counter() - start
    total = len(rows) * rounds
    print("python phonenumbers %s: %d numbers in %.3fs = %.0f numbers/s, %.1f us/number (%d parsed)"
          % (phonenumbers.__version__, total, secs, total / secs, secs * 1e6 / total, ok))


if __name__ == "__main__":
    main()
