/**
 * The last step of `hodu build`: compile the model's own files (hodu_model.c, blob.S, the backend's generated
 * C, and for an executable the standalone main) and put them together with the kernel library:
 *   so  — a shared library exporting only hodu_model_* (a version script);
 *   a   — one static archive: the model's objects and every object of the kernel library;
 *   exe — an executable (standalone main + model + library).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BASE_CFLAGS, inParallel } from './kernel-library';
import { runCompiler } from './compiler';
import type { Toolchain } from './target';

export type ArtifactFormat = 'so' | 'a' | 'exe';

interface LinkOptions {
  format: ArtifactFormat;
  toolchain: Toolchain;
  /** The build folder: hodu_model.c/.h, blob.S, manifest.bin, and the backend's generated files. */
  dir: string;
  /** C files to compile with the model (absolute). */
  sources: string[];
  includeDirs: string[];
  cflags: string[];
  ldflags: string[];
  /** The kernel library archive. */
  library: string;
  /** Where the artifact is written. */
  out: string;
  log: string;
  /** Darwin links differ (exported symbols list, -force_load). */
  darwin: boolean;
}

const objectOf = (source: string) => `${basename(source).replace(/\.[^.]+$/, '')}.o`;

/** Compiles the model's sources in `dir` (2 at a time) and returns the objects' paths. */
async function compileModel(o: LinkOptions): Promise<string[]> {
  const includes = [`-I${o.dir}`, ...o.includeDirs.map((d) => `-I${d}`)];
  const sources = [...o.sources, join(o.dir, 'blob.S')];
  await inParallel(sources, 2, (source) => runCompiler({
    cmd: [...o.toolchain.cc, ...BASE_CFLAGS, ...includes, ...o.cflags, '-c', source, '-o', join(o.dir, objectOf(source))],
    cwd: o.dir, log: o.log, what: `the model (${basename(source)})`,
  }));
  return sources.map((s) => join(o.dir, objectOf(s)));
}

/** Every object of `archive` linked in (not only the members something refers to: the backend looks kernels up by name). */
function wholeArchive(archive: string, darwin: boolean): string[] {
  return darwin ? [`-Wl,-force_load,${archive}`] : ['-Wl,--whole-archive', archive, '-Wl,--no-whole-archive'];
}

/** Exports only hodu_model_* from a shared library. */
function exportFlags(dir: string, darwin: boolean): string[] {
  if (darwin) return ['-Wl,-exported_symbol,_hodu_model_*'];
  const script = join(dir, 'exports.map');
  writeFileSync(script, '{\n  global: hodu_model_*;\n  local: *;\n};\n');
  return [`-Wl,--version-script=${script}`];
}

export async function linkArtifact(o: LinkOptions): Promise<void> {
  const objects = await compileModel(o);
  if (o.format === 'a') {
    copyFileSync(o.library, o.out);
    await runCompiler({ cmd: [o.toolchain.ar, 'rcs', o.out, ...objects], cwd: o.dir, log: o.log, what: 'the static archive' });
    return;
  }
  const shared = o.format === 'so' ? ['-shared', ...exportFlags(o.dir, o.darwin)] : [];
  await runCompiler({
    cmd: [...o.toolchain.cc, ...shared, '-fPIC', '-o', o.out, ...objects, ...wholeArchive(o.library, o.darwin), ...o.ldflags],
    cwd: o.dir, log: o.log, what: o.format === 'so' ? 'the shared library' : 'the executable',
  });
}
