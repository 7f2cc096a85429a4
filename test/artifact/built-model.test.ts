/**
 * A model built by the real `hodu build` (the generated mlp of test/models, on the cpu backend) runs under
 * `hodu run m.so` like its source under the interp, and `hodu inspect m.so` names what was built from what.
 * Through the compiled binary; the build compiles backend-cpu once (in beforeAll, into this file's cache).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel } from '../../src/formats/onnx/encode';
import { loadNpz } from '../../src/formats/npz/index';
import { Tensor, toNumbers } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { buildMlp } from '../models/mlp';
import { hodu, requireBinary, tempDir, writeNpzFile } from '../e2e/hodu';

const tmp = tempDir('hodu-artifact-built-');
const env = { HODU_HOME: join(tmp.dir, 'home') };
const at = (name: string) => join(tmp.dir, name);
const run = (args: string[]) => hodu(args, { cwd: tmp.dir, env });
let built: ReturnType<typeof hodu>;

beforeAll(async () => {
  requireBinary();
  writeFileSync(at('mlp.onnx'), encodeModel(buildMlp()));
  const rand = mulberry32(11);
  await writeNpzFile(at('in.npz'), new Map([['input', new Tensor('float32', [1, 64], Float32Array.from({ length: 64 }, () => rand() * 2 - 1))]]));
  built = run(['build', 'mlp.onnx', '-o', 'm.so']);
}, 900_000);
afterAll(() => tmp.cleanup());

describeWithTools(['cc'], 'hodu run / inspect on a model built by hodu build', () => {
  test('hodu run m.so equals hodu run mlp.onnx --backend interp', async () => {
    expect(built.stderr).not.toContain('error[');
    expect(built.code).toBe(0);
    const fromSo = run(['run', 'm.so', '--input', 'in.npz', '--output', 'so.npz']);
    expect(fromSo.stderr).toContain('ran on cpu (built)');
    expect(fromSo.code).toBe(0);
    expect(run(['run', 'mlp.onnx', '--backend', 'interp', '--input', 'in.npz', '--output', 'interp.npz']).code).toBe(0);
    const got = (await loadNpz(readFileSync(at('so.npz')))).get('probs')!;
    const want = (await loadNpz(readFileSync(at('interp.npz')))).get('probs')!;
    expect(got.dims).toEqual(want.dims);
    const [g, w] = [toNumbers(got), toNumbers(want)];
    for (let i = 0; i < w.length; i++) expect(Math.abs(g[i]! - w[i]!)).toBeLessThanOrEqual(1e-4 + 1e-3 * Math.abs(w[i]!));
  });

  test('hodu inspect m.so --json: built from this file, on cpu, for this machine, by this hodu', () => {
    const j = JSON.parse(run(['inspect', 'm.so', '--json']).stdout);
    const version = JSON.parse(run(['version', '--json']).stdout).version;
    expect(j).toMatchObject({ kind: 'built-model', backend: 'cpu', hoduVersion: version, optLevel: 2 });
    expect(j.modelSha256).toBe(new Bun.CryptoHasher('sha256').update(readFileSync(at('mlp.onnx'))).digest('hex'));
    expect(j.inputs).toEqual([{ name: 'input', dtype: 'float32', shape: [1, 64], bytes: 256 }]);
    expect(j.outputs).toEqual([{ name: 'probs', dtype: 'float32', shape: [1, 10], bytes: 40 }]);
  });
});
