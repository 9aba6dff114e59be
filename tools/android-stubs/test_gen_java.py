#!/usr/bin/env python3
"""Tests of gen_java.py's inference, against ground truth.

The .pyi trees do not mark interfaces. The java.* part of the same stubs
describes classes this JDK also has, where reflection says what is an
interface (JdkClasses): the inference runs over those and must agree. Every
disagreement is printed; the test fails above the listed tolerance, which
is the measured figure, so that a change that makes it worse fails.

usage: test_gen_java.py STUBS_SITE JDK_CLASSES_TXT
"""
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import gen_java  # noqa: E402

# Measured with chaquopy-stubs-android 36.20260406 against JDK 17: see the
# output. Lower is better; raise only with a reason in the commit.
MAX_WRONG_SHARE = 0.045


def main():
    site, jdk_txt = sys.argv[1:3]
    classes = gen_java.load_stubs(site)
    jdk, jdk_interfaces, jdk_methods = gen_java.load_jdk(jdk_txt)
    gen = gen_java.Gen.__new__(gen_java.Gen)
    gen.classes, gen.jdk, gen.overrides, gen.signatures = classes, set(), {}, {}
    # Judge the inference alone: the JDK's own answers are hidden from it.
    gen.jdk_interfaces, gen.jdk_methods, gen.made_abstract = set(), {}, set()
    gen.selected, gen.dropped = set(), 0
    for c in classes.values():
        c.kind = None
    judged = [n for n in classes if n.startswith(("java.", "javax.")) and n in jdk]
    wrong = []
    for name in judged:
        # The inference for this type, knowing what its supertypes are (as
        # when it runs on android.*: the JDK says for java.* bases).
        gen.jdk = jdk - {name}
        gen.jdk_interfaces = jdk_interfaces - {name}
        for c in classes.values():
            c.kind = None
        # (Reflection calls an annotation type an interface too.)
        inferred = gen.kind(classes[name]) in ("interface", "annotation")
        if inferred != (name in jdk_interfaces):
            wrong.append((name, "interface" if name in jdk_interfaces else "class"))
    false_interfaces = sum(1 for _, truth in wrong if truth == "class")
    for name, truth in sorted(wrong):
        print(f"  inferred wrongly: {name} is a {truth}")
    share = len(wrong) / max(1, len(judged))
    print(f"interface inference: {len(judged) - len(wrong)} of {len(judged)} java.* types right "
          f"({share:.1%} wrong, at most {MAX_WRONG_SHARE:.0%}; {false_interfaces} classes taken for interfaces)")
    # The primitive widths a .pyi cannot say, by the rules.
    sample = {"android.os.BaseBundle.getLong": "long", "android.os.BaseBundle.getDouble": "double",
              "android.os.BaseBundle.getInt": "int", "android.os.Bundle.getFloat": "float",
              "android.os.SystemClock.elapsedRealtime": "int",  # the rules alone: overrides.txt says long
              "android.os.Parcel.readLong": "long"}
    gen2 = gen_java.Gen.__new__(gen_java.Gen)
    gen2.classes, gen2.jdk, gen2.overrides, gen2.signatures = classes, jdk, {}, {}
    gen2.jdk_interfaces, gen2.jdk_methods, gen2.made_abstract = jdk_interfaces, jdk_methods, set()
    gen2.jdk_packages = {n.rsplit(".", 1)[0] for n in jdk}
    gen2.selected, gen2.dropped = set(), 0
    from collections import deque
    gen2.queue = deque()
    for c in classes.values():
        c.kind = None
    bad = 0
    for key, want in sample.items():
        cname, mname = key.rsplit(".", 1)
        cls = classes[cname]
        gen2.kind(cls)
        fns = [f for f in gen2.methods(cls) if f.name == mname]
        got = gen2.return_type(fns[0], cls, gen2.scope(cls), {})
        if key == "android.os.SystemClock.elapsedRealtime":
            # No rule can know this one: overrides.txt must name it.
            want = "int"
            overrides = open(__file__.rsplit("/", 1)[0] + "/overrides.txt").read()
            assert f"{key} long" in overrides, "overrides.txt lacks " + key
        if got != want:
            print(f"  width rule: {key} gave {got}, the reference says {want}")
            bad += 1
    print(f"return widths: {len(sample) - bad} of {len(sample)} right")
    sys.exit(1 if share > MAX_WRONG_SHARE or bad else 0)


if __name__ == "__main__":
    main()
