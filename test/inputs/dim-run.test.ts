import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';

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
