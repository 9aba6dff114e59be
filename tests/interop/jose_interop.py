#!/usr/bin/env python3
"""Interop with an independent JOSE implementation (jwcrypto), both ways.

1. Lists signed by jwcrypto (EdDSA and ES256; general, flattened and compact
   serializations) must be accepted by `callguard verify`.
2. Lists signed by `callguard sign` with keys from `callguard keygen` must
   verify in jwcrypto against the public keys in `callguard trust`'s output.
3. A list jwcrypto signs with another key must be rejected (the test can fail).

Usage: jose_interop.py PATH/TO/callguard
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from jwcrypto import jwk, jws
from jwcrypto.common import json_encode

CALLGUARD = sys.argv[1]
ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-12-01T00:00:00Z"
PAYLOAD = {
    "type": "callguard.contact-list", "schema": 1,
    "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"},
               "aliases": ["Example Bank"]},
    "version": 3, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-12-28T09:00:00Z",
    "contacts": [
        {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline"}},
        {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"],
         "label": {"en": "Card department"}},
    ],
}
failures = 0
checks = 0


def check(name, ok):
    global failures, checks
    checks += 1
    print(("PASS " if ok else "FAIL ") + name)
    if not ok:
        failures += 1


def verify(trust_path, list_path):
    out = subprocess.run([CALLGUARD, "verify", "--trust", str(trust_path), "--now", NOW, "--json",
                          str(list_path)], capture_output=True, text=True)
    return out.returncode, json.loads(out.stdout) if out.stdout.strip() else None


def jwcrypto_signed(keys, serialization):
    token = jws.JWS(json.dumps(PAYLOAD).encode())
    for kid, key, alg in keys:
        token.add_signature(key, None, json_encode({"alg": alg, "kid": kid, "typ": "callguard-list+json"}))
    if serialization == "compact":
        return token.serialize(compact=True)
    general = json.loads(token.serialize())
    if serialization == "flattened" and "signatures" not in general:
        return json.dumps(general)
    if serialization == "flattened":
        sig = general["signatures"][0]
        return json.dumps({"payload": general["payload"], "protected": sig["protected"],
                           "signature": sig["signature"]})
    if "signatures" not in general:  # jwcrypto flattens single signatures
        general = {"payload": general["payload"],
                   "signatures": [{"protected": general["protected"], "signature": general["signature"]}]}
    return json.dumps(general)


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    ed = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="py-ed")
    p256 = jwk.JWK.generate(kty="EC", crv="P-256", kid="py-p256")
    stranger = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="py-ed")
    trust = {"issuer": "example-bank", "threshold": 1,
             "keys": [json.loads(ed.export_public()), json.loads(p256.export_public())]}
    (tmp / "trust.json").write_text(json.dumps(trust))

    # 1. jwcrypto signs, callguard verifies.
    for label, keys in [("EdDSA", [("py-ed", ed, "EdDSA")]), ("ES256", [("py-p256", p256, "ES256")])]:
        for ser in ["general", "flattened", "compact"]:
            path = tmp / f"py-{label}-{ser}.jws"
            path.write_text(jwcrypto_signed(keys, ser))
            code, out = verify(tmp / "trust.json", path)
            check(f"jwcrypto {label} {ser} accepted by callguard", code == 0 and out["valid"] and out["version"] == 3)
    both = tmp / "py-both.jws"
    both.write_text(jwcrypto_signed([("py-ed", ed, "EdDSA"), ("py-p256", p256, "ES256")], "general"))
    trust2 = dict(trust, threshold=2)
    (tmp / "trust2.json").write_text(json.dumps(trust2))
    code, out = verify(tmp / "trust2.json", both)
    check("jwcrypto EdDSA+ES256 meets threshold 2 in callguard", code == 0 and out["valid"])
    forged = tmp / "py-forged.jws"
    forged.write_text(jwcrypto_signed([("py-ed", stranger, "EdDSA")], "general"))
    code, out = verify(tmp / "trust.json", forged)
    check("jwcrypto list signed by a stranger's key under a trusted kid is rejected",
          code == 1 and out["error"] == "bad_signature")

    # 2. callguard signs, jwcrypto verifies.
    (tmp / "list.json").write_text(json.dumps(PAYLOAD))
    for alg in ["EdDSA", "ES256"]:
        key_path = tmp / f"{alg}.jwk"
        subprocess.run([CALLGUARD, "keygen", "--alg", alg, "--kid", f"cg-{alg}", "--out", str(key_path)],
                       check=True, capture_output=True)
        trust_out = subprocess.run([CALLGUARD, "trust", "--issuer", "example-bank", str(key_path)],
                                   check=True, capture_output=True, text=True).stdout
        public = jwk.JWK(**json.loads(trust_out)["keys"][0])
        check(f"callguard trust emits no private part ({alg})", not public.has_private)
        out_path = tmp / f"cg-{alg}.jws"
        subprocess.run([CALLGUARD, "sign", "--key", str(key_path), "--in", str(tmp / "list.json"),
                        "--out", str(out_path)], check=True, capture_output=True)
        token = jws.JWS()
        token.deserialize(out_path.read_text())
        try:
            token.verify(public, alg=alg)
            ok = json.loads(token.payload) == PAYLOAD
            header = token.jose_header
            if isinstance(header, list):
                header = header[0]
            ok = ok and header["typ"] == "callguard-list+json" and header["kid"] == f"cg-{alg}"
        except Exception as error:  # noqa: BLE001 - any failure is a failed check
            print("   ", error)
            ok = False
        check(f"callguard sign {alg} verified by jwcrypto", ok)
        other = jwk.JWK.generate(kty="OKP", crv="Ed25519") if alg == "EdDSA" else jwk.JWK.generate(kty="EC", crv="P-256")
        token = jws.JWS()
        token.deserialize(out_path.read_text())
        try:
            token.verify(other, alg=alg)
            rejected = False
        except Exception:  # noqa: BLE001
            rejected = True
        check(f"jwcrypto rejects callguard {alg} list under another key", rejected)

print(f"jose interop: {checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
