/**
 * docs/build.md's C example, extracted from the doc, compiled against a built .so and a built .a of
 * examples/mlp.onnx and run: it prints the first score, which must equal the interp's for a zero input.
 * Also: the second build of the same model is a hit that `hodu cache status --json` counts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { float32Tensor, toNumbers } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { checkTools, cCompiler } from '../support/optional-tools';
import { API_INCLUDE, hoduBuild, interpOutputs } from './support';

const ROOT = join(import.meta.dir, '..', '..');
const MLP = join(ROOT, 'examples', 'mlp.onnx');
const tmp = tempDir('hodu-build-doc-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

/** The ```c block after the c-example marker. */
function docExample(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'build.md'), 'utf8');
  const m = /<!-- c-example:[^>]*-->\s*```c\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/build.md has no c-example block');
  return m[1]!;
}

const tools = checkTools([cCompiler()]);
const suite = tools.run ? describe : describe.skip;

suite(`docs/build.md C example${tools.run ? '' : ' [skipped: no C compiler]'}`, () => {
  let expected = 0;
  beforeAll(async () => {
    requireBinary();
    const ref = await interpOutputs(decodeModel(readFileSync(MLP)), new Map([['input', float32Tensor(new Array(64).fill(0), [1, 64])]]), 2);
    expected = toNumbers([...ref.values()][0]!)[0]!;
  });

  test('the example is short: at most a dozen lines, its body the five of the header comment', () => {
    expect(docExample().trim().split('\n').length).toBeLessThanOrEqual(12);
  });

  for (const format of ['so', 'a'] as const) {
    test(`compiled against a built .${format}, it runs and prints the model's first score`, () => {
      const artifact = join(tmp.dir, `libmlp.${format}`);
      const { r } = hoduBuild([MLP, '-o', artifact], env);
      expect(r.code).toBe(0);
      writeFileSync(join(tmp.dir, 'example.c'), docExample());
      const exe = join(tmp.dir, `example-${format}`);
      const link = format === 'a' ? [artifact, '-lm', '-pthread'] : [artifact, `-Wl,-rpath,${tmp.dir}`];
      const cc = Bun.spawnSync([cCompiler(), '-std=c11', '-Wall', '-Wextra', '-Werror', `-I${API_INCLUDE}`, join(tmp.dir, 'example.c'), '-o', exe, ...link], { stderr: 'pipe' });
      expect(cc.stderr.toString()).toBe('');
      const run = Bun.spawnSync([exe], { stdout: 'pipe', stderr: 'pipe' });
      expect(run.stderr.toString()).toBe('');
      expect(run.exitCode).toBe(0);
      expect(Math.abs(Number(run.stdout.toString().trim()) - expected)).toBeLessThan(1e-5);
    }, 300_000);
  }

  test('a second build of the same model is a cache hit, counted by hodu cache status --json', () => {
    const before = JSON.parse(hodu(['cache', 'status', '--json'], { env }).stdout) as { hits: number; byKind: Record<string, { entries: number }> };
    const { json } = hoduBuild([MLP, '-o', join(tmp.dir, 'again.so')], env);
    expect(json!.cache).toBe('hit');
    const after = JSON.parse(hodu(['cache', 'status', '--json'], { env }).stdout) as { hits: number; byKind: Record<string, { entries: number }> };
    expect(after.hits).toBe(before.hits + 1);
    expect(after.byKind.model!.entries).toBe(before.byKind.model!.entries);
    expect(after.byKind.library!.entries).toBe(1);
  }, 120_000);
});
