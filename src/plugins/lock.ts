import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../errors';
import { pluginsDir } from '../home';

/** How long a second hodu waits for the lock before giving up (HODU_LOCK_TIMEOUT_MS overrides, for tests). */
const DEFAULT_TIMEOUT_MS = 30_000;
const RETRY_MS = 25;

export function pluginsLockFile(): string {
  return join(pluginsDir(), 'plugins.lock');
}

/** Whether a process with this pid exists (signal 0 probes without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** One attempt: create the lock file exclusively (O_EXCL) with our pid in it. */
function tryAcquire(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new HoduError('E_IO', `${file}: cannot create the plugin lock (${(e as NodeJS.ErrnoException).code ?? String(e)})`, {
      hint: `check that ${pluginsDir()} is writable`,
    });
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Runs `fn` while holding `plugins.lock`, so that two hodu processes never interleave a read-modify-write
 * of plugins.json or the plugin folders. A lock left by a dead process is taken over; a live holder is
 * waited for (bounded), then E_LOCKED.
 */
export async function withPluginsLock<T>(fn: () => T | Promise<T>): Promise<T> {
  const file = pluginsLockFile();
  mkdirSync(pluginsDir(), { recursive: true });
  const timeout = Number(process.env.HODU_LOCK_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  const deadline = performance.now() + timeout;
  let holder: number | undefined;
  while (!tryAcquire(file)) {
    holder = readHolder(file);
    // An empty file is a holder between open and write: wait for it rather than treating it as stale.
    if (holder !== undefined && !pidAlive(holder)) {
      // The holder died without cleaning up. Another waiter may remove it at the same moment; both then
      // race on O_EXCL again, which only one wins.
      rmSync(file, { force: true });
      continue;
    }
    if (performance.now() > deadline) {
      throw new HoduError('E_LOCKED', `${file} is held by another hodu process${holder ? ` (pid ${holder})` : ''}; waited ${Math.round(timeout / 1000)} s`, {
        hint: `wait for the other \`hodu plugin\` command to finish; if no hodu is running, delete ${file}`,
      });
    }
    await Bun.sleep(RETRY_MS);
  }
  try {
    return await fn();
  } finally {
    // Only remove the lock if it is still ours.
    if (readHolder(file) === process.pid) rmSync(file, { force: true });
  }
}
