#!/usr/bin/env python3
"""Syntax-checks Swift files with tree-sitter's Swift grammar: the iOS
sample's files that need Apple frameworks, which no Linux compiler builds
(everything else is compiled by bindings/swift/run-linux-tests.sh).
Exit 1 on any ERROR or MISSING node.

Usage: check-swift-syntax.py [--self-test] FILE.swift...

The grammar (tree-sitter-swift 0.7) rejects two constructs that are valid
Swift and that uniffi's generator emits. Exactly these two are blanked
before parsing, with same-length spaces so line numbers stay right:

  1. the three-line block
         #if swift(>=5.8)
             @_documentation(visibility: private)
         #endif
  2. the literal closure `{ () }` (only the `()` is blanked)

Nothing broader: any other `#if`, `@_documentation(...)` or `()` is parsed as is.
`--self-test` proves the check can fail: broken snippets must be rejected.
"""
import re
import sys

import tree_sitter_swift
from tree_sitter import Language, Parser

DOC_VISIBILITY_BLOCK = re.compile(
    r"^[ \t]*#if swift\(>=5\.8\)[ \t]*\n"
    r"[ \t]*@_documentation\(visibility: private\)[ \t]*\n"
    r"[ \t]*#endif[ \t]*$",
    re.MULTILINE,
)
UNIT_CLOSURE = re.compile(r"\{ \(\) \}")
PARSER = Parser(Language(tree_sitter_swift.language()))


def blank_known_false_positives(text):
    text = DOC_VISIBILITY_BLOCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return UNIT_CLOSURE.sub("{    }", text)


def problems(text):
    cleaned = blank_known_false_positives(text)
    assert len(cleaned) == len(text)
    tree = PARSER.parse(cleaned.encode("utf-8"))
    found, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing:
            found.append((node.start_point[0] + 1, f"missing {node.type}"))
        elif node.type == "ERROR":
            found.append((node.start_point[0] + 1, "syntax error"))
        if node.has_error:
            stack.extend(node.children)
    return sorted(set(found))


def self_test():
    good = "import Foundation\nstruct A { let x: Int }\nfunc f() -> Int { return 1 }\n"
    broken = [
        "struct A { let x: Int \n",                 # missing brace
        "func f( -> Int { return 1 }\n",            # broken signature
        "let x = [1, 2,, 3]\n",                     # stray comma
        "#if swift(>=5.9)\n@_documentation(visibility: private)\n#endif\nfunc f() {}\n",  # not the blanked form
    ]
    assert not problems(good), "a valid snippet was rejected"
    for snippet in broken:
        assert problems(snippet), f"a broken snippet passed: {snippet!r}"
    print(f"swift syntax self-test: valid snippet accepted, {len(broken)} broken snippets rejected")


def main(args):
    if args and args[0] == "--self-test":
        self_test()
        args = args[1:]
    failed = 0
    for path in args:
        with open(path, encoding="utf-8") as f:
            found = problems(f.read())
        for line, what in found:
            print(f"{path}:{line}: {what}")
        failed += bool(found)
    print(f"swift syntax: {len(args) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
