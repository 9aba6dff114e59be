#!/usr/bin/env python3
"""Call intents made by an independent JOSE implementation (jwcrypto).

jwcrypto signs a contact list that delegates an intent key (`intent_keys`)
and call intents with that key (EdDSA and ES256, compact JWS with `typ`
`callguard-intent+jwt`); `callguard screen --intent` must accept them and
answer `expected`, and must refuse the tampered, mistargeted and
list-key-signed ones with their codes (docs/call-intents.md).

Usage: intent_interop.py PATH/TO/callguard
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from jwcrypto import jwk, jws

CALLGUARD = sys.argv[1]
NOW = 1_796_083_200  # 2026-12-01T00:00:00Z
NOW_TEXT = "2026-12-01T00:05:00Z"
AUDIENCE = "interop-audience-0001"
checks = 0
failures = 0


def check(name, ok, detail=""):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print(f"FAIL {name} {detail}")


def b64json(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def public(key, **extra):
    doc = json.loads(key.export_public())
    doc.update(extra)
    return doc


def sign_list(list_key, intent_keys):
    payload = {
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}},
        "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "intent_keys": [public(k, expires_at="2099-01-01T00:00:00Z") for k in intent_keys],
        "announces_calls": True,
        "contacts": [
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline"}},
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"],
             "label": {"en": "Card department"}},
        ],
    }
    token = jws.JWS(b64json(payload).encode())
    token.add_signature(list_key, alg="EdDSA",
                        protected=b64json({"alg": "EdDSA", "kid": list_key.kid, "typ": "callguard-list+json"}))
    return token.serialize()


def intent(key, alg, **overrides):
    claims = {"type": "callguard.call-intent", "iss": "example-bank", "jti": "py-0001", "aud": AUDIENCE,
              "from": "+74950000001", "channel": "phone",
              "agent": {"en": "Anna", "ru": "Анна"}, "department": {"en": "card department"},
              "purpose": {"en": "your credit card application"},
              "iat": NOW, "nbf": NOW, "exp": NOW + 600}
    claims.update(overrides)
    token = jws.JWS(b64json(claims).encode())
    token.add_signature(key, alg=alg, protected=b64json({"alg": alg, "kid": key.kid, "typ": "callguard-intent+jwt"}))
    return token.serialize(compact=True)


def screen(work, intent_text, number="+74950000001"):
    path = work / "intent.jwt"
    path.write_text(intent_text)
    return subprocess.run(
        [CALLGUARD, "screen", "--trust", str(work / "trust.json"), "--list", str(work / "list.jws"),
         "--intent", str(path), "--audience", AUDIENCE, "--region", "RU", "--now", NOW_TEXT, "--json", number],
        capture_output=True, text=True)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        list_key = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="bank-list")
        ed = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="intents-ed")
        p256 = jwk.JWK.generate(kty="EC", crv="P-256", kid="intents-p256")
        (work / "trust.json").write_text(json.dumps(
            {"issuer": "example-bank", "threshold": 1, "keys": [public(list_key)]}))
        (work / "list.jws").write_text(sign_list(list_key, [ed, p256]))

        for name, key, alg in [("EdDSA", ed, "EdDSA"), ("ES256", p256, "ES256")]:
            out = screen(work, intent(key, alg))
            ok = out.returncode == 0 and json.loads(out.stdout or "{}").get("verdict") == "expected"
            check(f"jwcrypto {name} intent is expected", ok, out.stdout + out.stderr)

        out = screen(work, "")  # the same call without an intent file content is refused as malformed
        check("an empty intent file is refused", out.returncode != 0)

        good = intent(ed, "EdDSA").split(".")
        evil = json.loads(jws.base64url_decode(good[1]))
        evil["agent"]["en"] = "Oleg"
        good[1] = jws.base64url_encode(b64json(evil).encode())
        refusals = [
            ("tampered claims", ".".join(good), "bad_signature"),
            ("another audience", intent(ed, "EdDSA", aud="someone-else"), "wrong_audience"),
            ("signed with the list key", intent(list_key, "EdDSA"), "key_not_delegated"),
            ("hotline", intent(ed, "EdDSA", **{"from": "+78005553535"}), "inbound_only"),
            ("telegram", intent(ed, "EdDSA", channel="telegram"), "channel_not_used"),
            ("an hour", intent(ed, "EdDSA", exp=NOW + 3600), "window_too_long"),
        ]
        for name, text, code in refusals:
            out = screen(work, text)
            code_json = json.loads(out.stdout or "{}").get("error")
            check(f"{name} refused with {code}", out.returncode == 1 and code_json == code
                  and f"({code})" in out.stderr, out.stdout + out.stderr)

        # The rules issue 23 settled (call-intents.md §3.1), from a backend's side.
        # A CRM's right-to-left override in a shown text: malformed, the claim named.
        out = screen(work, intent(ed, "EdDSA", purpose={"en": "your card\u202e noitacilppa"}))
        check("a bidi control in purpose is malformed", out.returncode == 1
              and json.loads(out.stdout or "{}").get("error") == "malformed" and '"purpose"' in out.stderr,
              out.stdout + out.stderr)
        # A soft hyphen is dropped, not refused.
        out = screen(work, intent(ed, "EdDSA", purpose={"en": "your credit\u00ad card"}))
        check("a soft hyphen in purpose is accepted", out.returncode == 0, out.stdout + out.stderr)
        # A claim of the wrong JSON type names itself and the types.
        out = screen(work, intent(ed, "EdDSA", exp=str(NOW + 600)))
        check("exp as a string is malformed, by path and type",
              out.returncode == 1 and "exp: expected a whole number, found a string" in out.stderr,
              out.stdout + out.stderr)
        # A push retry: the same claims signed again with ES256 (new signature
        # bytes) is the same intent, through a state directory as a phone keeps them.
        state = work / "state"
        def verify_stored(text, name):
            path = work / name
            path.write_text(text)
            return subprocess.run(
                [CALLGUARD, "verify", "--trust", str(work / "trust.json"), "--with-list", str(work / "list.jws"),
                 "--state", str(state), "--now", NOW_TEXT, "--json", str(path)], capture_output=True, text=True)
        verify_stored("not.an.intent", "warmup.jwt")  # the install makes its audience id
        audience = (state / "audience").read_text().strip()
        first, retry = (intent(p256, "ES256", aud=audience, jti="py-retry") for _ in range(2))
        check("ES256 signs differently each time", first != retry)
        a, b = verify_stored(first, "first.jwt"), verify_stored(retry, "retry.jwt")
        check("an ES256 retry of the same claims is accepted again", a.returncode == 0 and b.returncode == 0,
              a.stdout + a.stderr + b.stdout + b.stderr)
        other = verify_stored(intent(p256, "ES256", aud=audience, jti="py-retry", purpose={"en": "a prize"}), "o.jwt")
        check("the same jti saying something else is replayed",
              other.returncode == 1 and json.loads(other.stdout).get("code") == "replayed", other.stdout)
        # The verifier names the audience; it is never taken from the intent.
        path = work / "plain.jwt"
        path.write_text(intent(ed, "EdDSA"))
        out = subprocess.run([CALLGUARD, "verify", "--trust", str(work / "trust.json"), "--with-list",
                              str(work / "list.jws"), "--now", NOW_TEXT, str(path)], capture_output=True, text=True)
        check("verify --with-list without --audience is a usage error", out.returncode == 2, out.stderr)
    print(f"intent interop: {checks - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
