#!/usr/bin/env python3
"""Generate src/normalize/regions.rs and src/normalize/unicode_digits.rs.

The Rust normalizer has no regex engine, so every regex the parser needs from
libphonenumber's metadata is compiled here into plain data:

* international_prefix / national_prefix_for_parsing: these are matched with
  Python `re.match` semantics (leftmost-first, greedy), so the *first* path the
  backtracking engine would accept wins.  We enumerate all paths of the regex
  in exactly that preference order; each path is a fixed-length sequence of
  digit bitmasks (bit d set = digit d allowed), an optional `$` anchor and,
  for transform rules, the literal + captured span the rule substitutes.
* general_desc.national_number_pattern: only ever used with `fullmatch`, so
  order does not matter; it is compiled to one shared, minimised DFA over the
  digits 0-9 (all patterns are finite, so the DFA is acyclic and small).

Usage: python3 tools/gen_regions.py   (run from the crate root)
"""
import os
import sys
import unicodedata
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import re._constants as sc  # noqa: E402
import re._parser as sp  # noqa: E402

import phonenumbers  # noqa: E402
from phonenumbers import PhoneMetadata  # noqa: E402
from phonenumbers.phonenumberutil import (  # noqa: E402
    COUNTRY_CODE_TO_REGION_CODE,
    COUNTRY_CODES_FOR_NON_GEO_REGIONS,
    SUPPORTED_REGIONS,
)

ALL_DIGITS = (1 << 10) - 1
MAX_PATHS = 4000  # guard against pathological expansions


def in_mask(items):
    m = 0
    for op, av in items:
        if op is sc.LITERAL:
            m |= 1 << (av - 48)
        elif op is sc.RANGE:
            for c in range(av[0], av[1] + 1):
                m |= 1 << (c - 48)
        elif op is sc.CATEGORY and av is sc.CATEGORY_DIGIT:
            m |= ALL_DIGITS
        else:
            raise ValueError("unsupported class item %r" % (op,))
    return m


# ---------------------------------------------------------------- ordered paths
# A path is a tuple of tokens: ('m', mask) | ('(', g) | (')', g) | ('$',)


def paths_seq(items):
    """All paths of a concatenation, in backtracking preference order."""
    result = [()]
    for item in items:
        alts = paths_item(item)
        result = [a + b for a in result for b in alts]
        if len(result) > MAX_PATHS:
            raise OverflowError
    return result


def paths_item(item):
    op, av = item
    if op is sc.LITERAL:
        return [(("m", 1 << (av - 48)),)]
    if op is sc.IN:
        return [(("m", in_mask(av)),)]
    if op is sc.SUBPATTERN:
        group = av[0]
        inner = paths_seq(av[3])
        if group is None:
            return inner
        return [(("(", group),) + p + ((")", group),) for p in inner]
    if op is sc.BRANCH:
        out = []
        for b in av[1]:
            out.extend(paths_seq(b))
        return out
    if op is sc.MAX_REPEAT:  # greedy: "one more" preferred over "stop"
        lo, hi, sub = av
        assert hi != sc.MAXREPEAT
        body = paths_seq(sub)

        def rep(lo, hi):
            if lo > 0:
                return [a + b for a in body for b in rep(lo - 1, hi - 1)]
            if hi > 0:
                return [a + b for a in body for b in rep(0, hi - 1)] + [()]
            return [()]

        return rep(lo, hi)
    if op is sc.AT and av is sc.AT_END:
        return [(("$",),)]
    raise ValueError("unsupported regex op %r" % (op,))


def compile_prefix(pattern, transform=None):
    """-> list of (masks, at_end, lit, keep_start, keep_end) in match order."""
    if not pattern:
        return []
    parsed = sp.parse(pattern)
    ngroups = parsed.state.groups - 1
    lit, ref = "", None
    if transform:
        # All transform rules in the metadata are LITERAL_DIGITS + one \N.
        head, _, num = transform.partition("\\")
        assert head.isdigit() or head == "", transform
        assert num.isdigit(), transform
        lit, ref = head, int(num)
    out = []
    for path in paths_seq(parsed):
        masks, spans, open_at, at_end = [], {}, {}, False
        for tok in path:
            assert not at_end, "anchor must be last: %r" % pattern
            if tok[0] == "m":
                masks.append(tok[1])
            elif tok[0] == "(":
                open_at[tok[1]] = len(masks)
            elif tok[0] == ")":
                spans[tok[1]] = (open_at[tok[1]], len(masks))
            else:
                at_end = True
        # libphonenumber applies the transform only when the *last* group
        # participated; otherwise the whole match is simply stripped.
        if ref is not None and ngroups in spans:
            ks, ke = spans.get(ref, (0, 0))
            out.append((masks, at_end, lit, ks, ke))
        else:
            out.append((masks, at_end, "", 0, 0))
    return out


