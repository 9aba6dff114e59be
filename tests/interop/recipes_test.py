#!/usr/bin/env python3
"""Runs the publishing recipes of docs/list-format.md §6 exactly as the doc
shows them (a Rust test checks the doc quotes these files verbatim), in
Python (jwcrypto) and Node (jose), against `callguard verify`:

- EdDSA (and Node's `Ed25519` name) and ES256 keys generated, saved to
  files and loaded back; the trust file written by the recipe;
- a list with one signer per key, and one with two signers merged, accepted
  (threshold 1 and 2); one signer against threshold 2 refused;
- a tampered payload and a key the trust file does not hold refused.

Node's `jose` is installed from tests/interop/jose_node/package-lock.json
into its git-ignored node_modules, only when the pinned version is not
there already. Nothing is installed for Python: jwcrypto comes from the
project's environment.

Usage: recipes_test.py PATH/TO/callguard
"""
import base64
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CALLGUARD = sys.argv[1]
HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / "jose_node"
NOW = "2026-12-01T00:00:00Z"
PAYLOAD = {
    "type": "callguard.contact-list", "schema": 1,
    "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"}},
    "version": 7, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-12-28T09:00:00Z",
    "contacts": [
        {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline", "ru": "Горячая линия"}},
        {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"],
         "label": {"en": "Card department"}},
    ],
}
checks = failures = 0


def check(name, ok, detail=""):
    global checks, failures
    checks += 1
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f"  {detail}"))
    failures += 0 if ok else 1


def install_jose():
    """`npm ci` from the lock file, unless the pinned jose is installed."""
    wanted = json.loads((NODE_DIR / "package.json").read_text())["dependencies"]["jose"]
    installed = NODE_DIR / "node_modules" / "jose" / "package.json"
    if installed.exists() and json.loads(installed.read_text())["version"] == wanted:
        print(f"jose {wanted} already installed")
        return
    subprocess.run(["npm", "ci", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund"], check=True)


def verify(trust, jws_path):
    out = subprocess.run([CALLGUARD, "verify", "--trust", str(trust), "--now", NOW, "--json", str(jws_path)],
                         capture_output=True, text=True)
    result = json.loads(out.stdout) if out.stdout.strip() else {}
    return out.returncode, result.get("error", "ok" if out.returncode == 0 else out.stderr.strip())


def run_recipe(name, command, algs, tmp):
    def recipe(*args):
        subprocess.run([*command, *map(str, args)], check=True)

    d = tmp / name
    d.mkdir()
    payload = d / "payload.json"
    payload.write_bytes(json.dumps(PAYLOAD, ensure_ascii=False, indent=1).encode("utf-8"))
    keys = []
    for alg in algs:
        key = d / f"{alg}.jwk"
        recipe("keygen", alg, f"{name}-{alg}", key)
        keys.append(key)
    stranger = d / "stranger.jwk"
    recipe("keygen", algs[0], f"{name}-{algs[0]}", stranger)  # a trusted kid, another key
    recipe("trust", "example-bank", 1, d / "trust1.json", *keys)
    recipe("trust", "example-bank", 2, d / "trust2.json", *keys)
    trust1 = json.loads((d / "trust1.json").read_text())
    check(f"{name}: the trust file holds no private part",
          all("d" not in k for k in trust1["keys"]) and len(trust1["keys"]) == len(keys))

    for alg, key in zip(algs, keys):
        one = d / f"one-{alg}.jws"
        recipe("sign", payload, one, key)
        check(f"{name}: one {alg} signer, threshold 1: accepted", verify(d / "trust1.json", one) == (0, "ok"),
              verify(d / "trust1.json", one))
        check(f"{name}: one {alg} signer, threshold 2: insufficient_signatures",
              verify(d / "trust2.json", one) == (1, "insufficient_signatures"))
    two = d / "two.jws"
    recipe("sign", payload, two, keys[0], keys[-1])
    doc = json.loads(two.read_text())
    check(f"{name}: two signers merged into one signatures array", len(doc["signatures"]) == 2)
    check(f"{name}: two signers ({algs[0]} + {algs[-1]}), threshold 2: accepted",
          verify(d / "trust2.json", two) == (0, "ok"), verify(d / "trust2.json", two))

    tampered = d / "tampered.jws"
    changed = dict(PAYLOAD, version=8)
    doc["payload"] = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
    tampered.write_text(json.dumps(doc))
    check(f"{name}: tampered payload: bad_signature", verify(d / "trust1.json", tampered) == (1, "bad_signature"))
    forged = d / "forged.jws"
    recipe("sign", payload, forged, stranger)
    check(f"{name}: signed by a key the trust file does not hold: bad_signature",
          verify(d / "trust1.json", forged) == (1, "bad_signature"))


install_jose()
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    run_recipe("python", ["python3", str(HERE / "jose_python" / "recipe.py")], ["EdDSA", "ES256"], tmp)
    run_recipe("node", ["node", str(NODE_DIR / "recipe.mjs")], ["Ed25519", "EdDSA", "ES256"], tmp)
print(f"list-format recipes: {checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
