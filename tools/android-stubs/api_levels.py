#!/usr/bin/env python3
"""Uses of APIs above minSdk outside a Build.VERSION.SDK_INT guard.

The stubs carry no API levels (android.jar's annotations are not in the
.pyi), so the APIs above minSdk that the sample uses are listed by hand in
api_levels.txt. A use is guarded when, inside its function:
  - an enclosing `if (… SDK_INT >= VERSION_CODES.X …) { … }` block, or the
    same line, has X at least its level; or
  - an earlier `if (… SDK_INT < VERSION_CODES.X …) return …` left the
    function for every older device; or
  - the function is annotated @RequiresApi(X) with X at least its level.
A method or class use that is not guarded fails; a constant is inlined by
the compiler, so an unguarded one is only a note. This is text, not a
compiler: it does not follow calls between functions, and an `else` branch
of a `>=` guard counts as guarded (say so in code review).

usage: api_levels.py --min-sdk N --levels FILE SOURCE_DIR...
"""
import argparse
import os
import re
import sys

CODES = {"Q": 29, "R": 30, "S": 31, "S_V2": 32, "TIRAMISU": 33, "UPSIDE_DOWN_CAKE": 34,
         "VANILLA_ICE_CREAM": 35, "BAKLAVA": 36}
LEVEL = r"(?:Build\.)?VERSION_CODES\.(\w+)|(\d+)"
AT_LEAST = re.compile(rf"SDK_INT\s*>=\s*(?:{LEVEL})")
BELOW = re.compile(rf"SDK_INT\s*<\s*(?:{LEVEL})")
REQUIRES = re.compile(rf"@RequiresApi\((?:api\s*=\s*)?(?:{LEVEL})\)")
FUN = re.compile(r"^\s*(?:(?:private|internal|public|override|suspend|inline)\s+)*fun\s")


def level_of(m):
    name, number = m.group(1), m.group(2)
    return int(number) if number else CODES.get(name, 0)


def block_end(lines, start):
    """The line where the brace block opened on `start` (or later) closes."""
    depth, opened = 0, False
    for i in range(start, len(lines)):
        for ch in lines[i]:
            if ch == "{":
                depth += 1
                opened = True
            elif ch == "}":
                depth -= 1
                if opened and depth == 0:
                    return i
    return len(lines) - 1


def check(path, apis, min_sdk):
    lines = open(path, encoding="utf-8").read().splitlines()
    problems, notes = [], []
    fun_starts = [i for i, l in enumerate(lines) if FUN.match(l)]
    for i, line in enumerate(lines):
        code = line.split("//", 1)[0]
        if code.lstrip().startswith(("*", "/*")):
            continue  # KDoc and block comments
        for name, (level, kind) in apis.items():
            if level <= min_sdk or not re.search(name, code):
                continue
            start = max([s for s in fun_starts if s <= i], default=0)
            guarded = False
            for j in range(start, i + 1):
                m = AT_LEAST.search(lines[j])
                if m and level_of(m) >= level and (j == i or block_end(lines, j) >= i):
                    guarded = True
                m = BELOW.search(lines[j])
                if m and level_of(m) >= level and j < i and "return" in lines[j]:
                    guarded = True
            for j in range(max(0, start - 3), start + 1):
                m = REQUIRES.search(lines[j])
                if m and level_of(m) >= level:
                    guarded = True
            if not guarded:
                where = f"{path}:{i + 1}: `{re.search(name, code).group(0)}` (API {level})"
                (notes if kind == "constant" else problems).append(where)
    return problems, notes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-sdk", type=int, required=True)
    ap.add_argument("--levels", required=True)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    apis = {}
    for line in open(args.levels, encoding="utf-8"):
        line = line.split("#", 1)[0].split()
        if line:
            apis[line[0]] = (int(line[1]), line[2])
    problems, notes, files = [], [], 0
    for d in args.dirs:
        if os.path.isfile(d):
            problems_f, notes_f = check(d, apis, args.min_sdk)
            problems += problems_f
            notes += notes_f
            files += 1
            continue
        if not os.path.isdir(d):
            sys.exit(f"api levels: no such file or directory: {d}")
        for root, _, names in os.walk(d):
            for n in sorted(names):
                if n.endswith(".kt"):
                    files += 1
                    p, q = check(os.path.join(root, n), apis, args.min_sdk)
                    problems += p
                    notes += q
    for n in notes:
        print(f"api levels: note: {n} is a constant, inlined: unguarded is harmless, check the intent")
    for p in problems:
        print(f"api levels: error: {p} is used outside an SDK_INT guard", file=sys.stderr)
    print(f"api levels: {len(apis)} APIs above minSdk {args.min_sdk} checked in {files} files: "
          f"{len(problems)} unguarded, {len(notes)} notes")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
