/**
 * $HODU_HOME is writable (or can be created), and how much disk is free there. (The compile cache gets a
 * check when something writes to it: no command does yet.)
 */
import { accessSync, constants, existsSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatByteSize } from '../util/bytes-size';
import type { DoctorCheck } from './types';

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

export const homeCheck: DoctorCheck = {
  id: 'home',
  title: 'HODU_HOME writable',
  async run(ctx) {
    const from = ctx.env.HODU_HOME ? '$HODU_HOME' : 'default';
    if (!existsSync(ctx.home)) {
      const parent = nearestExisting(ctx.home);
      if (!statSync(parent).isDirectory()) {
        return { status: 'error', detail: `${ctx.home} (${from}) cannot be created: ${parent} is a file`, hint: 'set HODU_HOME to a folder path, e.g. export HODU_HOME="$HOME/.hodu"' };
      }
      try {
        accessSync(parent, constants.W_OK);
        return { status: 'ok', detail: `${ctx.home} (${from}) does not exist yet; it will be created in ${parent}` };
      } catch {
        return { status: 'error', detail: `${ctx.home} (${from}) does not exist and ${parent} is not writable`, hint: 'set HODU_HOME to a writable folder, e.g. export HODU_HOME="$HOME/.hodu"' };
      }
    }
    try {
      rmSync(mkdtempSync(join(ctx.home, '.doctor-')), { recursive: true });
      return { status: 'ok', detail: `${ctx.home} (${from})` };
    } catch (e) {
      return { status: 'error', detail: `${ctx.home} is not writable (${(e as NodeJS.ErrnoException).code ?? String(e)})`, hint: `fix its permissions (chmod u+w ${ctx.home}) or set HODU_HOME to a writable folder` };
    }
  },
};

const LOW = 1024 ** 3;
const CRITICAL = 100 * 1024 ** 2;

export const diskCheck: DoctorCheck = {
  id: 'disk',
  title: 'disk space',
  async run(ctx) {
    const where = nearestExisting(ctx.home);
    const s = statfsSync(where);
    const free = s.bavail * s.bsize;
    const detail = `${formatByteSize(free)} free in ${where}`;
    if (free < CRITICAL) return { status: 'error', detail, hint: 'free some disk space: plugin builds and the compile cache need room' };
    if (free < LOW) return { status: 'warn', detail, hint: 'less than 1 GiB free; plugin builds and the compile cache may run out of room' };
    return { status: 'ok', detail };
  },
};
