#!/usr/bin/env python3
"""Differential corpus for the Rust normalizer, with Python phonenumbers as oracle.

Writes normalize_corpus.tsv: home_region<TAB>input<TAB>expected_e164.

For every region below and every type in TYPES with an example number, we
take the example plus valid variants (trailing digits mutated, kept only if
is_valid_number and of the same type), write each number as E.164,
INTERNATIONAL, NATIONAL, RFC 3966 and out-of-country from several dialing
regions, and dress each string in a few separator styles.

expected = format_number(parse(oracle_view(input), home), E164).  The oracle
view maps U+202F to a space and drops bidi marks: libphonenumber rejects those
between digits although Android produces them, and we deliberately accept
them; everything else the oracle sees verbatim.  Rows the oracle cannot parse,
or whose E.164 has more than 15 digits, are skipped.

Usage: python3 tests/normalize/gen_corpus.py [out.tsv]   (deterministic, a few seconds)
"""
import random
import sys

import phonenumbers
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

SEED = 20240611
PER_TYPE = 5
TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE]

# Broad spread; RU/KZ/BY/UA first (they must agree 100%).
REGIONS = """
RU KZ BY UA
GB DE FR IT ES NL PL TR PT SE NO FI DK CH AT BE IE CZ SK HU RO BG GR RS HR LT LV EE
MD GE AM AZ IL
CN IN JP KR SG HK TW TH VN ID MY PH PK BD LK AE SA IR UZ KG TJ MN
NG EG ZA KE MA DZ TN GH ET CI SN CM
US CA MX BR AR CO CL PE VE EC CU DO JM PR
AU NZ
""".split()

# Home regions a number is dialled from internationally (different IDDs:
# 011, 00, 810, 0011, 010, ...).
DIALING = ["US", "GB", "DE", "RU", "KZ", "BY", "UA", "AU", "JP", "CN"]

NBSP, NNBSP, NBHY = "\u00a0", "\u202f", "\u2011"
BIDI_WRAPS = [("\u202a", "\u202c"), ("\u2066", "\u2069"), ("\u200e", "\u200e"),
              ("\u202b", "\u202c"), ("\u2068", "\u2069"), ("\u200f", "\u200f")]
BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FULLWIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Extensions libphonenumber strips (the E.164 form has none): the base number is the caller.
EXTENSIONS = [" доб. 1", " доб 25", ", 2", ",,3", ";ext=2", " #2", "#12", " ext. 25", " ext 7", " x12",
              " extension 4", " доб.: 101"]


def oracle_view(s):
    return "".join(" " if c == NNBSP else c for c in s if c not in BIDI)


def oracle(s, home):
    try:
        n = phonenumbers.parse(oracle_view(s), home)
    except phonenumbers.NumberParseException:
        return None
    e = phonenumbers.format_number(n, F.E164)
    return e if len(e) - 1 <= 15 else None


def paren_area(s):
    """'+7 495 500-55-50' -> '+7 (495) 500-55-50'; national: first group."""
    parts = s.split(" ")
    i = 1 if s.startswith("+") else 0
    if len(parts) > i + 1 and "(" not in s and parts[i].isdigit():
        parts[i] = "(" + parts[i] + ")"
        return " ".join(parts)
    return s


STYLES = [
    ("plain", lambda s, r: s),
    ("nbsp", lambda s, r: s.replace(" ", NBSP)),
    ("nbhyphen", lambda s, r: s.replace("-", NBHY).replace(" ", NBHY)),
    ("dots", lambda s, r: s.replace(" ", ".").replace("-", ".")),
    ("hyphens", lambda s, r: s.replace(" ", "-")),
    ("dashes", lambda s, r: s.replace(" ", "\u2013").replace("-", "\u2212")),
    ("slash", lambda s, r: s.replace(" ", "/", 1)),
    ("nospace", lambda s, r: "".join(c for c in s if c.isdigit() or c == "+")),
    ("parens", lambda s, r: paren_area(s)),
    ("bidi", lambda s, r: "%s%s%s" % (lambda w: (w[0], s, w[1]))(r.choice(BIDI_WRAPS))),
    ("bidi_inner", lambda s, r: s.replace(" ", " \u200e")),
    ("narrow_nbsp", lambda s, r: s.replace(" ", NNBSP)),
    ("padded", lambda s, r: "  " + s + " "),
    ("fullwidth", lambda s, r: s.translate(FULLWIDTH)),
    ("arabic_indic", lambda s, r: s.translate(ARABIC_INDIC)),
    ("extension", lambda s, r: s + r.choice(EXTENSIONS)),
]


def variants(region, ntype, rng):
    ex = phonenumbers.example_number_for_type(region, ntype)
    if ex is None:
        return []
    out = [ex]
    seen = {phonenumbers.format_number(ex, F.E164)}
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(300):
        if len(out) >= PER_TYPE:
            break
        k = rng.randint(1, min(4, len(nsn) - 1))
        cand = nsn[:-k] + "".join(rng.choice("0123456789") for _ in range(k))
        try:
            n = phonenumbers.parse("+%d%s" % (ex.country_code, cand), None)
        except phonenumbers.NumberParseException:
            continue
        e = phonenumbers.format_number(n, F.E164)
        if e in seen or not phonenumbers.is_valid_number_for_region(n, region):
            continue
        if phonenumbers.number_type(n) != ntype:
            continue
        seen.add(e)
        out.append(n)
    return out


def renderings(n, region):
    """(home, text) pairs for one number."""
    yield region, phonenumbers.format_number(n, F.E164)
    yield region, phonenumbers.format_number(n, F.INTERNATIONAL)
    yield region, phonenumbers.format_number(n, F.NATIONAL)
    yield region, phonenumbers.format_number(n, F.RFC3966)
    for home in DIALING:
        if home != region:
            yield home, phonenumbers.format_out_of_country_calling_number(n, home).replace("~", " ")


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "normalize_corpus.tsv"
    rng = random.Random(SEED)
    rows, seen, skipped = [], set(), 0
    for region in REGIONS:
        for ntype in TYPES:
            for n in variants(region, ntype, rng):
                for home, text in renderings(n, region):
                    styles = [STYLES[0]] + rng.sample(STYLES[1:], 2)
                    for name, fn in styles:
                        s = fn(text, rng)
                        if name != "plain" and text.startswith("+") and rng.random() < 0.15:
                            s = "tel:" + s
                        key = (home, s)
                        if key in seen:
                            continue
                        seen.add(key)
                        assert "\t" not in s and "\n" not in s
                        exp = oracle(s, home)
                        if exp is None:
                            skipped += 1
                            continue
                        rows.append("%s\t%s\t%s" % (home, s, exp))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print("phonenumbers %s: %d rows (%d regions), %d skipped (oracle parse failure or > 15 digits) -> %s"
          % (phonenumbers.__version__, len(rows), len(REGIONS), skipped, out_path))


if __name__ == "__main__":
    main()
