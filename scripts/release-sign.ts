/**
 * The release key: Ed25519, given to build.ts in HODU_RELEASE_KEY as a PKCS8 PEM, or as base64 of the raw
 * 32-byte private key (seed) or of its PKCS8 DER. node:crypto is fine here: this runs at build time only.
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

// DER prefix of a PKCS8 Ed25519 private key, followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function parseReleaseKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  if (t.startsWith('-----BEGIN')) {
    key = createPrivateKey({ key: t, format: 'pem' });
  } else {
    const bytes = Buffer.from(t, 'base64');
    const der = bytes.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, bytes]) : bytes;
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`HODU_RELEASE_KEY is a ${key.asymmetricKeyType} key; an Ed25519 key is needed`);
  return key;
}

/** Base64 of the raw 32-byte public key: what the binary embeds (the last 32 bytes of the SPKI DER). */
export function publicKeyBase64(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

/** Base64 of the DER SubjectPublicKeyInfo: the body of the PEM that install.sh hands to `openssl pkeyutl`. */
export function publicKeySpkiBase64(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
}

/** Base64 Ed25519 signature of the exact bytes. */
export function signBytes(privateKey: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, privateKey).toString('base64');
}
