#!/usr/bin/env python3
"""Writes each README code block marked `<!-- snippet: NAME -->` to
target/readme/NAME, so the test command compiles (Kotlin, Swift) and runs
(the shell walk-through) exactly what the README shows."""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]
text = (root / "README.md").read_text(encoding="utf-8")
out = root / "target" / "readme"
out.mkdir(parents=True, exist_ok=True)
found = re.findall(r"<!-- snippet: (\S+) -->\n```[a-z]*\n(.*?)\n```", text, re.S)
for name, body in found:
    (out / name).write_text(body + "\n", encoding="utf-8")
    print(f"readme snippet -> target/readme/{name}")
expected = {"walkthrough.sh", "ReadmeExample.kt", "ReadmeExample.swift"}
missing = expected - {name for name, _ in found}
if missing:
    sys.exit(f"README lost its snippets: {sorted(missing)}")
