/**
 * Self-update as a library (deno upgrade / rustup self update): everything the outside world provides —
 * network, clock-free version facts, the binary to replace, the smoke test — comes in through
 * `UpdateEnv`, so unit tests run it against a fake release site and a temp install root.
 *
 * Order of trust: the manifest's signature is checked before anything in it is used; the binary is
 * checked against the signed size and sha256, then run once; only then is it renamed over the old one.
 */
import { existsSync, rmSync } from 'node:fs';
import { HoduError } from '../errors';
import { downloadVerified } from './download';
import { fetchSmall, joinUrl, type FetchFn, type Net } from './http';
import { managedInstall } from './install-kind';
import { isSemver, parseManifest, verifyManifestSignature, type ReleaseManifest } from './manifest';
import { withInterruptCleanup } from '../util/interrupt';
import { assertWritableFolder, previousPath, sweepStaleTemps, swapInto, swapWithPrevious, tempPath } from './swap';

export interface UpdateEnv {
  /** fetch with `network.proxy` applied. */
  fetch: FetchFn;
  /** `network.timeout_ms`: the longest silence of the release server (connect, headers, each chunk). */
  timeoutMs: number;
  /** The proxy `fetch` goes through, for messages only. */
  proxy?: string;
  /** The binary to replace (real path). */
  exePath: string;
  /** Manifest key of this machine, e.g. linux-x64. */
  platform: string;
  currentVersion: string;
  /** ISO date of this binary's release (its manifest's date); empty in dev builds, which skip the date check. */
  releaseDate: string;
  /** Base64 raw Ed25519 key manifests must be signed with. */
  publicKey: string;
  baseUrl: string;
  channel: string;
  /** Runs `<file> --version` and returns its stdout; throws if it does not run. */
  smokeTest: (file: string) => Promise<string>;
  /** Progress hooks (the CLI renders them). */
  onStep?: (title: string) => void;
  onBytes?: (done: number, total: number) => void;
}

export interface UpdateCheck {
  current: string;
  latest: string;
  channel: string;
  updateAvailable: boolean;
  manifestUrl: string;
}

export interface UpdateResult extends UpdateCheck {
  /** False when already up to date (nothing changed). */
  updated: boolean;
  from: string;
  to: string;
  path: string;
  previous?: string;
}

/** Fetches and verifies the manifest of the channel's latest release, or of `version` when pinned. */
export async function fetchManifest(env: UpdateEnv, version?: string): Promise<{ manifest: ReleaseManifest; url: string }> {
  if (version !== undefined && !isSemver(version)) {
    throw new HoduError('E_USAGE', `'${version}' is not a version`, { hint: 'give a released version such as 0.2.0' });
  }
  const url = joinUrl(env.baseUrl, `${version ?? env.channel}/manifest.json`);
  const bytes = await fetchSmall(net(env), url, 'release manifest');
  const sig = new TextDecoder().decode(await fetchSmall(net(env), `${url}.sig`, 'manifest signature'));
  await verifyManifestSignature(bytes, sig, env.publicKey, url);
  const manifest = parseManifest(bytes, url);
  // A validly signed manifest for something else (an old release replayed, another channel) is refused.
  if (version !== undefined && manifest.version !== version) {
    throw new HoduError('E_UPDATE_MANIFEST', `${url} describes hodu ${manifest.version}, not ${version}`, { hint: 'the release site is misconfigured; report it to the publisher' });
  }
  if (version === undefined && manifest.channel !== env.channel) {
    throw new HoduError('E_UPDATE_MANIFEST', `${url} is a '${manifest.channel}' release, not '${env.channel}'`, { hint: 'the release site is misconfigured; report it to the publisher' });
  }
  return { manifest, url };
}

/** `--check`: what is installed, what is latest, and whether updating would change anything. */
export async function checkForUpdate(env: UpdateEnv): Promise<UpdateCheck> {
  const { manifest, url } = await fetchManifest(env);
  const updateAvailable = await newer(manifest.version, env.currentVersion);
  // A newer version signed before this release is a back-dated (forged or replayed) release: say so now.
  if (updateAvailable) assertNotBackInTime(env, manifest, url);
  return { current: env.currentVersion, latest: manifest.version, channel: env.channel, updateAvailable, manifestUrl: url };
}

function net(env: UpdateEnv): Net {
  return { fetch: env.fetch, timeoutMs: env.timeoutMs, proxy: env.proxy };
}

/**
 * An unpinned update only moves forward: to a version at least the installed one (`--force` reinstalls the
 * same version, never an older one), signed no earlier than the installed release. A replayed old manifest —
 * validly signed, years ago — cannot turn into a downgrade. Only `--version V` goes back, on purpose.
 */
async function assertForward(env: UpdateEnv, manifest: ReleaseManifest, url: string): Promise<void> {
  if (isSemver(env.currentVersion) && (await older(manifest.version, env.currentVersion))) {
    throw new HoduError('E_UPDATE_DOWNGRADE', `${url} offers hodu ${manifest.version}, and ${manifest.version} is older than the installed ${env.currentVersion}; refusing to go back`, {
      hint: `a replayed old release or a stale mirror; nothing was changed. To go back on purpose: hodu self-update --version ${manifest.version}`,
    });
  }
  assertNotBackInTime(env, manifest, url);
}

