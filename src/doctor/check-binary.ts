/** The running binary, its version, and whether `hodu` on PATH is this binary. */
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { VERSION } from '../version';
import type { DoctorCheck } from './types';

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

export const binaryCheck: DoctorCheck = {
  id: 'binary',
  title: 'hodu binary',
  async run(ctx) {
    const detail = `hodu ${VERSION} at ${ctx.execPath}`;
    const onPath = Bun.which('hodu', { PATH: ctx.env.PATH ?? '' });
    if (!onPath) return { status: 'warn', detail: `${detail}; no \`hodu\` on PATH`, hint: `add it to PATH: export PATH="${dirname(ctx.execPath)}:$PATH"` };
    if (real(onPath) !== real(ctx.execPath)) return { status: 'warn', detail: `${detail}; but \`hodu\` on PATH is ${onPath}`, hint: 'remove the other copy or put this one first on PATH' };
    return { status: 'ok', detail };
  },
};
