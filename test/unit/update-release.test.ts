/** The build-time half of the trust chain: the release key formats build.ts accepts, and that what it signs verifies in the binary's code. */
import { expect, test } from 'bun:test';
import { generateKeyPairSync } from 'node:crypto';
import { parseReleaseKey, publicKeyBase64, signBytes } from '../../scripts/release-sign';
import { selectTargets, RELEASE_TARGETS, binaryName } from '../../scripts/release-targets';
import { verifyManifestSignature } from '../../src/update/manifest';

test('HODU_RELEASE_KEY as PKCS8 PEM, base64 PKCS8 DER or base64 raw seed gives the same key', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = der.subarray(der.length - 32).toString('base64');
  const expected = publicKeyBase64(privateKey);
  expect(publicKeyBase64(parseReleaseKey(pem))).toBe(expected);
  expect(publicKeyBase64(parseReleaseKey(der.toString('base64')))).toBe(expected);
  expect(publicKeyBase64(parseReleaseKey(`${seed}\n`))).toBe(expected);
  expect(Buffer.from(expected, 'base64').length).toBe(32);
});

test('a non-Ed25519 key is refused', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  expect(() => parseReleaseKey(rsa)).toThrow('an Ed25519 key is needed');
});

test('a signature made by build.ts verifies with the embedded public key (WebCrypto), and only for those bytes', async () => {
  const key = parseReleaseKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const bytes = new TextEncoder().encode('{"version":"1.2.3"}\n');
  const sig = signBytes(key, bytes);
  await verifyManifestSignature(bytes, sig, publicKeyBase64(key), 'm');
  await expect(verifyManifestSignature(new TextEncoder().encode('{"version":"1.2.4"}\n'), sig, publicKeyBase64(key), 'm')).rejects.toThrow('signature does not match');
});

test('release targets: the five platforms, names as install.sh expects, unknown names refused', () => {
  expect(RELEASE_TARGETS.map(binaryName)).toEqual(['hodu-linux-x64', 'hodu-linux-arm64', 'hodu-darwin-x64', 'hodu-darwin-arm64', 'hodu-windows-x64.exe']);
  expect(selectTargets('linux-arm64, windows-x64').map((t) => t.bunTarget)).toEqual(['bun-linux-arm64', 'bun-windows-x64']);
  expect(() => selectTargets('linux-riscv64')).toThrow("unknown target 'linux-riscv64'");
});
