//! JSON Web Keys (RFC 7517) for the two algorithms we accept, and the
//! signature operations on them. All cryptography is `ring`'s.
//!
//! - `EdDSA` (RFC 8037): `{"kty":"OKP","crv":"Ed25519","x":…}`
//! - `ES256` (RFC 7518 §3.4): `{"kty":"EC","crv":"P-256","x":…,"y":…}`,
//!   signatures are the 64-byte `r‖s` concatenation, never DER.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{self, EcdsaKeyPair, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use serde::{Deserialize, Serialize};

/// The JWS algorithms CallGuard accepts. Everything else is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    EdDsa,
    Es256,
}

impl Jwk {
    /// Reads one JWK from a file's bytes, refusing duplicate members (which
    /// serde would silently resolve for unknown ones).
    pub fn from_json(json: &[u8]) -> Result<Jwk, String> {
        crate::duplicates::check(json).map_err(|d| d.to_string())?;
        serde_json::from_slice(json).map_err(|e| {
            let why = crate::shape::explain_shape(json, &crate::shape::JWK, "JWK", &e);
            format!("not a JWK: {why}")
        })
    }
}

impl Alg {
    /// A JWS `alg` name. `Ed25519` is the fully-specified name for EdDSA
    /// over Ed25519 (RFC 9864; jose v6 emits it): the same algorithm.
    pub fn from_jws(name: &str) -> Option<Alg> {
        match name {
            "EdDSA" | "Ed25519" => Some(Alg::EdDsa),
            "ES256" => Some(Alg::Es256),
            _ => None,
        }
    }

    /// The name CallGuard writes (`EdDSA`, which every JOSE library reads).
    pub fn jws_name(self) -> &'static str {
        match self {
            Alg::EdDsa => "EdDSA",
            Alg::Es256 => "ES256",
        }
    }
}

/// A JWK as it appears on the wire. Unknown members are ignored.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
    /// Private part. Never allowed in a trust file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
}

/// A public verification key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    Ed25519([u8; 32]),
    /// Uncompressed SEC1 point: 0x04 ‖ x ‖ y.
    P256(Box<[u8; 65]>),
}

impl PublicKey {
    /// Reads the public half of a JWK. `Err` says which member is wrong.
    pub fn from_jwk(jwk: &Jwk) -> Result<PublicKey, String> {
        match (jwk.kty.as_str(), jwk.crv.as_str()) {
            ("OKP", "Ed25519") => {
                let x = decode_fixed::<32>(&jwk.x, "x")?;
                check_ed25519(&x)?;
                Ok(PublicKey::Ed25519(x))
            }
            ("EC", "P-256") => {
                let x = decode_fixed::<32>(&jwk.x, "x")?;
                let y = decode_fixed::<32>(jwk.y.as_deref().ok_or("EC key without y")?, "y")?;
                let mut point = [0u8; 65];
                point[0] = 4;
                point[1..33].copy_from_slice(&x);
                point[33..].copy_from_slice(&y);
                check_p256(&point)?;
                Ok(PublicKey::P256(Box::new(point)))
            }
            (kty, crv) => Err(format!(
                "unsupported key type {kty:?}/{crv:?} (OKP/Ed25519 or EC/P-256)"
            )),
        }
    }

    pub fn alg(&self) -> Alg {
        match self {
            PublicKey::Ed25519(_) => Alg::EdDsa,
            PublicKey::P256(_) => Alg::Es256,
        }
    }

    /// Verifies `sig` over `message`. ES256 takes only the fixed 64-byte
    /// form: a DER signature has another length and fails here.
    pub fn verify(&self, message: &[u8], sig: &[u8]) -> bool {
        match self {
            PublicKey::Ed25519(x) => UnparsedPublicKey::new(&signature::ED25519, x)
                .verify(message, sig)
                .is_ok(),
            PublicKey::P256(point) => {
                sig.len() == 64
                    && UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, &point[..])
                        .verify(message, sig)
                        .is_ok()
            }
        }
    }

    /// The public JWK (no `d`).
    pub fn to_jwk(&self, kid: &str) -> Jwk {
        match self {
            PublicKey::Ed25519(x) => Jwk {
                kty: "OKP".into(),
                crv: "Ed25519".into(),
                x: URL_SAFE_NO_PAD.encode(x),
                kid: Some(kid.into()),
                alg: Some("EdDSA".into()),
                use_: Some("sig".into()),
                ..Jwk::default()
            },
            PublicKey::P256(point) => Jwk {
                kty: "EC".into(),
                crv: "P-256".into(),
                x: URL_SAFE_NO_PAD.encode(&point[1..33]),
                y: Some(URL_SAFE_NO_PAD.encode(&point[33..])),
                kid: Some(kid.into()),
                alg: Some("ES256".into()),
                use_: Some("sig".into()),
                ..Jwk::default()
            },
        }
    }
}

