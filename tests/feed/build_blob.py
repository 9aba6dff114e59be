#!/usr/bin/env python3
"""Builds a CallGuard feed blob from docs/feed-format.md alone (stdlib only).

    python3 tests/feed/build_blob.py NUMBERS.txt OUT.cgfeed [--block-size K]

The proof that the spec is enough for a bank's data team: the SDK must
accept what this writes (core/tests/feed_python.rs checks it is byte for
byte what the Rust builder writes, and that every lookup agrees).
"""
import struct
import sys

CATEGORIES = {"fraud": 0, "spam": 1}  # §1


def parse(path):
    """§7: '+E164 category' per line, a trailing '*' makes a prefix."""
    numbers, prefixes = {}, {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split()
            if len(fields) != 2 or fields[1] not in CATEGORIES or not fields[0].startswith("+"):
                sys.exit(f"line {lineno}: expected '+digits[*] fraud|spam'")
            text, code = fields[0][1:], CATEGORIES[fields[1]]
            is_prefix = text.endswith("*")
            digits = text.rstrip("*") if is_prefix else text
            lo, hi = (4, 14) if is_prefix else (8, 15)
            if not (digits.isascii() and digits.isdigit() and lo <= len(digits) <= hi and digits[0] != "0"):
                sys.exit(f"line {lineno}: not {lo}-{hi} digits")
            table = prefixes if is_prefix else numbers
            value = int(digits)
            if table.get(value, code) != code:
                sys.exit(f"line {lineno}: listed before with another category")
            table[value] = code
    return numbers, prefixes


def varint(value):
    """§2: unsigned LEB128, shortest form."""
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def build(numbers, prefixes, block_size=64):
    """§3: header, index, prefixes, data."""
    entries = sorted(numbers.items())
    index, data = bytearray(), bytearray()
    previous = None
    for i, (number, code) in enumerate(entries):
        if i % block_size == 0:  # §3.2: a block's first entry goes in the index
            index += struct.pack("<QI", number << 2 | code, len(data))
        else:
            data += varint((number - previous) << 2 | code)
        previous = number
    prefix_bytes = b"".join(struct.pack("<Q", d << 2 | c) for d, c in sorted(prefixes.items()))
    header = b"CGFD" + struct.pack(
        "<HHIIQQQ", 1, 1, block_size, 0, len(entries), len(prefixes), len(data)
    ) + bytes(24)
    assert len(header) == 64
    return header + bytes(index) + prefix_bytes + bytes(data)


def main(argv):
    args = list(argv[1:])
    block_size = 64
    if "--block-size" in args:
        i = args.index("--block-size")
        block_size = int(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    numbers, prefixes = parse(args[0])
    with open(args[1], "wb") as f:
        f.write(build(numbers, prefixes, block_size))


if __name__ == "__main__":
    main(sys.argv)