function assertNotBackInTime(env: UpdateEnv, manifest: ReleaseManifest, url: string): void {
  if (!env.releaseDate) return; // a dev build does not know when it was released
  if (Date.parse(manifest.date) < Date.parse(env.releaseDate)) {
    throw new HoduError('E_UPDATE_DOWNGRADE', `${url}: hodu ${manifest.version} is dated ${manifest.date}, before this hodu (${env.currentVersion}, released ${env.releaseDate}); refusing it`, {
      hint: `a release cannot be older than the one it replaces: this manifest is replayed or back-dated; nothing was changed. To install it anyway: hodu self-update --version ${manifest.version}`,
    });
  }
}

/** Refuses installs hodu must not replace itself: package-managed, or in a folder it cannot write. */
export function assertSelfManaged(exePath: string): void {
  const managed = managedInstall(exePath);
  if (managed) {
    throw new HoduError('E_UPDATE_MANAGED', `${exePath} was installed by ${managed.manager}; hodu will not replace it behind its back`, {
      hint: `update it with: ${managed.command}`,
    });
  }
  assertWritableFolder(exePath);
}

/**
 * Updates to the channel's latest (or `version`). Without `force`, an up-to-date or newer binary is left
 * alone (an older signed manifest can never downgrade hodu unless a version is pinned).
 */
export async function selfUpdate(env: UpdateEnv, opts: { version?: string; force?: boolean } = {}): Promise<UpdateResult> {
  assertSelfManaged(env.exePath);
  env.onStep?.(`Checking ${opts.version ? `hodu ${opts.version}` : `the ${env.channel} channel`}`);
  const { manifest, url } = await fetchManifest(env, opts.version);
  const check: UpdateCheck = { current: env.currentVersion, latest: manifest.version, channel: env.channel, updateAvailable: await newer(manifest.version, env.currentVersion), manifestUrl: url };
  const base = { ...check, from: env.currentVersion, to: manifest.version, path: env.exePath };
  const wanted = opts.version !== undefined ? manifest.version !== env.currentVersion : check.updateAvailable;
  if (!wanted && !opts.force) return { ...base, updated: false };
  if (opts.version === undefined) await assertForward(env, manifest, url);

  const asset = manifest.platforms[env.platform];
  if (!asset) {
    throw new HoduError('E_UPDATE_NO_PLATFORM', `hodu ${manifest.version} has no build for ${env.platform} (it has ${Object.keys(manifest.platforms).join(', ')})`, {
      hint: 'build hodu from source for this platform, or pin another version with --version',
    });
  }
  sweepStaleTemps(env.exePath);
  const tmp = tempPath(env.exePath);
  // From the first byte to the swap (download, smoke test), Ctrl+C removes the temp file; the swap is sync.
  await withInterruptCleanup(
    () => rmSync(tmp, { force: true }),
    async () => {
      try {
        env.onStep?.(`Downloading hodu ${manifest.version} (${env.platform})`);
        await downloadVerified({ net: net(env), url: new URL(asset.url, url).href, asset, dest: tmp, onBytes: env.onBytes });
        env.onStep?.(`Checking that hodu ${manifest.version} runs`);
        await smoke(env, tmp, manifest.version);
        swapInto(env.exePath, tmp);
      } finally {
        if (existsSync(tmp)) rmSync(tmp, { force: true });
      }
    },
  );
  return { ...base, updated: true, previous: previousPath(env.exePath) };
}

/** `--rollback`: swaps back to the binary kept by the last update (and keeps the current one as .old). */
export async function rollback(env: Pick<UpdateEnv, 'exePath' | 'currentVersion' | 'smokeTest'>): Promise<{ from: string; to: string; path: string }> {
  assertSelfManaged(env.exePath);
  const old = previousPath(env.exePath);
  let to = 'unknown';
  if (existsSync(old)) to = versionOf(await env.smokeTest(old).catch(() => ''), 'unknown');
  swapWithPrevious(env.exePath);
  return { from: env.currentVersion, to, path: env.exePath };
}

async function smoke(env: UpdateEnv, file: string, version: string): Promise<void> {
  let output: string;
  try {
    output = await env.smokeTest(file);
  } catch (e) {
    throw new HoduError('E_UPDATE_SMOKE', `the downloaded hodu ${version} does not run here: ${(e as Error).message}; nothing was changed`, {
      hint: 'report it with your OS version; meanwhile keep using this one',
      cause: e,
    });
  }
  if (versionOf(output, '') !== version) {
    throw new HoduError('E_UPDATE_SMOKE', `the downloaded binary says '${output.trim()}', expected hodu ${version}; nothing was changed`, { hint: 'the release is mislabelled; report it to the publisher' });
  }
}

/** "hodu 0.2.0" → "0.2.0". */
function versionOf(output: string, fallback: string): string {
  return /^hodu (\S+)/m.exec(output)?.[1] ?? fallback;
}

async function newer(a: string, b: string): Promise<boolean> {
  const gt = (await import('semver/functions/gt')).default;
  return isSemver(b) ? gt(a, b) : true;
}

async function older(a: string, b: string): Promise<boolean> {
  const lt = (await import('semver/functions/lt')).default;
  return lt(a, b);
}
