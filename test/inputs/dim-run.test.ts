import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { encodeModel } from '../../src/formats/onnx/encode';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { MODELS } from '../models/generate';

// x[batch,seq] and y[batch,4] → Identity of each: the outputs' shapes are the generated inputs' shapes.
const t = tempDir('hodu-dim-');
let model = '';

beforeAll(() => {
  requireBinary();
  model = writeModelFile(join(t.dir, 'dims.onnx'), buildModel({
    nodes: [
      { name: 'ix', op: 'Identity', domain: '', inputs: ['x'], outputs: ['ox'], attributes: {} },
      { name: 'iy', op: 'Identity', domain: '', inputs: ['y'], outputs: ['oy'], attributes: {} },
    ],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['batch', 'seq'] } },
      { name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: ['batch', 4] } },
    ],
    outputs: [{ name: 'ox' }, { name: 'oy' }],
  }));
});
afterAll(() => t.cleanup());

function shapes(stdout: string): Record<string, number[]> {
  return Object.fromEntries(JSON.parse(stdout).outputs.map((o: { name: string; shape: number[] }) => [o.name, o.shape]));
}

describe('hodu run --dim', () => {
  test('sets every input dim of that name', () => {
    const r = hodu(['run', model, '--random-inputs', '--dim', 'batch=3', '--dim', 'seq=5', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(shapes(r.stdout)).toEqual({ ox: [3, 5], oy: [3, 4] });
  });
  test('without --dim a symbolic dim still asks for a size', () => {
    const r = hodu(['run', model, '--random-inputs', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("dim 'batch' is dynamic");
  });
  test('--shape wins over --dim for its input', () => {
    const r = hodu(['run', model, '--random-inputs', '--dim', 'batch=2', '--dim', 'seq=1', '--shape', 'x=2x7', '--json']);
    expect(r.code).toBe(0);
    expect(shapes(r.stdout)).toEqual({ ox: [2, 7], oy: [2, 4] });
  });
  test('works with --backend cpu', () => {
    const r = hodu(['run', model, '--random-inputs', '--dim', 'batch=2', '--dim', 'seq=3', '--backend', 'cpu', '--json']);
    expect(r.code).toBe(0);
    expect(shapes(r.stdout)).toEqual({ ox: [2, 3], oy: [2, 4] });
  });
  test('--dry-run takes --dim too', () => {
    const r = hodu(['run', model, '--dry-run', '--dim', 'batch=3', '--dim', 'seq=5', '--json']);
    expect(r.code).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs.map((i: { name: string; shape: number[] }) => [i.name, i.shape]);
    expect(inputs).toEqual([['x', [3, 5]], ['y', [3, 4]]]);
  });
  test('an unknown dim name is E_USAGE listing the model’s symbolic dims', () => {
    const r = hodu(['run', model, '--random-inputs', '--dim', 'batchh=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('batch, seq');
    expect(r.stderr).toContain("did you mean 'batch'");
  });
  test('a bad spec is E_USAGE with an example', () => {
    const r = hodu(['run', model, '--random-inputs', '--dim', 'batch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dim batch=1');
  });
});

describe('on the generated ResNet (image [N,3,32,32])', () => {
  test('--dim N=2 --fill --seed: same logits on the interp and on cpu, and the same bytes again with the same seed', async () => {
    const resnet = join(t.dir, 'resnet.onnx');
    await Bun.write(resnet, encodeModel(MODELS['resnet.onnx']!()));
    const outs: Buffer[] = [];
    for (const backend of ['interp', 'cpu', 'interp']) {
      const out = join(t.dir, `resnet-${outs.length}.npz`);
      const r = hodu(['run', resnet, '--dim', 'N=2', '--fill', 'image=normal:0:1', '--seed', '11', '--backend', backend, '--output', out]);
      expect(r.code).toBe(0);
      outs.push(readFileSync(out));
    }
    const { loadNpz } = await import('../../src/formats/npz/index');
    const [interp, cpu] = [await loadNpz(outs[0]!), await loadNpz(outs[1]!)];
    expect(interp.get('logits')!.dims).toEqual([2, 10]);
    const a = interp.get('logits')!.data as Float32Array;
    const b = cpu.get('logits')!.data as Float32Array;
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-3 + 1e-3 * Math.abs(v)));
    expect(Buffer.compare(outs[0]!, outs[2]!)).toBe(0);
  });
});
