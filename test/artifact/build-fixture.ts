/** Compiling the hand-written built models of the artifact tests into shared libraries (once per test file). */
import { join } from 'node:path';
import { cCompiler } from '../support/optional-tools';

const ROOT = join(import.meta.dir, '..', '..');
export const ADD_MODEL_C = join(ROOT, 'test', 'fixtures', 'build', 'add-model.c');
export const BROKEN_MODEL_C = join(import.meta.dir, 'fixtures', 'broken-model.c');
export const RELU_PLUGIN_C = join(ROOT, 'test', 'fixtures', 'plugins', 'relu-ok.c');

/** cc -shared of `source` into `out`; throws with the compiler output when it fails. */
export function compileLibrary(source: string, out: string, opts: { cc?: string; defines?: string[]; includes?: string[] } = {}): string {
  const args = [opts.cc ?? cCompiler(), '-std=c11', '-O1', '-fPIC', '-shared', '-I', join(ROOT, 'src', 'build', 'c'), '-I', join(ROOT, 'ffi'),
    ...(opts.includes ?? []).flatMap((d) => ['-I', d]), ...(opts.defines ?? []).map((d) => `-D${d}`), source, '-o', out];
  const r = Bun.spawnSync(args, { stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr.toString()}`);
  return out;
}
