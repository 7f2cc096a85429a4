import { chmodSync, copyFileSync, existsSync, linkSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HoduError } from '../errors';

/** `hodu` → `hodu.old`, `hodu.exe` → `hodu.old.exe`: the previous binary kept for `--rollback`. */
export function previousPath(exePath: string): string {
  return exePath.endsWith('.exe') ? `${exePath.slice(0, -4)}.old.exe` : `${exePath}.old`;
}

/** The temp download for the binary, in its folder (same filesystem, so the final rename is atomic). */
export function tempPath(exePath: string): string {
  return join(dirname(exePath), `.${basename(exePath)}.update-${process.pid}.tmp`);
}

/** Removes temp downloads left by updates that were killed outright (kill -9, power loss): their pid is gone. */
export function sweepStaleTemps(exePath: string): void {
  const prefix = `.${basename(exePath)}.update-`;
  for (const name of readdirSync(dirname(exePath))) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('.')[0]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(dirname(exePath), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Throws E_UPDATE_READONLY unless a file can be created (and renamed) in the binary's folder. */
export function assertWritableFolder(exePath: string): void {
  const dir = dirname(exePath);
  const probe = join(dir, `.${basename(exePath)}.probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    throw new HoduError('E_UPDATE_READONLY', `cannot write to ${dir} (${(e as NodeJS.ErrnoException).code ?? e}), where hodu is installed`, {
      hint: `run it as a user who may write there (e.g. \`sudo ${exePath} self-update\`), or reinstall into a folder you own with the installer (HODU_INSTALL_DIR)`,
    });
  }
}

/**
 * Puts `newFile` in place of `exePath` and keeps the current binary as `previousPath(exePath)`.
 * POSIX: hard-link the current binary to .old, then one rename over it — at every instant `exePath` is a
 * complete binary. Windows cannot rename over a running exe, but can rename it away first.
 */
export function swapInto(exePath: string, newFile: string): void {
  const old = previousPath(exePath);
  rmSync(old, { force: true });
  if (process.platform === 'win32') {
    renameSync(exePath, old);
    try {
      renameSync(newFile, exePath);
    } catch (e) {
      renameSync(old, exePath);
      throw e;
    }
    return;
  }
  linkOrCopy(exePath, old);
  renameSync(newFile, exePath);
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    // Hard links refused (some filesystems): a copy does the same job.
    copyFileSync(from, to);
    chmodSync(to, 0o755);
  }
}

/** Swaps `exePath` and its .old binary (a second rollback undoes the first). */
export function swapWithPrevious(exePath: string): void {
  const old = previousPath(exePath);
  if (!existsSync(old)) {
    throw new HoduError('E_UPDATE_NO_ROLLBACK', `there is no previous binary to roll back to (${old} does not exist)`, {
      hint: 'a previous version is kept only after `hodu self-update`; install one explicitly with `hodu self-update --version V`',
    });
  }
  const aside = `${exePath}.rollback-${process.pid}`;
  rmSync(aside, { force: true });
  if (process.platform === 'win32') {
    renameSync(exePath, aside);
    renameSync(old, exePath);
    renameSync(aside, old);
    return;
  }
  linkOrCopy(exePath, aside);
  renameSync(old, exePath);
  renameSync(aside, old);
}
