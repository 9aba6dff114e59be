#!/usr/bin/env python3
"""Compile-only Java stubs of the Android API 36 and AndroidX from the
chaquopy-stubs-* packages (Python .pyi trees generated from the real jars).

Every method body throws, as in the SDK's own android.jar: the stubs exist
to let kotlinc check the sample app and the library module against the real
signatures, never to run. What a .pyi cannot say is recovered by rules,
each tested (test_gen_java.py) and listed in README.md beside this file:

- interfaces are not marked: a type with no constructor, no static method,
  not an enum, whose bases are interfaces, and whose methods have no
  parameter names (abstract methods keep none in a class file: `arg1`) is
  an interface;
- abstract methods are the ones without parameter names; a class with one
  is abstract;
- a primitive return `int` may be Java's int or long, `float` float or
  double: a getter takes the width of its setter's parameter, else of the
  `defaultValue` parameter, else the names in overrides.txt, else int/float;
- constants get distinct values (so no two `when` branches look alike),
  except Build.VERSION_CODES, which get their real API levels.

Only the classes the given Kotlin sources import, with everything their
signatures need, are generated (the closure); a member whose signature needs
a type that exists neither in the stubs nor in the JDK is left out, and
counted.

usage: gen_java.py --stubs DIR --jdk-classes FILE --out DIR [--overrides FILE] ROOT_NAME...
"""

import argparse
import ast
import keyword
import os
import re
import sys
from collections import deque

PRIMS = {"jint": "int", "jlong": "long", "jshort": "short", "jbyte": "byte",
         "jfloat": "float", "jdouble": "double", "jboolean": "boolean", "jchar": "char",
         "jvoid": "Void"}
ARRAYS = {"JavaArrayJInt": "int[]", "JavaArrayJLong": "long[]", "JavaArrayJShort": "short[]",
          "JavaArrayJByte": "byte[]", "JavaArrayJFloat": "float[]", "JavaArrayJDouble": "double[]",
          "JavaArrayJBoolean": "boolean[]", "JavaArrayJChar": "char[]"}
ZERO = {"int": "0", "long": "0L", "short": "(short) 0", "byte": "(byte) 0", "float": "0f",
        "double": "0d", "boolean": "false", "char": "'\\0'"}
TYPEVAR_RE = re.compile(r"^\s*(_\w+) = typing\.TypeVar\('\w+'(?:, bound=(.+?))?\)\s*# <(\w+)>")
ARG_RE = re.compile(r"^arg\d+$")
VERSION_CODES = {
    "BASE": 1, "BASE_1_1": 2, "CUPCAKE": 3, "DONUT": 4, "ECLAIR": 5, "ECLAIR_0_1": 6, "ECLAIR_MR1": 7,
    "FROYO": 8, "GINGERBREAD": 9, "GINGERBREAD_MR1": 10, "HONEYCOMB": 11, "HONEYCOMB_MR1": 12,
    "HONEYCOMB_MR2": 13, "ICE_CREAM_SANDWICH": 14, "ICE_CREAM_SANDWICH_MR1": 15, "JELLY_BEAN": 16,
    "JELLY_BEAN_MR1": 17, "JELLY_BEAN_MR2": 18, "KITKAT": 19, "KITKAT_WATCH": 20, "LOLLIPOP": 21,
    "LOLLIPOP_MR1": 22, "M": 23, "N": 24, "N_MR1": 25, "O": 26, "O_MR1": 27, "P": 28, "Q": 29, "R": 30,
    "S": 31, "S_V2": 32, "TIRAMISU": 33, "UPSIDE_DOWN_CAKE": 34, "VANILLA_ICE_CREAM": 35, "BAKLAVA": 36,
    "CUR_DEVELOPMENT": 10000,
}


class Cls:
    """One class of a .pyi, with what the generator needs of it."""

    def __init__(self, name, module, node, outer, typevars):
        self.name = name                      # fully qualified, nested with '.'
        self.module = module                  # the package
        self.node = node
        self.outer = outer
        self.typevars = typevars              # the module's TypeVar table
        self.nested = []
        self.kind = None                      # class | abstract | interface | enum | annotation


