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

impl Alg {
    pub fn from_jws(name: &str) -> Option<Alg> {
        match name {
            "EdDSA" => Some(Alg::EdDsa),
            "ES256" => Some(Alg::Es256),
            _ => None,
        }
    }

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
                Ok(PublicKey::Ed25519(x))
            }
            ("EC", "P-256") => {
                let x = decode_fixed::<32>(&jwk.x, "x")?;
                let y = decode_fixed::<32>(jwk.y.as_deref().ok_or("EC key without y")?, "y")?;
                let mut point = [0u8; 65];
                point[0] = 4;
                point[1..33].copy_from_slice(&x);
                point[33..].copy_from_slice(&y);
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
}
