/** What `convert --opset` refuses: changes with no mechanical rewrite (the node named), downgrades, bad flag values. No output is written. */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, tempDir, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { float, int } from '../models/builder';
import { model } from './harness';

const tmp = tempDir('hodu-convert-refuse-');
afterAll(() => tmp.cleanup());
const str = (value: string) => ({ type: 'string' as const, value });

function convert(name: string, m: Parameters<typeof writeModelFile>[1], args: string[]) {
  const src = writeModelFile(join(tmp.dir, `${name}.onnx`), m);
  const out = join(tmp.dir, `${name}-out.onnx`);
  const r = hodu(['convert', src, out, ...args]);
  expect(existsSync(out)).toBe(false);
  return r;
}

describe('refused, with the node named', () => {
  test('BatchNormalization spatial=0 at opset 9', () => {
    const m = model(7, [2, 3, 4, 4], (b, x) => b.node('BatchNormalization', [x, b.around('s', [3, 4, 4], 1, 0.2), b.weight('bias', [3, 4, 4], 3), b.weight('mean', [3, 4, 4], 3), b.around('var', [3, 4, 4], 1, 0.3)], { spatial: int(0) }));
    const r = convert('bn0', m, ['--opset', '13']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[E_CONVERT_OPSET]: BatchNormalization node 'batchnormalization_1': cannot be upgraded to opset 13: spatial=0");
  });
  test('Resize-10 nearest that enlarges one axis and shrinks another', () => {
    const m = model(10, [1, 1, 4, 4], (b, x) => b.node('Resize', [x, b.constant('sc', float32Tensor([1, 1, 2, 0.5], [4]))], { mode: str('nearest') }));
    const r = convert('resize-mixed', m, ['--opset', '11']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Resize node 'resize_1': cannot be upgraded to opset 11: it enlarges some axes and shrinks others");
  });
  test('Resize-10 nearest whose scales are a graph input (not a constant)', () => {
    const m = model(10, [1, 1, 4, 4], (b, x) => b.node('Resize', [x, b.input('scales', [4])], { mode: str('nearest') }));
    const r = convert('resize-fed', m, ['--opset', '11']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Resize node 'resize_1': cannot be upgraded to opset 11: its scales are not a constant");
  });
  test('Add-6 legacy broadcast with an axis numpy would not choose', () => {
    const m = model(6, [2, 3, 4], (b, x) => b.node('Add', [x, b.weight('w', [3], 1)], { broadcast: int(1), axis: int(1) }));
    const r = convert('legacy-axis', m, ['--opset', '7']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Add node 'add_1': cannot be upgraded to opset 7: legacy broadcast=1 with axis=1");
  });
  test('GroupNormalization-18 → 21 (scale/bias change from per-group to per-channel)', () => {
    const m = model(18, [1, 4, 3], (b, x) => b.node('GroupNormalization', [x, b.around('s', [2], 1, 0.1), b.weight('bb', [2], 2)], { num_groups: int(2), epsilon: float(1e-5) }));
    const r = convert('groupnorm', m, ['--opset', '21']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("GroupNormalization node 'groupnormalization_1': cannot be upgraded to opset 21");
  });
});

describe('bad requests', () => {
  const relu = () => model(13, [2], (b, x) => b.node('Relu', [x]));
  test('a downgrade is refused', () => {
    const r = convert('down', relu(), ['--opset', '11']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_CONVERT_OPSET]: the model is at opset 13; downgrading to 11 is not supported');
  });
  test('an opset newer than hodu knows, and a non-number, are refused', () => {
    expect(convert('new', relu(), ['--opset', '99']).stderr).toContain('opset 99 is newer than hodu knows');
    const r = convert('nan', relu(), ['--opset', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[E_USAGE]: --opset must be an opset number, got 'x'");
  });
  test('--opset and --external-data on a tensor file, and --external-data to .npz, are usage errors', async () => {
    const npz = await writeNpzFile(join(tmp.dir, 't.npz'), new Map([['a', float32Tensor([1], [1])]]));
    const r = hodu(['convert', npz, join(tmp.dir, 't.safetensors'), '--opset', '13']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
    expect(r.stderr).toContain('--opset applies to models');
    expect(hodu(['convert', npz, join(tmp.dir, 't.safetensors'), '--opset', '13', '-O', '1']).stderr).toContain('--opset and -O apply to models');
    const w = hodu(['convert', writeModelFile(join(tmp.dir, 'w.onnx'), model(13, [2], (b, x) => b.node('Add', [x, b.weight('w', [2], 1)]))), join(tmp.dir, 'w.npz'), '--external-data']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('E_USAGE');
  });
  test('the same opset is a plain re-save', () => {
    const src = writeModelFile(join(tmp.dir, 'same.onnx'), relu());
    const r = hodu(['convert', src, join(tmp.dir, 'same-13.onnx'), '--opset', '13', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).opset).toEqual({ from: 13, to: 13, rewritten: [], addedNodes: 0, addedConstants: 0 });
  });
});
