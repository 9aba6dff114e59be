// Publishing a CallGuard list from Node with `jose` (npm install jose@6).
//
//   node recipe.mjs keygen Ed25519|ES256 KID KEY.jwk   new private key, saved as a JWK
//   node recipe.mjs trust ISSUER THRESHOLD TRUST.json KEY.jwk...
//   node recipe.mjs sign PAYLOAD.json LIST.jws KEY.jwk...
import { readFileSync, writeFileSync } from 'node:fs';
import { FlattenedSign, exportJWK, generateKeyPair, importJWK } from 'jose';

const TYP = 'callguard-list+json';

// A private key file: a JWK with "d", "kid" and "alg". Keep it secret
// (an HSM in production); only its public half goes into the trust file.
async function keygen(alg, kid, path) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  writeFileSync(path, JSON.stringify(jwk, null, 2), { mode: 0o600 });
}

const loadJwk = (path) => JSON.parse(readFileSync(path, 'utf8'));

// The trust file: the public keys (no "d") plus "issuer" and "threshold".
function trust(issuer, threshold, out, keyPaths) {
  const keys = keyPaths.map((path) => {
    const { d, ...publicJwk } = loadJwk(path);
    return publicJwk;
  });
  const file = { issuer, threshold: Number(threshold), keys };
  writeFileSync(out, JSON.stringify(file, null, 2));
}

// One signature by one key over the exact payload bytes. A signing service
// or HSM would do this step on its own; `merge` collects the results.
async function signOne(payloadBytes, keyPath) {
  const jwk = loadJwk(keyPath);
  const key = await importJWK(jwk, jwk.alg);
  return new FlattenedSign(payloadBytes)
    .setProtectedHeader({ alg: jwk.alg, kid: jwk.kid, typ: TYP })
    .sign(key);
}

// Several signers: each signed the same base64url payload string, so the
// result is that string once and every signature in one array.
function merge(flattened) {
  const payload = flattened[0].payload;
  if (flattened.some((f) => f.payload !== payload)) {
    throw new Error('the signatures are over different payloads');
  }
  const signatures = flattened.map((f) => ({ protected: f.protected, signature: f.signature }));
  return { payload, signatures };
}

async function sign(payloadPath, out, keyPaths) {
  const payloadBytes = readFileSync(payloadPath); // the exact bytes, never re-serialized
  const flattened = [];
  for (const path of keyPaths) flattened.push(await signOne(payloadBytes, path));
  writeFileSync(out, JSON.stringify(merge(flattened), null, 2));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'keygen') await keygen(args[0], args[1], args[2]);
else if (command === 'trust') trust(args[0], args[1], args[2], args.slice(3));
else if (command === 'sign') await sign(args[0], args[1], args.slice(2));
else throw new Error(`unknown command ${command}`);
