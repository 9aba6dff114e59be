#!/usr/bin/env python3
"""R.java and BuildConfig.java for an app module, as the Android Gradle
plugin would make them, from its res/ folders and build.gradle.kts: so a
missing string, drawable or raw resource is a compile error here too.

- res/values*/ *.xml: every <string>, <color>, <dimen>, <bool>, <integer>,
  <style>, <plurals>, <array>/<string-array>/<integer-array>, <item type=…>
  and <declare-styleable> by name (styles: dots become underscores);
- res/<type>[-qualifiers]/NAME.ext: R.<type>.NAME for every other folder
  (drawable, mipmap, raw, layout, xml, font, anim, menu, color);
- @+id/NAME anywhere in res/: R.id.NAME.

usage: gen_r.py MODULE_DIR PACKAGE OUT_DIR
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

VALUE_TAGS = {"string": "string", "color": "color", "dimen": "dimen", "bool": "bool",
              "integer": "integer", "style": "style", "plurals": "plurals", "array": "array",
              "string-array": "array", "integer-array": "array", "declare-styleable": "styleable"}


def collect(res):
    types = {}
    for folder in sorted(os.listdir(res)):
        path = os.path.join(res, folder)
        kind = folder.split("-", 1)[0]
        for name in sorted(os.listdir(path)):
            full = os.path.join(path, name)
            if kind == "values":
                for el in ET.parse(full).getroot():
                    rtype = VALUE_TAGS.get(el.tag) or (el.get("type") if el.tag == "item" else None)
                    if rtype and el.get("name"):
                        types.setdefault(rtype, set()).add(el.get("name").replace(".", "_"))
            else:
                types.setdefault(kind, set()).add(name.split(".", 1)[0])
            if name.endswith(".xml"):
                with open(full, encoding="utf-8") as f:
                    for ident in re.findall(r"@\+id/(\w+)", f.read()):
                        types.setdefault("id", set()).add(ident)
    return types


def gradle_value(text, key, default):
    m = re.search(rf"\b{key}\s*=\s*\"?([^\"\n]+)\"?", text)
    return m.group(1).strip() if m else default


def main():
    module, package, out = sys.argv[1:4]
    types = collect(os.path.join(module, "src", "main", "res"))
    pkg_dir = os.path.join(out, *package.split("."))
    os.makedirs(pkg_dir, exist_ok=True)
    lines = [f"package {package};", "", "public final class R {"]
    n = 0x7f000000
    for rtype in sorted(types):
        lines.append(f"    public static final class {rtype} {{")
        for name in sorted(types[rtype]):
            n += 1
            lines.append(f"        public static final int {name} = 0x{n:08x};")
        lines.append("    }")
    lines.append("}")
    with open(os.path.join(pkg_dir, "R.java"), "w") as f:
        f.write("\n".join(lines) + "\n")
    gradle = open(os.path.join(module, "build.gradle.kts"), encoding="utf-8").read()
    app_id = gradle_value(gradle, "applicationId", package)
    code = gradle_value(gradle, "versionCode", "1")
    name = gradle_value(gradle, "versionName", "1.0")
    with open(os.path.join(pkg_dir, "BuildConfig.java"), "w") as f:
        f.write(f"""package {package};

public final class BuildConfig {{
    public static final boolean DEBUG = Boolean.parseBoolean("true");
    public static final String APPLICATION_ID = "{app_id}";
    public static final String BUILD_TYPE = "debug";
    public static final int VERSION_CODE = {code};
    public static final String VERSION_NAME = "{name}";
}}
""")
    print(f"gen_r: R ({sum(len(v) for v in types.values())} resources in {len(types)} types) and BuildConfig for {package}")


if __name__ == "__main__":
    main()
