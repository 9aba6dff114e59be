"""Publishing a CallGuard list from Python with jwcrypto (pip install jwcrypto).

  python3 recipe.py keygen EdDSA|ES256 KID KEY.jwk   new private key, saved as a JWK
  python3 recipe.py trust ISSUER THRESHOLD TRUST.json KEY.jwk...
  python3 recipe.py sign PAYLOAD.json LIST.jws KEY.jwk...
"""
import json
import os
import sys
from pathlib import Path

from jwcrypto import jwk, jws
from jwcrypto.common import json_encode

TYP = "callguard-list+json"
CURVES = {"EdDSA": ("OKP", "Ed25519"), "ES256": ("EC", "P-256")}


def keygen(alg, kid, path):
    """A private key file: a JWK with "d", "kid" and "alg". Keep it secret
    (an HSM in production); only its public half goes into the trust file."""
    kty, crv = CURVES[alg]
    key = jwk.JWK.generate(kty=kty, crv=crv, kid=kid, alg=alg, use="sig")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key.export_private())


def load_key(path):
    return jwk.JWK.from_json(Path(path).read_text())


def trust(issuer, threshold, out, key_paths):
    """The trust file: the public keys (no "d") plus "issuer" and "threshold"."""
    keys = [load_key(path).export_public(as_dict=True) for path in key_paths]
    trust_file = {"issuer": issuer, "threshold": int(threshold), "keys": keys}
    Path(out).write_text(json.dumps(trust_file, indent=2))


def sign_one(payload_bytes, key_path):
    """One signature by one key over the exact payload bytes. A signing
    service or HSM would do this step on its own; `merge` collects them."""
    key = load_key(key_path)
    header = {"alg": key.alg, "kid": key.kid, "typ": TYP}
    token = jws.JWS(payload_bytes)
    token.add_signature(key, None, json_encode(header))
    return json.loads(token.serialize())  # flattened: payload, protected, signature


def merge(flattened):
    """Several signers: each signed the same base64url payload string, so
    the result is that string once and every signature in one array."""
    payload = flattened[0]["payload"]
    if any(f["payload"] != payload for f in flattened):
        raise ValueError("the signatures are over different payloads")
    signatures = [{"protected": f["protected"], "signature": f["signature"]} for f in flattened]
    return {"payload": payload, "signatures": signatures}


def sign(payload_path, out, key_paths):
    payload_bytes = Path(payload_path).read_bytes()  # the exact bytes, never re-serialized
    flattened = [sign_one(payload_bytes, path) for path in key_paths]
    Path(out).write_text(json.dumps(merge(flattened), indent=2))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "keygen":
        keygen(args[0], args[1], args[2])
    elif command == "trust":
        trust(args[0], args[1], args[2], args[3:])
    elif command == "sign":
        sign(args[0], args[1], args[2:])
    else:
        sys.exit(f"unknown command {command}")
