#!/usr/bin/env bash
# Regenerates the shared feed vectors in this directory with the real CLI:
# `callguard feed build` (v1, then v2 with the delta 1→2), `callguard sign`
# with the list vectors' key (keys/ed-a.jwk, in trust/example-bank.json), so
# one trust file covers the list and the feed. The Rust, Kotlin and Swift
# tests read what this writes (bindings/ffi/tests/feed_vectors.rs,
# FeedTest.kt, FeedTests.swift).
#
# The CLI stamps the build time into the manifest; the vectors need fixed
# dates around 2026-12-01 (tests screen at 1796083200), so they are set in
# the payload before signing. EdDSA signatures are deterministic: running
# this again writes the same bytes. `callguard sign` refuses a payload that
# has already expired, so this runs until 2026-12-29.
#   usage: tests/vectors/feeds/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vectors="$(cd "$here/.." && pwd)"
repo="$(cd "$here/../../.." && pwd)"
(cd "$repo" && cargo build --quiet -p callguard-cli --bin callguard)
cg="$repo/target/debug/callguard"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# date PAYLOAD ISSUED EXPIRES: set the manifest payload's dates in place.
date_payload() {
  sed -i -E -e "s/\"issued_at\": \"[^\"]*\"/\"issued_at\": \"$2\"/" \
    -e "s/\"expires_at\": \"[^\"]*\"/\"expires_at\": \"$3\"/" "$1"
  grep -q "\"issued_at\": \"$2\"" "$1" && grep -q "\"expires_at\": \"$3\"" "$1"
}
sign() { "$cg" sign --key "$vectors/keys/ed-a.jwk" --in "$1" --out "$2" 2>/dev/null; }
expires="2026-12-29T00:00:00Z"

# Both versions also hold 400 spam numbers that do not change (+7 927 …,
# far from every number the tests screen): a feed of realistic shape, where
# the delta is much smaller than the full blob, so phones take the delta
# (a plan never prefers a delta that is not smaller than the full blob).
filler=400
for i in $(seq 0 $((filler - 1))); do printf '+7927%07d spam\n' $((i * 7)); done >"$work/filler.txt"
cat "$here/numbers-1.txt" "$work/filler.txt" >"$work/numbers-1.txt"
cat "$here/numbers-2.txt" "$work/filler.txt" >"$work/numbers-2.txt"
"$cg" feed build --in "$work/numbers-1.txt" --out "$work/v1" \
  --issuer example-bank --version 1 2>/dev/null
"$cg" feed build --in "$work/numbers-2.txt" --out "$work/v2" \
  --issuer example-bank --version 2 --previous "1=$work/v1/feed-1.cgfeed" 2>/dev/null

date_payload "$work/v1/feed-manifest.json" "2026-11-29T00:00:00Z" "$expires"
date_payload "$work/v2/feed-manifest.json" "2026-11-30T00:00:00Z" "$expires"
sign "$work/v1/feed-manifest.json" "$here/manifest-1.jws"
sign "$work/v2/feed-manifest.json" "$here/manifest-2.jws"
cp "$work/v1/feed-1.cgfeed" "$work/v2/feed-2.cgfeed" "$work/v2/feed-1-2.cgdelta" "$here/"

# Rolled back: version 1's manifest signed again later (a replay with a
# fresh date). Refused with `rollback` once version 2 was accepted.
cp "$work/v1/feed-manifest.json" "$work/rollback.json"
date_payload "$work/rollback.json" "2026-11-30T12:00:00Z" "$expires"
sign "$work/rollback.json" "$here/rollback-1.jws"

# Tampered: version 2's full blob with one bit of its last byte flipped
# (still a well-formed blob, but not the one manifest-2.jws names).
python3 - "$here/feed-2.cgfeed" "$here/tampered-2.cgfeed" <<'PY'
import sys
blob = bytearray(open(sys.argv[1], "rb").read())
blob[-1] ^= 0x04
open(sys.argv[2], "wb").write(bytes(blob))
PY

