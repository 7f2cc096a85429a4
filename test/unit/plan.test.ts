import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { float32Tensor, int64Tensor } from '../../src/ir/tensor';
import { planArena, planManifest } from '../../src/plan/index';
import { decodeManifest, encodeManifest } from '../../src/sdk/manifest';
import { mlpModel, model, node } from '../fixtures/plugins/models';

describe('planManifest', () => {
  test('a small graph: roles, ids, kernel names, offsets', () => {
    const m = model({
      inputs: { x: ['N', 3] },
      outputs: ['y'],
      initializers: { w: float32Tensor([1, 2, 3, 4, 5, 6], [3, 2]), b: float32Tensor([1, -1], [2]) },
      nodes: [node('MatMul', ['x', 'w'], ['h']), node('Add', ['h', 'b'], ['s']), node('Relu', ['s'], ['y'])],
    });
    const p = planManifest(m, new Map([['x', [4, 3]]]));
    expect(p.tensors.map((t) => [t.name, t.role, t.dims])).toEqual([
      ['x', 'input', [4, 3]], ['w', 'weight', [3, 2]], ['h', 'intermediate', [4, 2]], ['b', 'weight', [2]],
      ['s', 'intermediate', [4, 2]], ['y', 'output', [4, 2]],
    ]);
    expect(p.steps.map((s) => s.kernel)).toEqual(['mat_mul_f32', 'add_f32', 'relu_f32']);
    expect(p.steps.map((s) => [s.inputs, s.outputs])).toEqual([[[0, 1], [2]], [[2, 3], [4]], [[4], [5]]]);
    expect(p.inputs).toEqual([0]);
    expect(p.outputs).toEqual([5]);
    // w (24 bytes) at 0, b at the next 64-byte boundary
    expect(p.tensors[1]!.offset).toBe(0);
    expect(p.tensors[3]!.offset).toBe(64);
    expect(p.weights.length).toBe(128);
    expect(Array.from(new Float32Array(p.weights.buffer, 64, 2))).toEqual([1, -1]);
    // h dies at step 1 while s is written at step 1: they must not overlap
    expect(p.tensors[2]!.offset).not.toBe(p.tensors[4]!.offset);
    expect(decodeManifest(encodeManifest(p))).toEqual(p);
  });

  test('constant subgraphs fold; Shape of a static input folds', () => {
    const m = model({
      inputs: { x: [2, 3] },
      outputs: ['y'],
      initializers: { a: float32Tensor([1, 2, 3], [3]), one: int64Tensor([1]) },
      nodes: [
        node('Neg', ['a'], ['na']), // constant → folded
        node('Shape', ['x'], ['sx']), // [2, 3] known statically
        node('Concat', ['one', 'sx'], ['newshape'], { axis: { type: 'int', value: 0 } }),
        node('Add', ['x', 'na'], ['s']),
        node('Reshape', ['s', 'newshape'], ['y']),
      ],
    });
    const p = planManifest(m);
    expect(p.steps.map((s) => s.kernel)).toEqual(['add_f32', 'reshape_f32_i64']);
    const na = p.tensors.find((t) => t.name === 'na')!;
    expect(na.role).toBe('weight');
    expect(Array.from(new Float32Array(p.weights.buffer, na.offset, 3))).toEqual([-1, -2, -3]);
    const shape = p.tensors.find((t) => t.name === 'newshape')!;
    expect(Array.from(new BigInt64Array(p.weights.buffer.slice(shape.offset, shape.offset + 24)))).toEqual([1n, 2n, 3n]);
    expect(p.tensors.find((t) => t.name === 'y')!.dims).toEqual([1, 2, 3]);
  });

  test('dynamic shapes without a concrete input shape are refused naming the input', () => {
    const m = model({ inputs: { x: ['N', 3] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'])] });
    expect(() => planManifest(m)).toThrow(/graph input 'x' has no static shape/);
    expect(() => planManifest(m, new Map([['x', [2, 4]]]))).toThrow(/does not match the declared/);
  });

  test('a data-dependent shape is refused naming the node', () => {
    const m = model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('NonZero', ['x'], ['y'], {}, 'nz')] });
    try {
      planManifest(m);
      throw new Error('planned a data-dependent shape');
    } catch (e) {
      expect((e as HoduError).code).toBe('E_PLAN');
      expect((e as HoduError).message).toContain("NonZero node 'nz'");
    }
  });

  test('a graph output that is a constant references its weight', () => {
    const m = model({ inputs: { x: [2] }, outputs: ['y', 'c'], initializers: { k: float32Tensor([3], [1]) }, nodes: [node('Relu', ['x'], ['y']), node('Neg', ['k'], ['c'])] });
    const p = planManifest(m);
    expect(p.tensors[p.outputs[1]!]!.role).toBe('weight');
    expect(p.steps).toHaveLength(1);
  });

  test('a random op is a step, not a weight baked with one sample (the same rule as fold-constants)', () => {
    const m = model({ inputs: { x: [2] }, outputs: ['y'], nodes: [node('RandomUniform', [], ['r'], { shape: { type: 'ints', value: [2] } }), node('Add', ['x', 'r'], ['y'])] });
    const p = planManifest(m);
    expect(p.steps.map((s) => s.kernel)).toEqual(['random_uniform_f32', 'add_f32']);
    expect(p.tensors.filter((t) => t.role === 'weight')).toEqual([]);
  });

  test('the MLP fixture plans every template kernel', () => {
    const p = planManifest(mlpModel(), new Map([['x', [3, 8]]]));
    expect(p.steps.map((s) => s.kernel)).toEqual([
      'gemm_f32', 'relu_f32', 'mat_mul_f32', 'add_f32', 'mul_f32', 'sub_f32', 'div_f32', 'tanh_f32', 'sigmoid_f32',
      'reshape_f32_i64', 'mat_mul_f32', 'softmax_f32',
    ]);
    expect(p.tensors[p.outputs[0]!]!.dims).toEqual([3, 2, 1, 4]);
  });
});

