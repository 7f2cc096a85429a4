/**
 * The background update check (`[update] check`, `check_interval`), npm update-notifier style: after a
 * normal command, read the last answer from $HODU_HOME/update-check.json and print one line on stderr if a
 * newer release is known; if that answer is older than the interval, start a detached `hodu __update-check`
 * that fetches and verifies the signed manifest and writes the file. The command itself never waits on the
 * network. Only on a terminal, never under CI, --json, HODU_NO_UPDATE_CHECK, `check = false`,
 * `check_interval = "0"`, or without an update URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { HoduError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';
import { VERSION } from '../version';
import { DEFAULT_CHANNEL, DEFAULT_UPDATE_URL, RELEASE_DATE, UPDATE_PUBLIC_KEY } from './build-info';
import { isSemver, platformKey } from './manifest';
import { isCompiledBinary } from '../util/compiled-binary';

/** The background fetch gives up sooner than a foreground one: nobody is waiting for it. */
const CHILD_TIMEOUT_MS = 10_000;

const cacheSchema = v.strictObject({
  schema: v.literal(1),
  checkedAt: v.pipe(v.string(), v.isoTimestamp()),
  url: v.string(),
  channel: v.string(),
  latest: v.optional(v.pipe(v.string(), v.check(isSemver, 'a semver version'))),
  error: v.optional(v.string()),
});
export type CheckCache = v.InferOutput<typeof cacheSchema>;

const truthy = (s: string | undefined) => s !== undefined && s !== '' && s !== '0' && s.toLowerCase() !== 'false';

interface CheckPlan {
  file: string;
  url: string;
  channel: string;
  intervalMs: number;
}

/** Whether to check at all, and where; undefined when the check is off (see the module comment). */
async function plan(env: Record<string, string | undefined>): Promise<CheckPlan | undefined> {
  if (truthy(env.CI) || truthy(env.HODU_NO_UPDATE_CHECK)) return undefined;
  const { loadConfig } = await import('../config/index');
  const { parseDuration } = await import('../config/duration');
  const { keyDefault } = await import('../config/keys');
  const { updateCheckFile } = await import('../home');
  const config = await loadConfig();
  if (config.update?.check === false) return undefined;
  const fallback = String(keyDefault('update.check_interval'));
  const intervalMs = parseDuration(config.update?.check_interval ?? fallback) ?? parseDuration(fallback)!;
  const url = env.HODU_UPDATE_URL || config.update?.url || DEFAULT_UPDATE_URL;
  if (intervalMs === 0 || !url) return undefined;
  return { file: updateCheckFile(), url, channel: config.update?.channel || DEFAULT_CHANNEL, intervalMs };
}

/** The last check's answer; undefined when missing or damaged (then it is simply checked again). Exported for tests. */
export function readCache(file: string): CheckCache | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const r = v.safeParse(cacheSchema, JSON.parse(readFileSync(file, 'utf8')));
    return r.success ? r.output : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically with sorted keys. Exported for tests. */
export function writeCache(file: string, c: CheckCache): void {
  const sorted = Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)));
  writeFileAtomic(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * Called by the CLI after a command succeeded (not for --json, hidden or self-update commands). Returns the
 * notice line to print, if any; starts the background check when the last one is older than the interval.
 */
export async function updateNotice(env: Record<string, string | undefined> = process.env): Promise<string | undefined> {
  try {
    if (truthy(env.CI) || truthy(env.HODU_NO_UPDATE_CHECK)) return undefined; // before touching stderr (~15 ms)
    // Not a terminal: a script or a pipe, where a notice is noise and a network request a surprise.
    if (!process.stderr.isTTY) return undefined;
    const p = await plan(env);
    if (!p) return undefined;
    const cache = readCache(p.file);
    const same = cache !== undefined && cache.url === p.url && cache.channel === p.channel;
    const age = same ? Date.now() - Date.parse(cache.checkedAt) : Number.NaN;
    if (!(age >= 0 && age < p.intervalMs)) {
      // Stamp the attempt first, so commands started meanwhile do not start checks of their own.
      writeCache(p.file, { schema: 1, checkedAt: new Date().toISOString(), url: p.url, channel: p.channel, ...(same && cache.latest ? { latest: cache.latest } : {}) });
      await startBackgroundCheck();
    }
    if (same && cache.latest && (await newerThanThis(cache.latest))) {
      return `hodu ${cache.latest} is available (installed: ${VERSION}); run \`hodu self-update\``;
    }
  } catch {
    // A notice is never worth failing or slowing a command that already did its work.
  }
  return undefined;
}

async function newerThanThis(latest: string): Promise<boolean> {
  if (!isSemver(VERSION)) return false;
  const gt = (await import('semver/functions/gt')).default;
  return gt(latest, VERSION);
}

/** `hodu __update-check` in its own session, detached from the terminal, not waited for. */
async function startBackgroundCheck(): Promise<void> {
  const { spawn } = await import('node:child_process');
  // The compiled binary runs itself; from source, bun runs the entry script again.
  const args = isCompiledBinary() ? ['__update-check'] : [Bun.main, '__update-check'];
  const child = spawn(process.execPath, args, { detached: true, stdio: 'ignore', windowsHide: true });
  child.on('error', () => undefined);
  child.unref();
}

/** The hidden `hodu __update-check`: fetch and verify the channel's manifest, record the answer. Always exits 0. */
export async function runUpdateCheck(env: Record<string, string | undefined> = process.env): Promise<number> {
  const p = await plan(env).catch(() => undefined);
  if (!p) return 0;
  const stamp = { schema: 1 as const, checkedAt: new Date().toISOString(), url: p.url, channel: p.channel };
  try {
    const { networkSettings } = await import('./settings');
    const { checkForUpdate } = await import('./self-update');
    const { proxy, timeoutMs } = await networkSettings();
    const r = await checkForUpdate({
      fetch: (url, init) => fetch(url, proxy ? { ...init, proxy } : init),
      timeoutMs: Math.min(timeoutMs, CHILD_TIMEOUT_MS),
      proxy,
      exePath: process.execPath,
      platform: platformKey(),
      currentVersion: VERSION,
      releaseDate: RELEASE_DATE,
      publicKey: UPDATE_PUBLIC_KEY,
      baseUrl: p.url,
      channel: p.channel,
      smokeTest: async () => '',
    });
    writeCache(p.file, { ...stamp, latest: r.latest });
  } catch (e) {
    // Remembered (no retry before the interval), never shown: `hodu self-update --check` gives the details.
    writeCache(p.file, { ...stamp, error: e instanceof HoduError ? e.code : 'E_INTERNAL' });
  }
  return 0;
}
