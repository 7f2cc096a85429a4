/**
 * `bun build.ts --release`: one binary per platform, SHA256SUMS, a signed manifest, and install.sh, laid out
 * as the release site itself (copy OUT to the web root of the base URL):
 *
 *   OUT/install.sh                      the curl installer, its default URL and the release public key filled in
 *   OUT/<version>/hodu-<os>-<arch>[.exe], SHA256SUMS, manifest.json, manifest.json.sig
 *   OUT/<channel>/manifest.json(.sig), latest     (latest = the version number, for people and scripts)
 *
 * install.sh and self-update trust only the signed manifest (SHA256SUMS is for people checking by hand).
 *
 * Manifest URLs are absolute with --base-url, else relative (`../<version>/…`), which resolve the same
 * from both folders, so a release folder can be served from anywhere.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_RE, isSemver, MANIFEST_SCHEMA, serializeManifest, type ReleaseManifest } from '../src/update/manifest';
import { compileHodu } from './release-compile';
import { parseReleaseKey, publicKeyBase64, publicKeySpkiBase64, signBytes } from './release-sign';
import { binaryName, runtimeFor, type ReleaseTarget } from './release-targets';

export interface ReleaseOptions {
  root: string;
  version: string;
  channel: string;
  outDir: string;
  baseUrl?: string;
  targets: ReleaseTarget[];
  /** Where cross-compile Bun runtimes are cached. */
  runtimesDir: string;
  /** HODU_RELEASE_KEY. */
  keyText: string;
  commit: string;
  /** ISO timestamp of the release. */
  date: string;
  extraEntrypoints: string[];
  /** Skip platforms whose Bun runtime cannot be obtained instead of failing. */
  skipMissing: boolean;
  log: (line: string) => void;
  quiet: boolean;
}

export interface ReleaseResult {
  built: { platform: string; file: string; size: number }[];
  skipped: { platform: string; reason: string }[];
  publicKey: string;
}

export function buildRelease(o: ReleaseOptions): ReleaseResult {
  if (!isSemver(o.version)) throw new Error(`--version '${o.version}' is not a semver version (e.g. 1.2.3 or 1.3.0-beta.1)`);
  if (!CHANNEL_RE.test(o.channel)) throw new Error(`--channel '${o.channel}' must be lowercase letters, digits and dashes`);
  const baseUrl = o.baseUrl?.replace(/\/+$/, '');
  // install.sh downloads only over https (plain http only to this machine, for tests).
  if (baseUrl !== undefined && !/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)([:/]|$))/.test(baseUrl)) throw new Error(`--base-url '${o.baseUrl}' must start with https:// (http:// only for 127.0.0.1 and localhost)`);
  const key = parseReleaseKey(o.keyText);
  const publicKey = publicKeyBase64(key);

  const versionDir = join(o.outDir, o.version);
  mkdirSync(versionDir, { recursive: true });
  const result: ReleaseResult = { built: [], skipped: [], publicKey };
  const platforms: ReleaseManifest['platforms'] = {};
  const sums: string[] = [];
  for (const t of o.targets) {
    let executablePath: string | undefined;
    try {
      executablePath = runtimeFor(t, o.runtimesDir, o.log);
    } catch (e) {
      if (!o.skipMissing) throw e;
      result.skipped.push({ platform: t.platform, reason: (e as Error).message });
      o.log(`skipped ${t.platform}: ${(e as Error).message}`);
      continue;
    }
    const name = binaryName(t);
    const file = join(versionDir, name);
    const size = compileTarget(o, t, { executablePath, publicKey, baseUrl: baseUrl ?? '', file });
    const sha256 = new Bun.CryptoHasher('sha256').update(readFileSync(file)).digest('hex');
    platforms[t.platform] = { url: baseUrl ? `${baseUrl}/${o.version}/${name}` : `../${o.version}/${name}`, size, sha256 };
    sums.push(`${sha256}  ${name}`);
    result.built.push({ platform: t.platform, file, size });
    o.log(`built ${name} (${(size / 1e6).toFixed(1)} MB)`);
  }
  if (result.built.length === 0) throw new Error('no platform was built');

  writeFileSync(join(versionDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  const manifest: ReleaseManifest = { schema: MANIFEST_SCHEMA, name: 'hodu', version: o.version, channel: o.channel, date: o.date, commit: o.commit, platforms };
  const text = serializeManifest(manifest);
  const sig = `${signBytes(key, Buffer.from(text))}\n`;
  const channelDir = join(o.outDir, o.channel);
  mkdirSync(channelDir, { recursive: true });
  for (const dir of [versionDir, channelDir]) {
    writeFileSync(join(dir, 'manifest.json'), text);
    writeFileSync(join(dir, 'manifest.json.sig'), sig);
  }
  writeFileSync(join(channelDir, 'latest'), `${o.version}\n`);
  writeInstaller(o.root, o.outDir, baseUrl ?? '', o.channel, publicKeySpkiBase64(key));
  copyFileSync(join(o.outDir, 'install.sh'), join(versionDir, 'install.sh'));
  return result;
}

/** Compiles one platform's binary into `file`, with the release's version, key, URL and channel baked in. */
function compileTarget(o: ReleaseOptions, t: ReleaseTarget, x: { executablePath?: string; publicKey: string; baseUrl: string; file: string }): number {
  // compileHodu builds in a scratch folder and moves only the binary to x.file (no chunk .map files).
  return compileHodu({
    root: o.root,
    outfile: x.file,
    target: t.bunTarget,
    executablePath: x.executablePath,
    version: o.version,
    extraEntrypoints: o.extraEntrypoints,
    quiet: o.quiet,
    defines: {
      HODU_BUILD_COMMIT: o.commit,
      HODU_BUILD_DATE: o.date.slice(0, 10),
      HODU_BUILD_VERSION: o.version,
      HODU_UPDATE_PUBLIC_KEY: x.publicKey,
      HODU_UPDATE_DEFAULT_URL: x.baseUrl,
      HODU_UPDATE_DEFAULT_CHANNEL: o.channel,
      // The manifest's exact date: self-update refuses manifests older than the running release.
      HODU_RELEASE_DATE: o.date,
    },
  });
}

/**
 * install.sh with its default download URL and channel filled in (the `DEFAULT_…=` lines), and the release
 * public key it verifies the signed manifest with (`RELEASE_PUBLIC_KEY=`, base64 SPKI DER; without it the
 * installer refuses to install).
 */
export function fillInstaller(script: string, baseUrl: string, channel: string, publicKeySpki = ''): string {
  if (!/^[A-Za-z0-9+/=]*$/.test(publicKeySpki)) throw new Error('the release public key must be base64');
  return script
    .replace(/^DEFAULT_DOWNLOAD_URL=.*$/m, `DEFAULT_DOWNLOAD_URL='${baseUrl.replace(/'/g, '')}'`)
    .replace(/^DEFAULT_CHANNEL=.*$/m, `DEFAULT_CHANNEL='${channel}'`)
    .replace(/^RELEASE_PUBLIC_KEY=.*$/m, `RELEASE_PUBLIC_KEY='${publicKeySpki}'`);
}

function writeInstaller(root: string, outDir: string, baseUrl: string, channel: string, publicKeySpki: string): void {
  writeFileSync(join(outDir, 'install.sh'), fillInstaller(readFileSync(join(root, 'install.sh'), 'utf8'), baseUrl, channel, publicKeySpki), { mode: 0o755 });
}