# ---------------------------------------------------------------- fullmatch DFA
class NFA:
    def __init__(self):
        self.eps, self.edges = [[]], [[]]

    def new(self):
        self.eps.append([])
        self.edges.append([])
        return len(self.eps) - 1

    def build(self, items, st):
        for op, av in items:
            if op is sc.LITERAL or op is sc.IN:
                m = 1 << (av - 48) if op is sc.LITERAL else in_mask(av)
                n = self.new()
                self.edges[st].append((m, n))
                st = n
            elif op is sc.SUBPATTERN:
                st = self.build(av[3], st)
            elif op is sc.BRANCH:
                end = self.new()
                for b in av[1]:
                    self.eps[self.build(b, st)].append(end)
                st = end
            elif op is sc.MAX_REPEAT:
                lo, hi, sub = av
                assert hi != sc.MAXREPEAT
                for _ in range(lo):
                    st = self.build(sub, st)
                ends = [st]
                for _ in range(hi - lo):
                    st = self.build(sub, st)
                    ends.append(st)
                end = self.new()
                for e in ends:
                    self.eps[e].append(end)
                st = end
            else:
                raise ValueError("unsupported op in general desc: %r" % (op,))
        return st

    def closure(self, states):
        stack, seen = list(states), set(states)
        while stack:
            for y in self.eps[stack.pop()]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        return frozenset(seen)


class DfaPool:
    """Globally hash-consed acyclic DFA states; state 0 is the dead state."""

    def __init__(self):
        self.states = [(False, (0,) * 10)]
        self.index = {self.states[0]: 0}

    def add(self, pattern):
        nfa = NFA()
        final = nfa.build(sp.parse(pattern), 0)
        memo = {}

        def go(S):
            if not S:
                return 0
            if S in memo:
                return memo[S]
            nxt = []
            for d in range(10):
                T = {y for x in S for m, y in nfa.edges[x] if m >> d & 1}
                nxt.append(go(nfa.closure(T)))
            sig = (final in S, tuple(nxt))
            if sig not in self.index:
                self.index[sig] = len(self.states)
                self.states.append(sig)
            memo[S] = self.index[sig]
            return memo[S]

        return go(nfa.closure({0}))


# ---------------------------------------------------------------- emit
def rs_prefixes(alts):
    parts = []
    for masks, at_end, lit, ks, ke in alts:
        parts.append(
            "P(&[%s], %s, %s, %d, %d)"
            % (",".join("0x%03x" % m for m in masks), "true" if at_end else "false", '"%s"' % lit, ks, ke)
        )
    return "&[" + ", ".join(parts) + "]"


