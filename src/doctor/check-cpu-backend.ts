/**
 * The embedded cpu backend (src/backends/cpu/): whether this build has one for this machine, and the state of
 * its library file under $HODU_HOME. Read-only: a missing or changed file is written by the next run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { EMBEDDED_CPU_BUILD } from '../embedded-plugins';
import { hostArch } from '../plugins/native/arch';
import { embeddedLibraryPath, sha256Hex } from '../backends/cpu/materialize';
import type { DoctorCheck } from './types';

export const cpuBackendCheck: DoctorCheck = {
  id: 'cpu-backend',
  title: 'cpu backend',
  async run(ctx) {
    const build = EMBEDDED_CPU_BUILD;
    if (!build) return { status: 'warn', detail: 'this hodu has no embedded cpu backend (a build from source, or a platform it is not built for): models run on the interp', hint: 'use a linux-x64 or linux-arm64 release build' };
    if (build.arch !== hostArch()) return { status: 'warn', detail: `its library is built for ${build.arch}, this machine is ${hostArch()}: models run on the interp`, hint: `install the hodu build for ${hostArch()}` };
    const path = embeddedLibraryPath(ctx.home, build);
    const what = `cpu ${build.version} (${build.arch})`;
    if (!existsSync(path)) return { status: 'ok', detail: `${what}; its library is written to ${path} by the first run` };
    let sha: string | undefined;
    try {
      sha = sha256Hex(readFileSync(path));
    } catch (e) {
      return { status: 'warn', detail: `${what}; ${path} cannot be read (${e instanceof Error ? e.message : String(e)}): models run on the interp`, hint: `remove it, or check the permissions of ${path}` };
    }
    if (sha !== build.sha256) return { status: 'ok', detail: `${what}; ${path} differs from the embedded library and is written again by the next run` };
    return { status: 'ok', detail: `${what}; ${path} verified (sha256)` };
  },
};
