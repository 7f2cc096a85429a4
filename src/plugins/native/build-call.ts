/**
 * What a call of a native backend's build entry point (HoduBackendApi.build, ABI 3: ffi/hodu_plugin.h) needs
 * around it: the HoduBuildOptions struct, and which C files the plugin wrote.
 */
import { ptr } from 'bun:ffi';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HoduError } from '../../errors';

export interface BuildOptions {
  /** The artifact's default thread count (0: the plugin's default). */
  threads: number;
  /** The normalized target triple, e.g. "x86_64-linux-gnu". */
  target: string;
}

/** HoduBuildOptions (ffi/hodu_plugin.h): u32 struct_size, u32 threads, const char *out_dir, const char *target. */
export const BUILD_OPTIONS = { structSize: 0, threads: 4, outDir: 8, target: 16, size: 24 } as const;

const cString = (text: string) => Buffer.from(`${text}\0`, 'utf8');

/**
 * The struct the plugin reads, and the strings it points to: the caller keeps `keep` alive across the call
 * (the struct holds raw addresses, which the garbage collector does not see).
 */
export function buildOptionsStruct(opts: BuildOptions, outDir: string): { bytes: Uint8Array; keep: Buffer[] } {
  const dir = cString(outDir);
  const target = cString(opts.target);
  const bytes = new Uint8Array(BUILD_OPTIONS.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(BUILD_OPTIONS.structSize, BUILD_OPTIONS.size, true);
  view.setUint32(BUILD_OPTIONS.threads, Math.max(0, Math.floor(opts.threads)), true);
  view.setBigUint64(BUILD_OPTIONS.outDir, BigInt(ptr(dir)), true);
  view.setBigUint64(BUILD_OPTIONS.target, BigInt(ptr(target)), true);
  return { bytes, keep: [dir, target] };
}

/** Each *.c file of a folder with what identifies its current contents (a rename gives a new inode). */
function cFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.c')) continue;
    const st = statSync(join(dir, name), { bigint: true });
    if (st.isFile()) files.set(name, `${st.ino}:${st.mtimeNs}:${st.size}`);
  }
  return files;
}

/** Checks the build folder and notes its C files, then `changed()` lists the ones written since (absolute, sorted). */
export function watchCFiles(outDir: string, plugin: string): { dir: string; changed: () => string[] } {
  const dir = resolve(outDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new HoduError('E_BUILD_BACKEND', `plugin '${plugin}': the build folder ${dir} does not exist`, { hint: 'create it before calling build' });
  }
  const before = cFiles(dir);
  return { dir, changed: () => [...cFiles(dir)].filter(([name, id]) => before.get(name) !== id).map(([name]) => join(dir, name)).sort() };
}
