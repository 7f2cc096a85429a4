/**
 * `hodu run FILE.so` through the compiled binary, on the hand-written built model of
 * test/fixtures/build/add-model.c (y[2,3] = a + b[3] broadcast over rows, n = 6, mask = y > 0): the same
 * input flags and outputs as any model, --json, --benchmark, and the flags that do not apply.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadNpz } from '../../src/formats/npz/index';
import { Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { hodu, requireBinary, tempDir, writeNpyFile, writeNpzFile } from '../e2e/hodu';
import { ADD_MODEL_C, compileLibrary } from './build-fixture';

const tmp = tempDir('hodu-artifact-run-');
const lib = join(tmp.dir, 'libadd.so');
const run = (args: string[], env: Record<string, string> = {}) => hodu(args, { cwd: tmp.dir, env });
const A = [1.5, -2, 0.25, -4, 5, -0.5];
const B = [0.5, 1, -0.25];

beforeAll(() => {
  requireBinary();
  compileLibrary(ADD_MODEL_C, lib);
  writeNpyFile(join(tmp.dir, 'a.npy'), new Tensor('float32', [2, 3], new Float32Array(A)));
  writeNpyFile(join(tmp.dir, 'b.npy'), new Tensor('float32', [3], new Float32Array(B)));
  writeNpyFile(join(tmp.dir, 'a33.npy'), new Tensor('float32', [3, 3], new Float32Array(9)));
}, 60_000);
afterAll(() => tmp.cleanup());

/** What the model must compute, from the inputs (float32 sums, as C adds them). */
function expected(a: number[], b: number[]): { y: number[]; mask: boolean[] } {
  const y = a.map((v, i) => Math.fround(Math.fround(v) + Math.fround(b[i % 3]!)));
  return { y, mask: y.map((v) => v > 0) };
}

describeWithTools(['cc'], 'hodu run FILE.so', () => {
  test('--input NAME=FILE … --output out.npz: y = a + b, n = 6, mask = y > 0', async () => {
    const r = run(['run', lib, '--input', 'a=a.npy', '--input', 'b=b.npy', '--output', 'out.npz']);
    expect(r.stderr).toContain('wrote 3 outputs to out.npz');
    expect(r.code).toBe(0);
    const out = await loadNpz(readFileSync(join(tmp.dir, 'out.npz')));
    const { y, mask } = expected(A, B);
    expect(out.get('y')!.dims).toEqual([2, 3]);
    expect([...(out.get('y')!.data as Float32Array)]).toEqual(y);
    expect(out.get('n')!.dtype).toBe('int64');
    expect(out.get('n')!.dims).toEqual([]);
    expect([...(out.get('n')!.data as BigInt64Array)]).toEqual([6n]);
    expect(out.get('mask')!.dtype).toBe('bool');
    expect([...(out.get('mask')!.data as Uint8Array)].map(Boolean)).toEqual(mask);
  });

  test('an .npz of inputs, --json: the outputs and the backend marked as built', async () => {
    await writeNpzFile(join(tmp.dir, 'in.npz'), new Map([['a', new Tensor('float32', [2, 3], new Float32Array(A))], ['b', new Tensor('float32', [3], new Float32Array(B))]]));
    const r = run(['run', lib, '--input', 'in.npz', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.backend).toBe('fixture (built)');
    const byName = Object.fromEntries(j.outputs.map((o: { name: string }) => [o.name, o]));
    expect(byName.y.data).toEqual(expected(A, B).y);
    expect(byName.n.data).toEqual([6]);
    expect(byName.mask.data).toEqual(expected(A, B).mask);
  });

  test('--isolate (a child process per run) gives the same outputs', () => {
    const inputs = ['--input', 'a=a.npy', '--input', 'b=b.npy', '--json'];
    const isolated = run(['run', lib, ...inputs, '--isolate']);
    expect(isolated.code).toBe(0);
    expect(JSON.parse(isolated.stdout).outputs).toEqual(JSON.parse(run(['run', lib, ...inputs]).stdout).outputs);
    expect(JSON.parse(isolated.stdout).outputs[0].data).toEqual(expected(A, B).y);
  });

  test('text output prints every output; random inputs follow --seed', () => {
    const text = run(['run', lib, '--random-inputs', '--seed', '7']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^y {2}float32\[2,3\]/m);
    expect(text.stdout).toMatch(/^mask {2}bool\[2,3\]/m);
    const outputs = (seed: string) => JSON.parse(run(['run', lib, '--random-inputs', '--seed', seed, '--json']).stdout).outputs;
    const [one, again, other] = [outputs('7'), outputs('7'), outputs('8')];
    expect(again).toEqual(one);
    expect(other[0].data).not.toEqual(one[0].data);
    // Uniform [0,1) inputs: every sum is positive, so the mask is all true.
    expect(one[2].data).toEqual([true, true, true, true, true, true]);
  });

  test('--benchmark --json: runs on the built backend with the threads hodu would use', () => {
    const r = run(['run', lib, '--random-inputs', '--benchmark', '--runs', '5', '--warmup', '1', '--threads', '3', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.backend).toBe('fixture (built)');
    expect(j.runs).toBe(5);
    expect(j.threads).toBe(3);
    expect(j.compile_ms).toBe(0);
    const env = run(['run', lib, '--random-inputs', '--benchmark', '--runs', '2', '--json'], { HODU_THREADS: '2' });
    expect(JSON.parse(env.stdout).threads).toBe(2);
  });

  test('an input of another shape, or a --shape other than the built one: E_INPUT_SHAPE saying shapes are fixed at build', () => {
    for (const args of [['--input', 'a=a33.npy', '--input', 'b=b.npy'], ['--random-inputs', '--shape', 'a=3x3']]) {
      const r = run(['run', lib, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('E_INPUT_SHAPE');
      expect(r.stderr).toContain('[2,3]');
      expect(r.stderr).toContain('static shapes it was built with');
    }
    expect(run(['run', lib, '--random-inputs', '--shape', 'a=2x3']).code).toBe(0);
  });

  test('--backend naming another backend is a usage error; from HODU_BACKEND it is ignored; -O other than built is a note', () => {
    const flag = run(['run', lib, '--random-inputs', '--backend', 'interp']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("was built for backend 'fixture'");
    expect(run(['run', lib, '--random-inputs'], { HODU_BACKEND: 'interp' }).code).toBe(0);
    const opt = run(['run', lib, '--random-inputs', '-O1']);
    expect(opt.code).toBe(0);
    expect(opt.stderr).toContain('-O1 does not apply');
    expect(opt.stderr).toContain('-O0 when it was built');
  });
});