describe('planArena', () => {
  test('a chain reuses memory once a value is dead', () => {
    // t0 → step1 → t1 → step2 → t2: t0's block is free when t2 is written (t0 last read at step 1)
    const plan = planArena([
      { id: 0, byteSize: 100, firstStep: 0, lastStep: 1 },
      { id: 1, byteSize: 100, firstStep: 1, lastStep: 2 },
      { id: 2, byteSize: 100, firstStep: 2, lastStep: 3 },
    ]);
    expect(plan.offsets.get(0)).toBe(0);
    expect(plan.offsets.get(1)).toBe(128);
    expect(plan.offsets.get(2)).toBe(0);
    expect(plan.size).toBe(256);
  });
  test('first fit fills a gap left by a dead value', () => {
    const plan = planArena([
      { id: 0, byteSize: 64, firstStep: 0, lastStep: 1 },
      { id: 1, byteSize: 64, firstStep: 0, lastStep: 5 },
      { id: 2, byteSize: 64, firstStep: 2, lastStep: 3 },
    ]);
    expect(plan.offsets.get(0)).toBe(0);
    expect(plan.offsets.get(1)).toBe(64);
    expect(plan.offsets.get(2)).toBe(0);
    expect(plan.size).toBe(128);
  });
  test('the planned MLP arena is smaller than the sum of its intermediates', () => {
    const p = planManifest(mlpModel(), new Map([['x', [64, 8]]]));
    const sum = p.tensors.filter((t) => t.role === 'intermediate').reduce((a, t) => a + Math.ceil(t.byteSize / 64) * 64, 0);
    expect(p.arenaSize).toBeLessThan(sum);
    // live ranges never overlap in memory
    const inter = p.tensors.filter((t) => t.role === 'intermediate');
    const range = (id: number) => {
      const first = p.steps.findIndex((s) => s.outputs.includes(id));
      let last = first;
      p.steps.forEach((s, i) => s.inputs.includes(id) && (last = i));
      return [first, last] as const;
    };
    for (const a of inter) for (const b of inter) {
      if (a.id >= b.id) continue;
      const [fa, la] = range(a.id);
      const [fb, lb] = range(b.id);
      const timeOverlap = fa <= lb && fb <= la;
      const memOverlap = a.offset < b.offset + b.byteSize && b.offset < a.offset + a.byteSize;
      expect(timeOverlap && memOverlap).toBe(false);
    }
  });
});