/// A private signing key, for publishers (the CLI and tests). Phones never hold one.
pub struct SigningKey {
    pub kid: String,
    inner: SigningInner,
}

enum SigningInner {
    Ed25519(Ed25519KeyPair),
    P256(EcdsaKeyPair),
}

/// ring emits P-256 keys only as PKCS#8. Its template is fixed: this prefix,
/// then the 32-byte private scalar, then a BIT STRING holding the public point.
const P256_PKCS8_PREFIX: [u8; 36] = [
    0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
    0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x6d, 0x30, 0x6b, 0x02,
    0x01, 0x01, 0x04, 0x20,
];

impl SigningKey {
    /// Generates a fresh key with the system's secure random generator.
    pub fn generate(alg: Alg, kid: &str) -> Result<(SigningKey, Jwk), String> {
        let rng = SystemRandom::new();
        let private = match alg {
            Alg::EdDsa => {
                let mut seed = [0u8; 32];
                rng.fill(&mut seed).map_err(|_| "no system randomness")?;
                let pair = Ed25519KeyPair::from_seed_unchecked(&seed).map_err(|_| "bad seed")?;
                let mut jwk = PublicKey::Ed25519(
                    pair.public_key()
                        .as_ref()
                        .try_into()
                        .map_err(|_| "bad key")?,
                )
                .to_jwk(kid);
                jwk.d = Some(URL_SAFE_NO_PAD.encode(seed));
                jwk
            }
            Alg::Es256 => {
                let pkcs8 =
                    EcdsaKeyPair::generate_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
                        .map_err(|_| "key generation failed")?;
                let der = pkcs8.as_ref();
                if der.len() < 36 + 32 + 4 + 65 || der[..36] != P256_PKCS8_PREFIX {
                    return Err("unexpected PKCS#8 layout from ring".into());
                }
                let d = &der[36..68];
                let point = &der[der.len() - 65..];
                let mut jwk = PublicKey::P256(Box::new(point.try_into().map_err(|_| "bad point")?))
                    .to_jwk(kid);
                jwk.d = Some(URL_SAFE_NO_PAD.encode(d));
                jwk
            }
        };
        let key = SigningKey::from_jwk(&private)?;
        Ok((key, private))
    }

    /// Reads a private JWK (with `d`) and checks that it matches its public half.
    pub fn from_jwk(jwk: &Jwk) -> Result<SigningKey, String> {
        let public = PublicKey::from_jwk(jwk)?;
        let d = URL_SAFE_NO_PAD
            .decode(jwk.d.as_deref().ok_or("not a private key (no \"d\")")?)
            .map_err(|_| "\"d\" is not base64url")?;
        let inner = match &public {
            PublicKey::Ed25519(x) => SigningInner::Ed25519(
                Ed25519KeyPair::from_seed_and_public_key(&d, x)
                    .map_err(|_| "\"d\" does not match \"x\"")?,
            ),
            PublicKey::P256(point) => SigningInner::P256(
                EcdsaKeyPair::from_private_key_and_public_key(
                    &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
                    &d,
                    &point[..],
                    &SystemRandom::new(),
                )
                .map_err(|_| "\"d\" does not match \"x\"/\"y\"")?,
            ),
        };
        let kid = jwk.kid.clone().ok_or("the key has no \"kid\"")?;
        Ok(SigningKey { kid, inner })
    }

