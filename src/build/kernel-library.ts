/**
 * The backend's own sources compiled once into a static archive (the "kernel library") per backend version,
 * sources, compiler and target, and kept in the compile cache (kind 'library'): a second model compiles
 * only its few generated files.
 */
import { join } from 'node:path';
import type { BuildRecipe } from '../sdk/backend';
import type { BuildTarget, Toolchain } from './target';
import { compilerIdentity, runCompiler } from './compiler';
import { cachedBuild, cacheKey, type CacheSettings } from '../cache';

/** Archive name inside the cache entry. */
const LIBRARY_ARCHIVE = 'libhodu_kernels.a';

/** C flags every object of an artifact is compiled with (position independent: one archive serves .so, .a and exe). */
export const BASE_CFLAGS = ['-O2', '-fPIC', '-std=c11'];

/** Object file name of a library source (flat: `src/conv.c` → `src_conv.o`). */
export const objectName = (source: string) => `${source.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9_]/g, '_')}.o`;

/** Runs `jobs` at a time, in order of the list. */
export async function inParallel<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

interface LibraryOptions {
  backend: { name: string; version: string };
  recipe: BuildRecipe;
  target: BuildTarget;
  toolchain: Toolchain;
  cache: CacheSettings;
  log: string;
  warn: (message: string) => void;
  /** Told before compiling (a cache miss), for progress. */
  onCompile?: (sources: number) => void;
}

function libraryKey(o: Pick<LibraryOptions, 'backend' | 'recipe' | 'target' | 'toolchain'>): string {
  const compiler = compilerIdentity(o.toolchain.cc);
  return cacheKey({ kind: 'library', backend: o.backend.name, backendVersion: o.backend.version, library: o.recipe.library.id, compiler, target: o.target.triple, cflags: BASE_CFLAGS });
}

/** The kernel library archive for this recipe and target (from the cache, or compiled into it). */
export async function kernelLibrary(o: LibraryOptions): Promise<{ archive: string; hit: boolean; key: string }> {
  const lib = o.recipe.library;
  const key = libraryKey(o);
  const { entry, hit } = await cachedBuild(o.cache, key, { kind: 'library', label: `${o.backend.name} ${o.backend.version} kernels for ${o.target.triple}` }, async (staging) => {
    o.onCompile?.(lib.sources.length);
    const includes = lib.includeDirs.map((d) => `-I${d}`);
    const objects = lib.sources.map((s) => join(staging, objectName(s)));
    await inParallel(lib.sources, 2, (source) => runCompiler({
      cmd: [...o.toolchain.cc, ...BASE_CFLAGS, ...includes, ...lib.cflags, '-c', source, '-o', join(staging, objectName(source))],
      cwd: lib.root, log: o.log, what: `the ${o.backend.name} kernel library (${source})`,
    }));
    await runCompiler({ cmd: [o.toolchain.ar, 'rcs', LIBRARY_ARCHIVE, ...objects.map((p) => p.slice(staging.length + 1))], cwd: staging, log: o.log, what: 'the kernel library archive' });
    const { rmSync } = await import('node:fs');
    for (const obj of objects) rmSync(obj, { force: true });
    return [LIBRARY_ARCHIVE];
  }, o.warn);
  return { archive: join(entry.dir, LIBRARY_ARCHIVE), hit, key };
}