def load_stubs(stubs_dir):
    """All classes of every *-stubs tree: {qualified name: Cls}."""
    classes = {}
    for top in sorted(os.listdir(stubs_dir)):
        if not top.endswith("-stubs"):
            continue
        root = os.path.join(stubs_dir, top)
        for dirpath, _, files in os.walk(root):
            if "__init__.pyi" not in files:
                continue
            rel = os.path.relpath(dirpath, root)
            package = top[: -len("-stubs")] + ("" if rel == "." else "." + rel.replace(os.sep, "."))
            path = os.path.join(dirpath, "__init__.pyi")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            typevars = {}
            for line in text.splitlines():
                m = TYPEVAR_RE.match(line)
                if m:
                    typevars[m.group(1)] = (m.group(3), m.group(2))
            tree = ast.parse(text)
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    add_class(classes, package, node, None, typevars)
    return classes


def add_class(classes, package, node, outer, typevars):
    name = (outer.name if outer else package) + "." + node.name
    cls = Cls(name, package, node, outer, typevars)
    classes[name] = cls
    if outer:
        outer.nested.append(cls)
    for item in node.body:
        if isinstance(item, ast.ClassDef):
            add_class(classes, package, item, cls, typevars)
        elif isinstance(item, ast.Assign):
            # Method-level TypeVars are declared in the class body.
            src = ast.unparse(item)
            m = re.match(r"(_\w+) = typing\.TypeVar\('\w+'(?:, bound=(.+))?\)$", src)
            if m:
                typevars.setdefault(m.group(1), (None, m.group(2)))
    return cls


def dotted(expr):
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        base = dotted(expr.value)
        return base + "." + expr.attr if base else None
    return None


class Unavailable(Exception):
    """A member needs a type that is neither generated nor in the JDK."""


