import type { Node } from '../ir/graph';
import { int64Tensor, type Tensor } from '../ir/tensor';
import { readAttr } from './attrs';
import { defineOp } from './schema';
import { ALL } from './_types';

/** Shape-15 start/end: clamped like Python slicing of the dims list. */
export function shapeRange(rank: number, start: number, end: number | undefined): [number, number] {
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  return [clamp(start), clamp(end ?? rank)];
}

/**
 * The value of a Shape or Size node whose input has the static `dims` (undefined for any other node): what
 * constant folding and the planner use instead of running the kernel.
 */
export function shapeOrSizeValue(node: Node, opset: number, dims: readonly number[]): Tensor | undefined {
  if (node.domain !== '') return undefined;
  if (node.op === 'Size') return int64Tensor([dims.reduce((a, b) => a * b, 1)], []);
  if (node.op !== 'Shape') return undefined;
  const [s, e] = opset >= 15 ? shapeRange(dims.length, readAttr<number>(node, SHAPE, 'start'), readAttr<number | undefined>(node, SHAPE, 'end')) : [0, dims.length];
  return int64Tensor(dims.slice(s, Math.max(s, e)));
}

// Shape-1/13/15/19/21: the input's dims as a 1-D int64 tensor (opset 15 adds start/end).
const SHAPE = defineOp({
  op: 'Shape',
  sinceVersion: 1,
  versions: [1, 13, 15, 19, 21], types: { T: ALL, T1: ['int64'] },
  inputs: [{ name: 'data', type: 'T' }],
  outputs: [{ name: 'shape', type: 'T1' }],
  attributes: { start: { type: 'int', default: 0 }, end: { type: 'int' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: 'int64', shape: ['?'] }];
    const [s, e] = ctx.opset >= 15 ? shapeRange(x.shape.length, ctx.attr<number>('start'), ctx.attr<number | undefined>('end')) : [0, x.shape.length];
    return [{ dtype: 'int64', shape: [Math.max(0, e - s)] }];
  },
});
export default SHAPE;