sha() { sha256sum "$1" | cut -d' ' -f1; }
cat >"$here/expected.json" <<JSON
{
  "about": "Shared feed vectors (make.sh). With trust/example-bank.json and lists/valid-eddsa-general.jws loaded at now, home region RU, language en: install each version (the first from its full blob, the next from the delta) and screen its calls, each a phone call, attestation not_verified. refusals: what installing manifest+blob (or +delta) gives after the version named in 'after' was installed. Keys are TEST-ONLY.",
  "home_region": "RU",
  "lang": "en",
  "now": 1796083200,
  "trust": "trust/example-bank.json",
  "list": "lists/valid-eddsa-general.jws",
  "issuer": "example-bank",
  "versions": [
    {
      "version": 1,
      "manifest": "feeds/manifest-1.jws",
      "blob": "feeds/feed-1.cgfeed",
      "issued_at": 1795910400,
      "expires_at": 1798502400,
      "numbers": $((4 + filler)),
      "prefixes": 1,
      "sha256": "$(sha "$here/feed-1.cgfeed")",
      "calls": [
        {"name": "fraud", "number": "+7 916 123-45-67", "direction": "incoming",
         "verdict": "reported", "risk": "danger", "reason": "reported_fraud", "issuer": "example-bank"},
        {"name": "spam", "number": "+79991234567", "direction": "incoming",
         "verdict": "reported", "risk": "caution", "reason": "reported_spam", "issuer": "example-bank"},
        {"name": "official-also-reported", "number": "+7 495 000-00-01", "direction": "incoming",
         "verdict": "official", "risk": "caution", "reason": "listed_outbound", "issuer": "example-bank"},
        {"name": "inside-a-reported-range", "number": "+79035550000", "direction": "incoming",
         "verdict": "reported", "risk": "danger", "reason": "reported_fraud", "issuer": "example-bank"},
        {"name": "clean", "number": "+79165550000", "direction": "incoming",
         "verdict": "unknown", "risk": "neutral", "reason": "not_listed", "issuer": null},
        {"name": "spam-removed-in-v2", "number": "+79161112233", "direction": "incoming",
         "verdict": "reported", "risk": "caution", "reason": "reported_spam", "issuer": "example-bank"},
        {"name": "added-in-v2", "number": "+79160000000", "direction": "incoming",
         "verdict": "unknown", "risk": "neutral", "reason": "not_listed", "issuer": null}
      ]
    },
    {
      "version": 2,
      "manifest": "feeds/manifest-2.jws",
      "delta": "feeds/feed-1-2.cgdelta",
      "blob": "feeds/feed-2.cgfeed",
      "issued_at": 1795996800,
      "expires_at": 1798502400,
      "numbers": $((4 + filler)),
      "prefixes": 1,
      "sha256": "$(sha "$here/feed-2.cgfeed")",
      "calls": [
        {"name": "fraud", "number": "+7 916 123-45-67", "direction": "incoming",
         "verdict": "reported", "risk": "danger", "reason": "reported_fraud", "issuer": "example-bank"},
        {"name": "spam-now-fraud", "number": "+79991234567", "direction": "incoming",
         "verdict": "reported", "risk": "danger", "reason": "reported_fraud", "issuer": "example-bank"},
        {"name": "official-also-reported", "number": "+7 495 000-00-01", "direction": "incoming",
         "verdict": "official", "risk": "caution", "reason": "listed_outbound", "issuer": "example-bank"},
        {"name": "removed", "number": "+79161112233", "direction": "incoming",
         "verdict": "unknown", "risk": "neutral", "reason": "not_listed", "issuer": null},
        {"name": "added", "number": "+79160000000", "direction": "incoming",
         "verdict": "reported", "risk": "danger", "reason": "reported_fraud", "issuer": "example-bank"}
      ]
    }
  ],
  "refusals": [
    {"name": "tampered-blob", "after": 1, "manifest": "feeds/manifest-2.jws",
     "blob": "feeds/tampered-2.cgfeed", "code": "hash_mismatch"},
    {"name": "delta-on-the-wrong-base", "after": 2, "manifest": "feeds/manifest-2.jws",
     "delta": "feeds/feed-1-2.cgdelta", "code": "delta_base_mismatch"},
    {"name": "rolled-back", "after": 2, "manifest": "feeds/rollback-1.jws",
     "blob": "feeds/feed-1.cgfeed", "code": "rollback"}
  ]
}
JSON
echo "feed vectors written to ${here#"$repo"/}"
