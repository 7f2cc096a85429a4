/**
 * The signed release manifest: `<base>/<channel>/manifest.json` (latest of a channel) and
 * `<base>/<version>/manifest.json` (a pinned version), each with `manifest.json.sig`, the base64 Ed25519
 * signature of the manifest's exact bytes. build.ts --release writes them; self-update reads them.
 */
import * as v from 'valibot';
import { HoduError } from '../errors';

export const MANIFEST_SCHEMA = 1;

const SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
export const CHANNEL_RE = /^[a-z][a-z0-9-]{0,31}$/;

const assetSchema = v.strictObject({
  /** Absolute, or relative to the manifest's own URL. */
  url: v.pipe(v.string(), v.minLength(1)),
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256')),
});

const manifestSchema = v.strictObject({
  schema: v.literal(MANIFEST_SCHEMA, `unknown manifest schema (this hodu reads schema ${MANIFEST_SCHEMA})`),
  name: v.literal('hodu'),
  version: v.pipe(v.string(), v.regex(SEMVER_RE, 'a semver version')),
  channel: v.pipe(v.string(), v.regex(CHANNEL_RE, 'a channel name')),
  date: v.pipe(v.string(), v.isoTimestamp()),
  commit: v.string(),
  /** Keyed by `<os>-<arch>`: linux-x64, darwin-arm64, windows-x64, … */
  platforms: v.record(v.pipe(v.string(), v.regex(/^[a-z]+-[a-z0-9]+$/)), assetSchema),
});

export type ReleaseManifest = v.InferOutput<typeof manifestSchema>;
export type ReleaseAsset = v.InferOutput<typeof assetSchema>;

export function isSemver(s: string): boolean {
  return SEMVER_RE.test(s);
}

/** The manifest key of the running platform. */
export function platformKey(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

/** Parses and validates manifest bytes (call only after the signature checked out). */
export function parseManifest(bytes: Uint8Array, source: string): ReleaseManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new HoduError('E_UPDATE_MANIFEST', `${source}: not JSON (${(e as Error).message})`, { hint: 'the release server returned something else than a manifest; check the update URL' });
  }
  const r = v.safeParse(manifestSchema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const path = v.getDotPath(issue) ?? '(root)';
    throw new HoduError('E_UPDATE_MANIFEST', `${source}: invalid release manifest at '${path}': ${issue.message}`, { hint: 'the release was published by an incompatible build.ts; report it to the publisher' });
  }
  return r.output;
}

/** Serialises a manifest the way build.ts signs it (stable key order, trailing newline). */
export function serializeManifest(m: ReleaseManifest): string {
  const platforms = Object.fromEntries(Object.keys(m.platforms).sort().map((k) => [k, m.platforms[k]!]));
  return `${JSON.stringify({ schema: m.schema, name: m.name, version: m.version, channel: m.channel, date: m.date, commit: m.commit, platforms }, null, 2)}\n`;
}

/**
 * Checks the Ed25519 signature (base64 text) of `bytes` against the embedded public key (base64 raw).
 * WebCrypto is global in Bun, so this costs nothing at startup (node:crypto would add 8–10 ms).
 */
export async function verifyManifestSignature(bytes: Uint8Array, signatureText: string, publicKeyB64: string, source: string): Promise<void> {
  const bad = (why: string) =>
    new HoduError('E_UPDATE_SIGNATURE', `${source}: ${why}; refusing to update`, {
      hint: 'the manifest was not signed by the hodu release key (tampered, or a mirror serving something else); nothing was changed',
    });
  const signature = decodeBase64(signatureText.trim());
  if (!signature || signature.length !== 64) throw bad('the signature is not 64 bytes of base64');
  const raw = decodeBase64(publicKeyB64);
  if (!raw || raw.length !== 32) {
    throw new HoduError('E_UPDATE_NO_KEY', 'this hodu build carries no release public key, so it cannot verify updates', {
      hint: 'install a release build (the curl installer), or build with `bun build.ts --release` and HODU_RELEASE_KEY set',
    });
  }
  const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, new Uint8Array(bytes));
  if (!ok) throw bad('the manifest signature does not match');
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return undefined;
  return new Uint8Array(Buffer.from(s, 'base64'));
}