def rs_u8s(xs):
    return "&[" + ",".join(str(x) for x in xs) + "]"


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    pool = DfaPool()
    rows = []  # (iso, cc, metadata)
    for iso in sorted(SUPPORTED_REGIONS):
        m = PhoneMetadata.metadata_for_region(iso)
        rows.append((iso, m.country_code, m))
    geo_count = len(rows)
    for cc in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        rows.append(("001", cc, PhoneMetadata.metadata_for_nongeo_region(cc)))
    row_of = {}
    for i, (iso, cc, _) in enumerate(rows):
        row_of[(iso, cc)] = i

    region_lines = []
    for iso, cc, m in rows:
        g = m.general_desc
        idd = compile_prefix(m.international_prefix)
        npfp = compile_prefix(m.national_prefix_for_parsing, m.national_prefix_transform_rule)
        lengths = [x for x in g.possible_length if x > 0]
        local = list(g.possible_length_local_only or ())
        start = pool.add(g.national_number_pattern) if g.national_number_pattern else 0
        region_lines.append(
            '    R { iso: "%s", cc: %d, idd: %s, npfp: %s, lengths: %s, local_lengths: %s, dfa: %d },'
            % (iso, cc, rs_prefixes(idd), rs_prefixes(npfp), rs_u8s(lengths), rs_u8s(local), start)
        )

    cc_lines = []
    for cc in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regs = COUNTRY_CODE_TO_REGION_CODE[cc]
        main_iso = regs[0]
        main = row_of[(main_iso, cc)]
        union = set()
        for r in regs:
            mm = (PhoneMetadata.metadata_for_nongeo_region(cc) if r == "001"
                  else PhoneMetadata.metadata_for_region(r))
            union |= {x for x in mm.general_desc.possible_length if x > 0}
        cc_lines.append("    (%d, %d, %s)," % (cc, main, rs_u8s(sorted(union))))

    dfa_lines = ["    [%s]," % ",".join(str(t) for t in nxt) for _, nxt in pool.states]
    accept_bits = [0] * ((len(pool.states) + 63) // 64)
    for i, (acc, _) in enumerate(pool.states):
        if acc:
            accept_bits[i // 64] |= 1 << (i % 64)

    header = (
        "// @generated by tools/gen_regions.py from Python phonenumbers %s\n"
        "// (libphonenumber metadata). Do not edit by hand: rerun the script.\n"
        % phonenumbers.__version__
    )
    out = [header, "use super::table::{Region as R, P};", ""]
    out.append("/// Number of geographic regions; they come first, sorted by ISO code.")
    out.append("pub(super) const GEO_COUNT: usize = %d;" % geo_count)
    out.append("")
    out.append("/// Geographic regions sorted by ISO code, then non-geographic entities (\"001\").")
    out.append("pub(super) static REGIONS: [R; %d] = [" % len(rows))
    out.extend(region_lines)
    out.append("];")
    out.append("")
    out.append("/// (country calling code, index of its main region in REGIONS, union of possible")
    out.append("/// national lengths over all regions sharing the code), sorted by code.")
    out.append("pub(super) static CALLING_CODES: [(u16, u16, &[u8]); %d] = [" % len(cc_lines))
    out.extend(cc_lines)
    out.append("];")
    out.append("")
    out.append("/// Shared acyclic DFA for general_desc patterns: DFA_NEXT[state][digit]; 0 = dead.")
    out.append("pub(super) static DFA_NEXT: [[u16; 10]; %d] = [" % len(pool.states))
    out.extend(dfa_lines)
    out.append("];")
    out.append("")
    out.append("/// Bit i set = DFA state i is accepting.")
    out.append("pub(super) static DFA_ACCEPT: [u64; %d] = [%s];" % (
        len(accept_bits), ", ".join("0x%016x" % b for b in accept_bits)))
    with open(os.path.join(root, "src", "normalize", "regions.rs"), "w") as f:
        f.write("\n".join(out) + "\n")

    # Unicode decimal digits (Nd) come in aligned runs of ten: store each "zero".
    zeros = [cp for cp in range(sys.maxunicode + 1)
             if unicodedata.category(chr(cp)) == "Nd" and unicodedata.digit(chr(cp)) == 0]
    for z in zeros:
        assert all(unicodedata.digit(chr(z + i)) == i for i in range(10))
    with open(os.path.join(root, "src", "normalize", "unicode_digits.rs"), "w") as f:
        f.write("// @generated by tools/gen_regions.py from Python %s unicodedata (Unicode %s).\n"
                % (sys.version.split()[0], unicodedata.unidata_version))
        f.write("// Do not edit by hand.\n\n")
        f.write("/// Code points of every Unicode decimal digit zero (category Nd), ascending;\n")
        f.write("/// digit value = c - zero for the largest zero <= c, if < 10.\n")
        f.write("pub(super) static DIGIT_ZEROS: [u32; %d] = [\n" % len(zeros))
        for i in range(0, len(zeros), 8):
            f.write("    " + ", ".join("0x%05X" % z for z in zeros[i:i + 8]) + ",\n")
        f.write("];\n")
    print("regions: %d (%d geographic), calling codes: %d, dfa states: %d, digit blocks: %d"
          % (len(rows), geo_count, len(cc_lines), len(pool.states), len(zeros)))


if __name__ == "__main__":
    main()