class Gen:
    """Built by main(): classes, jdk, jdk_interfaces, jdk_methods, jdk_packages,
    overrides, signatures, selected, dropped, made_abstract."""

    # ---- names -----------------------------------------------------------
    def resolve(self, name, ctx):
        """A dotted name as written in ctx's module → a qualified class name."""
        if name in self.jdk or name in self.classes:
            return name
        # Relative to the module, then to the enclosing classes.
        cands = [ctx.module + "." + name]
        outer = ctx
        while outer is not None:
            cands.append(outer.name + "." + name)
            outer = outer.outer
        for cand in cands:
            if cand in self.classes:
                return cand
        return name

    # ---- kinds -----------------------------------------------------------
    def methods(self, cls):
        return [n for n in cls.node.body if isinstance(n, ast.FunctionDef)]

    def is_static(self, fn):
        return any(dotted(d) == "staticmethod" for d in fn.decorator_list)

    def params(self, fn):
        args = [a for a in fn.args.posonlyargs + fn.args.args if a.arg != "self"]
        if fn.args.vararg is not None:
            args.append(fn.args.vararg)
        return args

    def unnamed(self, fn):
        """No parameter names kept: an abstract method."""
        ps = self.params(fn)
        return bool(ps) and all(ARG_RE.match(p.arg) for p in ps)

    def base_names(self, cls):
        out = []
        for b in cls.node.bases:
            expr = b.value if isinstance(b, ast.Subscript) else b
            n = dotted(expr)
            if n and not n.startswith("typing."):
                out.append(self.resolve(n, cls.outer or cls))
        return out

    def kind(self, cls):
        if cls.kind:
            return cls.kind
        cls.kind = "class"  # provisional: guards cycles
        bases = self.base_names(cls)
        methods = self.methods(cls)
        if "java.lang.Enum" in bases:
            cls.kind = "enum"
        elif "java.lang.annotation.Annotation" in bases:
            cls.kind = "annotation"
        elif self.infer_interface(cls, bases, methods):
            cls.kind = "interface"
        elif any(self.unnamed(m) and not self.is_static(m) for m in methods):
            cls.kind = "abstract"
        elif not any(m.name == "__init__" for m in methods):
            # No public constructor: made by factories (Uri.parse) or a
            # holder of statics (Log); abstract here, so that neither can be
            # instantiated and no inherited abstract method needs a body.
            cls.kind = "abstract"
        elif self.stub_abstract_unimplemented(cls):
            # An abstract class in the jar (ActionMode.Callback2): it leaves
            # an interface's methods to its subclasses.
            cls.kind = "abstract"
        elif self.jdk_abstract_inherited(cls):
            # It implements a JDK interface's abstract methods, which a stub
            # leaves to the JDK type (below): abstract, and listed.
            cls.kind = "abstract"
            self.made_abstract.add(cls.name)
        else:
            cls.kind = "class"
        return cls.kind

    def stub_abstract_unimplemented(self, cls):
        """Abstract methods (name, arity) of stub supertypes that neither cls
        nor a stub superclass declares."""
        required, declared = set(), set()

        def walk(c, seen):
            for fn in self.methods(c):
                key = (fn.name, len(self.params(fn)))
                if c is not cls and (self.unnamed(fn) or (c.kind == "interface" and not self.params(fn))):
                    required.add(key)
                elif not self.unnamed(fn):
                    declared.add(key)
            for b in self.base_names(c):
                if b in self.classes and b not in self.jdk and b not in seen:
                    seen.add(b)
                    self.kind(self.classes[b])
                    walk(self.classes[b], seen)

        walk(cls, set())
        return bool(required - declared)

    def jdk_supertypes(self, cls, seen=None):
        """The JDK types among cls's supertypes, transitively."""
        seen = set() if seen is None else seen
        out = []
        for b in self.base_names(cls):
            if b in seen:
                continue
            seen.add(b)
            if b in self.jdk:
                out.append(b)
            elif b in self.classes:
                out += self.jdk_supertypes(self.classes[b], seen)
        return out

    def jdk_inherited(self, cls):
        """{(name, arity): [(abstract, return, erased params)]} of every JDK
        supertype's methods."""
        found = {}
        for t in self.jdk_supertypes(cls):
            for key, entries in self.jdk_methods.get(t, {}).items():
                found.setdefault(key, []).extend(entries)
        return found

    def jdk_abstract_inherited(self, cls):
        """A JDK supertype's abstract method that no stub in the chain declares."""
        declared = set()
        c = cls
        while c is not None:
            declared |= {(fn.name.rstrip("_"), len(self.params(fn))) for fn in self.methods(c)}
            sup = next((self.classes[b] for b in self.base_names(c)
                        if b in self.classes and b not in self.jdk and self.kind(self.classes[b]) != "interface"), None)
            c = sup
        return any(a for key, entries in self.jdk_inherited(cls).items() if key not in declared
                   for a, _, _ in entries)

    def inherited_from(self):
        """Every stub type some other stub type names as a base."""
        if getattr(self, "_inherited", None) is None:
            self._inherited = set()
            for c in self.classes.values():
                self._inherited.update(self.base_names(c))
        return self._inherited

    def is_interface(self, name):
        """The JDK says for its own types; the inference for the stubs'."""
        if name in self.jdk:
            return name in self.jdk_interfaces
        if name in self.classes:
            return self.kind(self.classes[name]) == "interface"
        return None

    def infer_interface(self, cls, bases, methods):
        if any(m.name == "__init__" for m in methods):
            return False
        if any(self.is_static(m) for m in methods):
            return False
        # Instance fields: only classes have them.
        for item in cls.node.body:
            if isinstance(item, ast.AnnAssign) and not (
                isinstance(item.annotation, ast.Subscript)
                and dotted(item.annotation.value) == "typing.ClassVar"
            ):
                return False
        for b in bases:
            if b == "java.lang.Object":
                continue
            if self.is_interface(b) is False:
                return False
            # Constants of its own type: a type-safe enumeration, a class
            # (FileChannel.MapMode).
            if (isinstance(item, ast.AnnAssign) and isinstance(item.annotation, ast.Subscript)
                    and self.resolve(ast.unparse(item.annotation.slice), cls) == cls.name):
                return False
        instance = [m for m in methods if not self.is_static(m)]
        named = [m for m in instance if self.params(m) and not self.unnamed(m)]
        if any((m.name in ("hashCode", "toString") and not self.params(m))
               or (m.name == "equals" and not self.unnamed(m)) for m in instance):
            # Its own equals/hashCode/toString: an interface cannot have
            # them as default methods, so a class (CellInfo).
            return False
        if named and not any(self.unnamed(m) for m in instance):
            # Only methods with parameter names: a class's (an interface's
            # default methods come with abstract ones beside them:
            # Application.ActivityLifecycleCallbacks).
            return False
        # Methods, all without parameter names: an interface. No method and
        # no field: a marker interface (TrustManager). Only constants: a
        # holder class (Build.VERSION_CODES, OutputKeys) — unless other
        # types inherit from it, which only a constant interface has
        # (ContactsContract.DataColumns: Phone.CONTACT_ID comes from there).
        constants = any(isinstance(i, ast.AnnAssign) for i in cls.node.body)
        return bool(instance) or not constants or cls.name in self.inherited_from()

    # ---- types -----------------------------------------------------------
    def jtype(self, expr, ctx, typevars_in_scope, ret=False):
        """A .pyi annotation → a Java type (raises Unavailable)."""
        if expr is None:
            return "void"
        if isinstance(expr, ast.Constant) and expr.value is None:
            return "void"
        if isinstance(expr, ast.BinOp):  # a union
            parts = []
            stack = [expr]
            while stack:
                e = stack.pop()
                if isinstance(e, ast.BinOp):
                    stack += [e.right, e.left]
                else:
                    parts.append(e)
            names = [dotted(p) for p in parts]
            for n in names:
                if n and n.startswith("java.j") and n[5:] in PRIMS:
                    return PRIMS[n[5:]]
            if "java.lang.Object" in names:
                return "java.lang.Object"
            real = [p for p, n in zip(parts, names) if not (isinstance(p, ast.Constant) and p.value is None)
                    and n not in ("int", "bool", "float", "str")]
            if "java.lang.String" in names:
                return "java.lang.String"
            if len(real) == 1:
                return self.jtype(real[0], ctx, typevars_in_scope, ret)
            if not real:
                left = [p for p in parts if not (isinstance(p, ast.Constant) and p.value is None)]
                return self.jtype(left[0], ctx, typevars_in_scope, ret) if left else "java.lang.Object"
            return "java.lang.Object"
        if isinstance(expr, ast.Subscript):
            base = dotted(expr.value)
            args = expr.slice.elts if isinstance(expr.slice, ast.Tuple) else [expr.slice]
            if base == "typing.ClassVar":
                return self.jtype(args[0], ctx, typevars_in_scope, ret)
            if base == "typing.Type":
                inner = self.jtype(args[0], ctx, typevars_in_scope)
                return "java.lang.Class<?>" if inner == "java.lang.Object" else f"java.lang.Class<{inner}>"
            if base == "java.chaquopy.JavaArray":
                return self.boxed(self.jtype(args[0], ctx, typevars_in_scope)) + "[]"
            if base in ("typing.Sequence", "typing.List"):
                return self.boxed(self.jtype(args[0], ctx, typevars_in_scope)) + "[]"
            cls_name = self.class_ref(base, ctx)
            targs = [self.generic_arg(a, ctx, typevars_in_scope) for a in args]
            return f"{cls_name}<{', '.join(targs)}>"
        name = dotted(expr)
        if name is None:
            raise Unavailable(ast.unparse(expr))
        if name == "int":
            return "int"
        if name == "bool":
            return "boolean"
        if name == "float":
            return "float"
        if name == "str":
            return "java.lang.String"
        if name == "typing.Any":
            return "java.lang.Object"
        if name.startswith("java.chaquopy."):
            short = name.rsplit(".", 1)[1]
            if short in ARRAYS:
                return ARRAYS[short]
            raise Unavailable(name)
        if name in typevars_in_scope:
            return typevars_in_scope[name]
        return self.class_ref(name, ctx)

    def generic_arg(self, expr, ctx, tvs):
        t = self.jtype(expr, ctx, tvs)
        return self.boxed(t)

    def boxed(self, t):
        return {"int": "java.lang.Integer", "long": "java.lang.Long", "boolean": "java.lang.Boolean",
                "float": "java.lang.Float", "double": "java.lang.Double", "short": "java.lang.Short",
                "byte": "java.lang.Byte", "char": "java.lang.Character", "void": "java.lang.Void"}.get(t, t)

    def class_ref(self, name, ctx):
        q = self.resolve(name, ctx)
        if q in self.jdk:
            return q
        # A package of the JDK's own modules cannot be compiled here: a type
        # of it that this JDK lacks (newer java.* API) is unavailable.
        if q in self.classes and self.classes[q].module not in self.jdk_packages:
            self.want(q)
            return q
        raise Unavailable(q)

    # ---- the closure -----------------------------------------------------
    def want(self, name):
        if name not in self.selected:
            self.selected.add(name)
            self.queue.append(name)

    def close(self, roots):
        self.queue = deque()
        for r in roots:
            if r in self.classes and self.classes[r].module not in self.jdk_packages:
                self.want(r)
        while self.queue:
            cls = self.classes[self.queue.popleft()]
            # The outer classes hold the nested ones; nested ones are reachable by name.
            top = cls
            while top.outer is not None:
                top = top.outer
            self.want(top.name)
            for n in cls.nested:
                self.want(n.name)
            # Resolving the header and the signatures pulls their types in.
            self.header(cls)
            self.render_members(cls)

    # ---- rendering -------------------------------------------------------
    def class_typevars(self, cls):
        """The class's own type parameters: [(pyi var, Java name, bound expr)]."""
        out = []
        for b in cls.node.bases:
            if isinstance(b, ast.Subscript) and dotted(b.value) == "typing.Generic":
                args = b.slice.elts if isinstance(b.slice, ast.Tuple) else [b.slice]
                for a in args:
                    var = dotted(a)
                    java, bound = cls.typevars.get(var, (var.rsplit("__", 1)[-1], None))
                    out.append((var, java or var.rsplit("__", 1)[-1], bound))
        return out

    def scope(self, cls):
        tvs = {}
        c = cls
        while c is not None:
            for var, java, _ in self.class_typevars(c):
                tvs.setdefault(var, java)
            c = c.outer
        return tvs

    def return_type(self, fn, cls, tvs, siblings):
        t = self.jtype(fn.returns, cls, tvs, ret=True)
        if t not in ("int", "float"):
            return t
        key = f"{cls.name}.{fn.name}"
        if key in self.overrides:
            return self.overrides[key]
        wide = {"int": ("long", "short", "byte"), "float": ("double",)}[t]
        # getLong, getDouble, optLong…: the name says the width.
        for typed in wide:
            if re.match(rf"^(get|opt|read|next)({typed.capitalize()})\b", fn.name + " "):
                return typed
        # A getter takes its setter's width.
        for prefix in ("get", "is"):
            if fn.name.startswith(prefix):
                setter = siblings.get("set" + fn.name[len(prefix):])
                if setter is not None:
                    return setter
        for p in self.params(fn):
            if p.arg in ("defaultValue", "def", "defValue") and p.annotation is not None:
                try:
                    pt = self.jtype(p.annotation, cls, tvs)
                except Unavailable:
                    pt = t
                if pt in wide:
                    return pt
        return t

    def overrides_generic_return(self, cls, name, arity, seen=None):
        """A stub supertype declares name/arity returning a type variable
        (ActivityResultContract.parseResult → O): the override returns the
        boxed type."""
        seen = set() if seen is None else seen
        for b in self.base_names(cls):
            sup = self.classes.get(b)
            if sup is None or b in seen or b in self.jdk:
                continue
            seen.add(b)
            for fn in self.methods(sup):
                if fn.name == name and len(self.params(fn)) == arity:
                    r = dotted(fn.returns) if fn.returns is not None else None
                    if r and r.startswith("_") and r in sup.typevars:
                        return True
            if self.overrides_generic_return(sup, name, arity, seen):
                return True
        return False

    def method_typevars(self, fn, tvs_class):
        names = set()
        for node in ast.walk(fn):
            n = dotted(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
            if n and n.startswith("_") and n not in tvs_class:
                names.add(n)
        return sorted(names)

    def render_members(self, cls):
        tvs = self.scope(cls)
        methods = self.methods(cls)
        siblings = {}
        for fn in methods:
            if fn.name.startswith("set") and len(self.params(fn)) == 1:
                try:
                    pt = self.jtype(self.params(fn)[0].annotation, cls, tvs)
                except Unavailable:
                    continue
                if pt in ("long", "short", "byte", "double", "int", "float"):
                    siblings[fn.name] = pt
        lines = []
        for item in cls.node.body:
            if isinstance(item, ast.AnnAssign):
                try:
                    lines.append(self.render_field(cls, item, tvs))
                except Unavailable:
                    self.dropped += 1
            elif isinstance(item, ast.FunctionDef):
                try:
                    lines.append(self.render_method(cls, item, tvs, siblings))
                except Unavailable:
                    self.dropped += 1
        return lines

    def render_field(self, cls, item, tvs):
        name = item.target.id
        static = isinstance(item.annotation, ast.Subscript) and dotted(item.annotation.value) == "typing.ClassVar"
        t = self.jtype(item.annotation, cls, tvs)
        t = self.overrides.get(f"{cls.name}.{name}", t) if t in ("int", "float") else t
        if cls.kind == "enum" and t == cls.name:
            return ("enum", name)
        if static:
            value = self.constant(cls, name, t)
            mods = "" if cls.kind == "interface" else "public static final "
            return ("field", f"{mods}{t} {name} = {value};")
        return ("field", f"public {t} {name};")

    def constant(self, cls, name, t):
        if cls.name == "android.os.Build.VERSION_CODES" and name in VERSION_CODES:
            return str(VERSION_CODES[name])
        self.counter = getattr(self, "counter", 1000) + 1
        if t in ("int", "short", "byte"):
            return f"({t}) {self.counter}" if t != "int" else str(self.counter)
        if t == "long":
            return f"{self.counter}L"
        if t == "float":
            return f"{self.counter}f"
        if t == "double":
            return f"{self.counter}d"
        if t == "char":
            return "'\\0'"
        if t == "boolean":
            return "false"
        if t == "java.lang.String":
            return f'"{cls.name}.{name}"'
        return "null"

    def render_method(self, cls, fn, tvs, siblings):
        static = self.is_static(fn)
        mvars = self.method_typevars(fn, tvs)
        scope = dict(tvs)
        decl_vars = []
        for var in mvars:
            java, bound = cls.typevars.get(var, (var.rsplit("__", 1)[-1], None))
            java = java or var.rsplit("__", 1)[-1]
            scope[var] = java
            decl_vars.append((java, bound))
        rendered_vars = []
        for java, bound in decl_vars:
            if bound:
                b = self.boxed(self.jtype(ast.parse(bound, mode="eval").body, cls, scope))
                rendered_vars.append(f"{java} extends {b}")
            else:
                rendered_vars.append(java)
        tparams = f"<{', '.join(rendered_vars)}> " if rendered_vars else ""
        ps = []
        params = self.params(fn)
        for i, p in enumerate(params):
            t = self.jtype(p.annotation, cls, scope)
            if p is fn.args.vararg:
                t += "..."
            pname = p.arg if p.arg not in JAVA_KEYWORDS else p.arg + "_"
            ps.append(f"{t} {pname}")
        if fn.name == "__init__":
            simple = cls.name.rsplit(".", 1)[1]
            return ("ctor", (f"public {simple}({', '.join(ps)})", [self.jtype(p.annotation, cls, scope) for p in params]))
        if cls.kind == "enum" and fn.name in ("values", "valueOf") and static:
            return ("skip", "")
        fn_name = fn.name[:-1] if fn.name.endswith("_") and keyword.iskeyword(fn.name[:-1]) else fn.name
        verbatim = self.signatures.get((cls.name, fn_name, len(params)))
        if verbatim:
            body = "{ throw new RuntimeException(\"Stub!\"); }"
            return ("method", f"{verbatim} {body}", erase(fn_name, ps))
        ret = self.return_type(fn, cls, scope, siblings)
        jdk_match = None
        if not static:
            erased = tuple(erase_type(p.rsplit(" ", 1)[0]).replace("...", "[]") for p in ps)
            for _, jret, jparams in self.jdk_inherited(cls).get((fn.name, len(params)), []):
                if jparams == erased or len(jparams) == len(erased) and all(
                        a == b or a == "java.lang.Object" for a, b in zip(jparams, erased)):
                    jdk_match = (jret, jparams)
                    break
        if jdk_match:
            # It overrides a JDK method (Number.longValue, Map.putAll,
            # CharSequence.charAt): the JDK's erased parameters (a raw
            # override is still one) and, where a primitive is involved, the
            # JDK's return type, which a .pyi cannot say (`int` for long).
            jret, jparams = jdk_match
            # (A JDK type variable, erased to Object, keeps our own type:
            # Comparable<ComponentName>.compareTo(ComponentName).)
            ps = [p if t == "java.lang.Object" else f"{t} {p.rsplit(' ', 1)[1]}" for t, p in zip(jparams, ps)]
            if jret in ZERO or ret in ZERO or jret == "void":
                ret = jret
        if ret in ZERO and self.overrides_generic_return(cls, fn.name, len(params)):
            ret = self.boxed(ret)
        name = fn_name
        sig = f"{tparams}{ret} {name}({', '.join(ps)})"
        body = "{ throw new RuntimeException(\"Stub!\"); }"
        if static:
            mods = "static " if cls.kind == "interface" else "public static "
            return ("method", f"{mods}{sig} {body}", erase(name, ps))
        if cls.kind == "interface":
            if self.unnamed(fn) or not params:
                return ("method", f"{sig};", erase(name, ps))
            return ("method", f"default {sig} {body}", erase(name, ps))
        if cls.kind == "annotation":
            return ("method", f"{ret} {name}();", erase(name, ps))
        if self.unnamed(fn):
            return ("method", f"public abstract {sig};", erase(name, ps))
        return ("method", f"public {sig} {body}", erase(name, ps))

    def header(self, cls):
        simple = cls.name.rsplit(".", 1)[1]
        tvs = self.scope(cls.outer) if cls.outer else {}
        params = []
        own = self.class_typevars(cls)
        scope = dict(tvs)
        for var, java, _ in own:
            scope[var] = java
        for var, java, bound in own:
            if bound:
                try:
                    b = self.boxed(self.jtype(ast.parse(bound, mode="eval").body, cls, scope))
                    params.append(f"{java} extends {b}")
                    continue
                except Unavailable:
                    pass
            params.append(java)
        tparams = f"<{', '.join(params)}>" if params else ""
        extends, implements = None, []
        for b in cls.node.bases:
            if isinstance(b, ast.Subscript) and dotted(b.value) == "typing.Generic":
                continue
            n = dotted(b.value if isinstance(b, ast.Subscript) else b)
            if n is None or n.startswith("typing."):
                continue
            try:
                t = self.jtype(b, cls.outer or cls, scope)
            except Unavailable:
                continue  # a base we cannot see: left out
            q = self.resolve(n, cls.outer or cls)
            if q in ("java.lang.Object", "java.lang.Enum", "java.lang.annotation.Annotation"):
                continue
            base_is_interface = self.is_interface(q)
            if base_is_interface:
                implements.append(t)
            elif extends is None and cls.kind not in ("interface", "enum", "annotation"):
                extends = t
        static = "static " if cls.outer is not None else ""
        if cls.kind == "interface":
            head = f"public {static}interface {simple}{tparams}"
            if implements:
                head += " extends " + ", ".join(implements)
        elif cls.kind == "enum":
            head = f"public {static}enum {simple}"
            if implements:
                head += " implements " + ", ".join(implements)
        elif cls.kind == "annotation":
            head = f"public {static}@interface {simple}"
        else:
            abstract = "abstract " if cls.kind == "abstract" else ""
            head = f"public {static}{abstract}class {simple}{tparams}"
            if extends:
                head += " extends " + extends
            if implements:
                head += " implements " + ", ".join(implements)
        return head, extends

    def render_class(self, cls, indent=""):
        head, extends = self.header(cls)
        out = [f"{indent}{head} {{"]
        members = self.render_members(cls)
        inner = indent + "    "
        if cls.kind == "enum":
            consts = [m[1] for m in members if m[0] == "enum"]
            out.append(f"{inner}{', '.join(consts)};")
        seen = set()
        ctors = [m for m in members if m[0] == "ctor"]
        for m in members:
            if m[0] in ("field",):
                out.append(inner + m[1])
            elif m[0] == "method":
                if m[2] in seen:
                    continue
                seen.add(m[2])
                out.append(inner + m[1])
        if cls.kind in ("class", "abstract"):
            simple = cls.name.rsplit(".", 1)[1]
            superc = self.super_call(extends)
            if not ctors:
                out.append(f"{inner}protected {simple}() throws Throwable {{ {superc}throw new RuntimeException(\"Stub!\"); }}")
            seen_ctors = set()
            for _, (sig, types) in ctors:
                key = tuple(erase_type(t) for t in types)
                if key in seen_ctors:
                    continue
                seen_ctors.add(key)
                # `throws Throwable`: the dummy super(…) may throw a checked
                # exception (FileInputStream's); Kotlin has none to declare.
                out.append(f"{inner}{sig} throws Throwable {{ {superc}throw new RuntimeException(\"Stub!\"); }}")
        for n in cls.nested:
            if n.name in self.selected:
                out += self.render_class(n, inner)
        out.append(f"{indent}}}")
        return out

    def super_call(self, extends):
        """`super(…);` with dummy arguments for the superclass's first constructor."""
        if not extends:
            return ""
        q = extends.split("<", 1)[0]
        sup = self.classes.get(q)
        if sup is None:
            return ""
        ctor_types = None
        for fn in self.methods(sup):
            if fn.name == "__init__":
                try:
                    types = [self.jtype(p.annotation, sup, self.scope(sup)) for p in self.params(fn)]
                except Unavailable:
                    continue
                if ctor_types is None or len(types) < len(ctor_types):
                    ctor_types = types
        if not ctor_types:
            return ""
        args = []
        for t in ctor_types:
            t = t.replace("...", "[]")
            args.append(ZERO.get(t, f"({erase_type(t)}) null"))
        return f"super({', '.join(args)}); "


JAVA_KEYWORDS = {"abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
                 "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
                 "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
                 "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
                 "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
                 "volatile", "while", "_"}


def erase_type(t):
    depth, out = 0, []
    for ch in t:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def erase(name, params):
    return name + "(" + ",".join(erase_type(p.rsplit(" ", 1)[0]) for p in params) + ")"


def load_jdk(path):
    """JdkClasses' listing: names, interfaces, {class: {(method, arity): abstract}}."""
    names, interfaces, methods = set(), set(), {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "M":
                _, cls, name, arity, abstract, ret, params = parts
                key = (name, int(arity))
                entry = (abstract == "1", ret, tuple(params.split(",")) if params != "-" else ())
                methods.setdefault(cls, {}).setdefault(key, []).append(entry)
                continue
            names.add(parts[1])
            if parts[0] == "I":
                interfaces.add(parts[1])
    return names, interfaces, methods


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stubs", required=True)
    ap.add_argument("--jdk-classes", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--overrides")
    ap.add_argument("--signatures")
    ap.add_argument("roots", nargs="+")
    args = ap.parse_args()
    classes = load_stubs(args.stubs)
    jdk, jdk_interfaces, jdk_methods = load_jdk(args.jdk_classes)
    overrides = {}
    if args.overrides:
        with open(args.overrides) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    name, t = line.split()
                    overrides[name] = t
    gen = Gen.__new__(Gen)
    gen.classes, gen.jdk, gen.overrides = classes, jdk, overrides
    gen.signatures = {}
    if args.signatures:
        with open(args.signatures) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    c, m, arity, decl = line.split(None, 3)
                    gen.signatures[(c, m, int(arity))] = decl
    gen.jdk_interfaces = jdk_interfaces
    gen.jdk_methods = jdk_methods
    gen.made_abstract = set()
    gen.jdk_packages = {n.rsplit(".", 1)[0] for n in jdk}
    gen.selected, gen.dropped = set(), 0
    for cls in classes.values():
        cls.kind = None
    for cls in classes.values():
        gen.kind(cls)
    gen.close(args.roots)
    missing = [r for r in args.roots if r not in classes]
    written = 0
    for name in sorted(gen.selected):
        cls = classes[name]
        if cls.outer is not None:
            continue
        path = os.path.join(args.out, *cls.module.split("."), cls.name.rsplit(".", 1)[1] + ".java")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        gen.dropped = 0
        body = gen.render_class(cls)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"package {cls.module};\n\n" + "\n".join(body) + "\n")
        written += 1
    made_abstract = sorted(gen.made_abstract & gen.selected)
    print(f"gen_java: {len(gen.selected)} classes ({written} files) from {len(classes)} in the stubs; "
          f"{len(missing)} imported names left to the hand-written stubs; {len(made_abstract)} classes "
          f"abstract here because they leave a JDK interface's abstract methods to the JDK type")
    for r in missing:
        print(f"  not in the .pyi stubs (hand-written): {r}")
    for name in made_abstract:
        print(f"  abstract here: {name}")


if __name__ == "__main__":
    main()
