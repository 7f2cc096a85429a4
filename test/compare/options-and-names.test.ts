import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { comparePlan } from '../../src/cli/run/compare-options';
import { safeFileStem, uniqueFileNames } from '../../src/util/safe-file-name';
import { exposeValues } from '../../src/runtime/dump/expose-values';
import { buildModel } from '../e2e/hodu';

const plain = { benchmark: false, isBuilt: () => false };
function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_USAGE');
    return (e as HoduError).message;
  }
  throw new Error('expected an E_USAGE error');
}

describe('comparePlan', () => {
  test('none of the flags: no plan', () => {
    expect(comparePlan({}, plain)).toBeUndefined();
  });
  test('defaults rtol 1e-3, atol 1e-4; given values are parsed', () => {
    expect(comparePlan({ expect: 'r.npz' }, plain)!.tol).toEqual({ rtol: 1e-3, atol: 1e-4 });
    expect(comparePlan({ expect: 'r.npz', rtol: '0.5', atol: '0' }, plain)!.tol).toEqual({ rtol: 0.5, atol: 0 });
  });
  test('bad values and stray flags are usage errors', () => {
    expect(usageError(() => comparePlan({ expect: 'r.npz', rtol: '-1' }, plain))).toContain('--rtol must be a non-negative number');
    expect(usageError(() => comparePlan({ expect: 'r.npz', atol: 'x' }, plain))).toContain('--atol');
    expect(usageError(() => comparePlan({ rtol: '1e-3' }, plain))).toContain('--rtol only applies');
    expect(usageError(() => comparePlan({ dumpNodes: 'Conv' }, plain))).toContain('--dump-nodes only applies to --dump');
    expect(usageError(() => comparePlan({ dump: 'd', dumpNodes: '(' }, plain))).toContain('not a valid regular expression');
    expect(usageError(() => comparePlan({ compareBackends: 'interp' }, plain))).toContain('two or more');
    expect(usageError(() => comparePlan({ compareBackends: 'cpu,cpu' }, plain))).toContain("'cpu' twice");
    expect(usageError(() => comparePlan({ expect: 'r.npz' }, { ...plain, benchmark: true }))).toContain('--benchmark');
    expect(usageError(() => comparePlan({ dump: 'd' }, { ...plain, isBuilt: () => true }))).toContain('built model');
    expect(usageError(() => comparePlan({ compareBackends: 'interp,cpu', expect: 'r.npz' }, plain))).toContain('--expect');
    expect(usageError(() => comparePlan({ compareBackends: 'interp,cpu' }, { ...plain, output: 'o.npz' }))).toContain('--output');
  });
  test('backend list and dump filter', () => {
    const p = comparePlan({ compareBackends: 'interp, cpu', dump: undefined }, plain)!;
    expect(p.backends).toEqual(['interp', 'cpu']);
    expect(comparePlan({ dump: 'd', dumpNodes: '^conv' }, plain)!.dump!.filter!.test('conv_1')).toBe(true);
  });
});

describe('safe file names', () => {
  test('unsafe characters and leading dots are replaced; empty names get the fallback', () => {
    expect(safeFileStem('/model/conv1/Conv_output_0')).toBe('_model_conv1_Conv_output_0');
    expect(safeFileStem('..')).toBe('_');
    expect(safeFileStem('')).toBe('output');
    expect(safeFileStem('x'.repeat(400)).length).toBe(200);
  });
  test('clashes (also by case) get distinct names', () => {
    const m = uniqueFileNames(['a/b', 'a_b', 'A_B', 'c'], '.npy');
    expect([...m.values()]).toEqual(['a_b.npy', 'a_b~2.npy', 'A_B~3.npy', 'c.npy']);
  });
});

describe('exposeValues', () => {
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2] };
  const model = buildModel({
    nodes: [
      { name: 'first', op: 'Relu', domain: '', inputs: ['x'], outputs: ['r'], attributes: {} },
      { name: 'second', op: 'Neg', domain: '', inputs: ['r'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: 'y', type: t }],
  });
  test('every node output becomes a graph output once; the model is not changed in place', () => {
    const plan = exposeValues(model);
    expect(plan.model.graph.outputs.map((o) => o.name)).toEqual(['y', 'r']);
    expect(plan.values).toEqual([{ value: 'r', node: 'first', op: 'Relu' }, { value: 'y', node: 'second', op: 'Neg' }]);
    expect(plan.outputs).toEqual(['y']);
    expect(model.graph.outputs.map((o) => o.name)).toEqual(['y']);
  });
  test('the filter matches value names or node names', () => {
    expect(exposeValues(model, /^r$/).values.map((v) => v.value)).toEqual(['r']);
    expect(exposeValues(model, /second/).values.map((v) => v.value)).toEqual(['y']);
    expect(exposeValues(model, /second/).model).toBe(model);
  });
});
