/**
 * The embedded cpu backend's builder half (`hodu build --backend cpu`): its kernel library is
 * plugins/backend-cpu's own sources, embedded in the binary as text (embedded-sources.ts) and written once
 * per version under $HODU_HOME/build/ (from source: the repository's folder itself); the model-specific C is
 * what the backend's ABI-3 `build` entry writes (none until the binding has it: create() then binds kernels
 * by name, as a plugin run does).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pkg from '../../../plugins/backend-cpu/package.json' with { type: 'json' };
import { buildSourcesDir } from '../../home';
import type { BuildRecipe, BuildRequest } from '../../sdk/backend';

/** package.json's native section: the sources the library is compiled from, and its flags. */
const NATIVE = pkg.hodu.native;

/** sha256 of the files (path and contents, in path order) and the flags: the library's cache identity. */
export function libraryId(files: Readonly<Record<string, string>>, cflags: readonly string[]): string {
  const h = new Bun.CryptoHasher('sha256');
  for (const path of Object.keys(files).sort()) h.update(`${path}\0${files[path]}\0`);
  h.update(JSON.stringify(cflags));
  return h.digest('hex');
}

/** The repository's plugins/backend-cpu when running from source (this file is then on disk next to it). */
function sourceCheckout(): string | undefined {
  const dir = join(import.meta.dir, '..', '..', '..', 'plugins', 'backend-cpu');
  return existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'plugin.c')) ? dir : undefined;
}

/** The embedded sources and ffi headers, written once per identity under $HODU_HOME/build/ (staged, then renamed). */
async function writtenSources(): Promise<{ root: string; include: string; id: string }> {
  const { CPU_SOURCE_FILES } = await import('./embedded-sources');
  const { ffiHeaders } = await import('../../plugins/native/embedded-files');
  const files: Record<string, string> = { ...CPU_SOURCE_FILES };
  for (const [name, text] of Object.entries(ffiHeaders)) files[`include/${name}`] = text;
  const id = libraryId(files, NATIVE.cflags);
  const root = join(buildSourcesDir(), `backend-cpu-${pkg.version}-${id.slice(0, 16)}`);
  if (!existsSync(join(root, '.complete'))) {
    const staging = `${root}.tmp-${process.pid}-${Date.now()}`;
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, rel)), { recursive: true });
      writeFileSync(join(staging, rel), text);
    }
    writeFileSync(join(staging, '.complete'), id);
    try {
      renameSync(staging, root);
    } catch {
      // Another hodu wrote the same files first: its folder is as good as ours.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(root, '.complete'))) throw new Error(`cannot write the cpu backend sources to ${root}`);
    }
  }
  return { root, include: join(root, 'include'), id };
}

/** The recipe's library (where the sources are, and their identity) and link flags. */
export async function cpuLibrary(): Promise<{ library: BuildRecipe['library']; ldflags: string[] }> {
  return { library: await librarySources(), ldflags: [...NATIVE.ldflags] };
}

async function librarySources(): Promise<BuildRecipe['library']> {
  const checkout = sourceCheckout();
  if (checkout) {
    const files: Record<string, string> = {};
    const { CPU_SOURCE_FILES } = await import('./embedded-sources');
    for (const rel of Object.keys(CPU_SOURCE_FILES)) files[rel] = readFileSync(join(checkout, rel), 'utf8');
    const { ffiHeaders } = await import('../../plugins/native/embedded-files');
    const ffi = join(checkout, '..', '..', 'ffi');
    for (const name of Object.keys(ffiHeaders)) files[`include/${name}`] = readFileSync(join(ffi, name), 'utf8');
    return { root: checkout, sources: [...NATIVE.sources], includeDirs: [ffi, join(checkout, 'src')], cflags: [...NATIVE.cflags], id: libraryId(files, NATIVE.cflags) };
  }
  const w = await writtenSources();
  return { root: w.root, sources: [...NATIVE.sources], includeDirs: [w.include, join(w.root, 'src')], cflags: [...NATIVE.cflags], id: w.id };
}

/**
 * `build()` of a cpu library without the ABI-3 build entry (built before plugin.c had one): no generated
 * files, its create() binds kernels by name at run time.
 */
export async function cpuBuildRecipe(_request: BuildRequest): Promise<BuildRecipe> {
  return { generated: [], ...(await cpuLibrary()) };
}