    pub fn alg(&self) -> Alg {
        match self.inner {
            SigningInner::Ed25519(_) => Alg::EdDsa,
            SigningInner::P256(_) => Alg::Es256,
        }
    }

    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        match &self.inner {
            SigningInner::Ed25519(pair) => Ok(pair.sign(message).as_ref().to_vec()),
            SigningInner::P256(pair) => pair
                .sign(&SystemRandom::new(), message)
                .map(|s| s.as_ref().to_vec())
                .map_err(|_| "signing failed".into()),
        }
    }

    pub fn public_jwk(&self) -> Jwk {
        let public = match &self.inner {
            SigningInner::Ed25519(p) => {
                PublicKey::Ed25519(p.public_key().as_ref().try_into().expect("32-byte key"))
            }
            SigningInner::P256(p) => PublicKey::P256(Box::new(
                p.public_key().as_ref().try_into().expect("65-byte point"),
            )),
        };
        public.to_jwk(&self.kid)
    }
}

/// p = 2^255 - 19, little-endian, as Ed25519 encodes field elements.
const ED25519_P: [u8; 32] = {
    let mut p = [0xff; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
};

/// Encodings of the eight small-order points (the torsion subgroup), with
/// the sign bit of x cleared: y = 0 (order 4), 1 (order 1), the two order-8
/// y values, p - 1 (order 2), and the non-canonical p (= 0) and p + 1 (= 1).
/// The list is libsodium's (`ge25519_has_small_order` in
/// src/libsodium/crypto_core/ed25519/ref10/ed25519_ref10.c), which also
/// compares with the top bit masked off. Byte strings, little-endian.
const ED25519_SMALL_ORDER: [[u8; 32]; 7] = [
    [0; 32],
    {
        let mut one = [0; 32];
        one[0] = 1;
        one
    },
    [
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98,
        0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53,
        0xfc, 0x05,
    ],
    [
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67,
        0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac,
        0x03, 0x7a,
    ],
    {
        let mut p_minus_1 = ED25519_P;
        p_minus_1[0] = 0xec;
        p_minus_1
    },
    ED25519_P,
    {
        let mut p_plus_1 = ED25519_P;
        p_plus_1[0] = 0xee;
        p_plus_1
    },
];

/// Refuses Ed25519 keys a careful verifier refuses (RFC 8032 §5.1.3;
/// "Taming the many EdDSAs", Chalkias et al. 2020):
///
/// - a non-canonical y (y ≥ p, after masking the sign bit of x);
/// - a small-order point, in any of its encodings. This also covers the
///   remaining non-canonical encodings RFC 8032 names, x = 0 with the sign
///   bit set: x = 0 only for y = 1 and y = p - 1, both small-order.
///
/// What is left maps one-to-one onto curve points, so two different accepted
/// byte strings are two different points and the trust file's "same key
/// twice" check, a byte comparison, is a point comparison. (A y with no
/// point on the curve is not detected here; such a key fails every
/// signature check in `ring`, so it can never count toward a threshold.)
fn check_ed25519(x: &[u8; 32]) -> Result<(), String> {
    let mut masked = *x;
    masked[31] &= 0x7f;
    if ED25519_SMALL_ORDER.contains(&masked) {
        return Err("\"x\" is a small-order Ed25519 point, not a signing key".into());
    }
    // Compare as little-endian integers: most significant byte first.
    if masked.iter().rev().ge(ED25519_P.iter().rev()) {
        return Err("\"x\" is a non-canonical Ed25519 encoding (y is not below 2^255 - 19)".into());
    }
    Ok(())
}

/// Refuses a P-256 point that is off the curve or has a coordinate ≥ p, at
/// load rather than at the first verification. `ring` exposes its point
/// validation only through ECDH, which runs it on the peer's key before
/// anything else: one key agreement with a throwaway key, at trust-file
/// load only. The uncompressed form is unique per point, so equal points
/// are equal bytes for the "same key twice" check.
fn check_p256(point: &[u8; 65]) -> Result<(), String> {
    use ring::agreement;
    let rng = SystemRandom::new();
    let mine = agreement::EphemeralPrivateKey::generate(&agreement::ECDH_P256, &rng)
        .map_err(|_| "no system randomness")?;
    agreement::agree_ephemeral(
        mine,
        &agreement::UnparsedPublicKey::new(&agreement::ECDH_P256, &point[..]),
        |_| (),
    )
    .map_err(|_| "\"x\"/\"y\" is not a point on P-256".to_string())
}

fn decode_fixed<const N: usize>(b64: &str, member: &str) -> Result<[u8; N], String> {
    let bytes = URL_SAFE_NO_PAD
        .decode(b64)
        .map_err(|_| format!("\"{member}\" is not unpadded base64url"))?;
    bytes
        .try_into()
        .map_err(|_| format!("\"{member}\" must be {N} bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_sign_and_verify_both_algs() {
        for alg in [Alg::EdDsa, Alg::Es256] {
            let (key, private) = SigningKey::generate(alg, "k1").unwrap();
            let public = PublicKey::from_jwk(&key.public_jwk()).unwrap();
            let sig = key.sign(b"hello").unwrap();
            assert!(public.verify(b"hello", &sig));
            assert!(!public.verify(b"hellO", &sig));
            // The private JWK round-trips.
            let again = SigningKey::from_jwk(&private).unwrap();
            assert!(public.verify(b"x", &again.sign(b"x").unwrap()));
            assert_eq!(again.alg(), alg);
        }
    }

    #[test]
    fn private_key_must_match_public_half() {
        let (_, mut a) = SigningKey::generate(Alg::EdDsa, "a").unwrap();
        let (_, b) = SigningKey::generate(Alg::EdDsa, "b").unwrap();
        a.x = b.x;
        assert!(SigningKey::from_jwk(&a).is_err());
    }

    #[test]
    fn es256_signature_is_fixed_64_bytes() {
        let (key, _) = SigningKey::generate(Alg::Es256, "p").unwrap();
        assert_eq!(key.sign(b"m").unwrap().len(), 64);
    }

    fn ed25519_jwk(x: &[u8; 32]) -> Jwk {
        Jwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: URL_SAFE_NO_PAD.encode(x),
            ..Jwk::default()
        }
    }

    #[test]
    fn small_order_ed25519_keys_are_refused_in_every_encoding() {
        for point in ED25519_SMALL_ORDER {
            for sign in [0, 0x80] {
                let mut x = point;
                x[31] |= sign;
                let err = PublicKey::from_jwk(&ed25519_jwk(&x)).unwrap_err();
                assert!(err.contains("small-order"), "{err}");
            }
        }
    }

    #[test]
    fn non_canonical_ed25519_y_is_refused() {
        // y = 3 is on the curve and not of small order; p + 3 encodes the same point.
        let mut canonical = [0u8; 32];
        canonical[0] = 3;
        assert!(PublicKey::from_jwk(&ed25519_jwk(&canonical)).is_ok());
        let mut twin = ED25519_P;
        twin[0] += 3;
        for sign in [0, 0x80] {
            let mut x = twin;
            x[31] |= sign;
            let err = PublicKey::from_jwk(&ed25519_jwk(&x)).unwrap_err();
            assert!(err.contains("non-canonical"), "{err}");
        }
        // The largest 255-bit y, and p - 2 just below p (a valid encoding of y = p - 2).
        assert!(PublicKey::from_jwk(&ed25519_jwk(&[0xff; 32])).is_err());
        let mut below = ED25519_P;
        below[0] -= 2;
        assert!(check_ed25519(&below).is_ok());
    }

    #[test]
    fn real_ed25519_keys_pass_the_checks() {
        for _ in 0..32 {
            let (key, _) = SigningKey::generate(Alg::EdDsa, "k").unwrap();
            assert!(PublicKey::from_jwk(&key.public_jwk()).is_ok());
        }
    }

    #[test]
    fn off_curve_p256_points_are_refused_at_load() {
        let (key, _) = SigningKey::generate(Alg::Es256, "p").unwrap();
        let mut jwk = key.public_jwk();
        assert!(PublicKey::from_jwk(&jwk).is_ok());
        // Change y: (x, y') is not on the curve.
        let mut y = URL_SAFE_NO_PAD.decode(jwk.y.as_deref().unwrap()).unwrap();
        y[31] ^= 1;
        jwk.y = Some(URL_SAFE_NO_PAD.encode(&y));
        let err = PublicKey::from_jwk(&jwk).unwrap_err();
        assert!(err.contains("not a point on P-256"), "{err}");
        // A coordinate ≥ p (all ones) is refused too.
        jwk.y = Some(URL_SAFE_NO_PAD.encode([0xff; 32]));
        assert!(PublicKey::from_jwk(&jwk).is_err());
    }
}
