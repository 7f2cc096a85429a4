/** Pass-test models from IR text, a runner on the interp, and the before/after comparisons. */
import { expect } from 'bun:test';
import { Executor } from '../../../src/backends/interp/executor';
import type { Model } from '../../../src/ir/graph';
import { printGraph } from '../../../src/ir/printer';
import { parseModel } from '../../../src/ir/text-parser';
import { fromNumbers, type Tensor, toNumbers } from '../../../src/ir/tensor';
import { verifyModel } from '../../../src/ir/verifier';
import { compareTensor } from '../../ops/harness';

export const f32 = (dims: number[], values: number[]): Tensor => fromNumbers('float32', dims, values);

/** The IR text form without the header line, for before/after comparisons. */
export const text = (m: Model) => printGraph(m.graph);

/** A template literal's text without its first newline and common indentation, so IR text can be indented in a test. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A model from the IR text of its main graph (src/ir/text-parser.ts), importing the default domain at `opset`. */
export const ir = (graph: string, opset = 17): Model => parseModel(`model ir=8 opsets=[ai.onnx:${opset}]\n${dedent(graph)}`);

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
