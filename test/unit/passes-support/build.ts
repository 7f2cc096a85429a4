/** Small models for the pass tests, a runner on the interp, and the before/after comparisons. */
import { expect } from 'bun:test';
import { Executor } from '../../../src/backends/interp/executor';
import type { DType } from '../../../src/ir/dtype';
import { emptyGraph, type Attribute, type Dim, type Model, type Node } from '../../../src/ir/graph';
import { printGraph } from '../../../src/ir/printer';
import { fromNumbers, type Tensor, toNumbers } from '../../../src/ir/tensor';
import { verifyModel } from '../../../src/ir/verifier';
import { compareTensor } from '../../ops/harness';

export const node = (op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node => ({ name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes });
export const ints = (value: number[]): Attribute => ({ type: 'ints', value });
export const int = (value: number): Attribute => ({ type: 'int', value });
export const f32 = (dims: number[], values: number[]): Tensor => fromNumbers('float32', dims, values);

export interface Spec {
  inputs: Record<string, Dim[]>;
  outputs: string[];
  inits?: Record<string, Tensor>;
  nodes: Node[];
  opset?: number;
  dtype?: DType;
}

export function model(s: Spec): Model {
  const graph = {
    ...emptyGraph('g'),
    nodes: s.nodes,
    inputs: Object.entries(s.inputs).map(([name, shape]) => ({ name, type: { kind: 'tensor' as const, dtype: s.dtype ?? 'float32', shape } })),
    outputs: s.outputs.map((name) => ({ name })),
    initializers: new Map(Object.entries(s.inits ?? {})),
  };
  return { irVersion: 8, opsetImports: [{ domain: '', version: s.opset ?? 17 }], metadata: {}, graph, functions: [] };
}

/** The IR text form without the header line, for before/after comparisons. */
export const text = (m: Model) => printGraph(m.graph);

export function run(m: Model, feeds: Record<string, Tensor>): Map<string, Tensor> {
  return new Executor(m).run(new Map(Object.entries(feeds))) as Map<string, Tensor>;
}

/** Deterministic pseudo-random values in [-1, 1) (a fixed LCG, so failures reproduce). */
export function values(n: number, seed = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/** The rewritten model is well formed and computes the same outputs as the original (rtol 1e-5). */
export function expectSameOutputs(before: Model, after: Model, feeds: Record<string, Tensor>, rtol = 1e-5, atol = 1e-6): void {
  verifyModel(after);
  const want = run(before, feeds);
  const got = run(after, feeds);
  for (const o of before.graph.outputs) {
    expect(compareTensor(got.get(o.name)!, want.get(o.name)!, rtol, atol)).toBeNull();
  }
}

export const numbers = (t: Tensor | undefined) => Array.from(toNumbers(t!));
