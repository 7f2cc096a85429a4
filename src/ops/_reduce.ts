import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import type { NodeRef } from '../ir/node-label';
import { sizeOf, toIntList } from '../ir/tensor';
import { defineOp } from './schema';
import type { InferContext, InferOutput, OpFacts, OpSchema } from './schema';

/**
 * The axes a Reduce node reduces, or undefined when they are not known statically.
 * `axes` is an attribute before `axesInputSince` (13 for ReduceSum, 18 for the others) and an optional
 * input from then on. Empty axes mean "all axes", or "none" with noop_with_empty_axes=1.
 */
function inferAxes(ctx: InferContext, rank: number, axesInputSince: number): number[] | undefined {
  let axes: number[] | undefined;
  if (ctx.opset >= axesInputSince) {
    const input = ctx.inputs[1];
    if (input && !input.value) return undefined;
    axes = input?.value ? toIntList(input.value) : [];
  } else {
    axes = ctx.attr<number[] | undefined>('axes') ?? [];
  }
  if (axes.length === 0) return ctx.attr<number>('noop_with_empty_axes') ? [] : [...Array(rank).keys()];
  return axes.map((a) => normalizeAxis(a, rank, ctx.node));
}

function inferReduce(ctx: InferContext, axesInputSince: number): InferOutput[] {
  const x = ctx.inputs[0];
  if (!x?.shape) return [{ dtype: x?.dtype }];
  const axes = inferAxes(ctx, x.shape.length, axesInputSince);
  if (!axes) return [{ dtype: x.dtype }];
  const keep = ctx.attr<number>('keepdims') !== 0;
  const shape: Dim[] = [];
  x.shape.forEach((d, i) => {
    if (!axes.includes(i)) shape.push(d);
    else if (keep) shape.push(1);
  });
  return [{ dtype: x.dtype, shape }];
}

/** Defines a ReduceX op: data (+ axes input from `axesInputSince`) -> reduced. */
export function defineReduceOp(op: string, axesInputSince: number, facts: OpFacts): OpSchema {
  return defineOp({
    op,
    sinceVersion: 1,
    ...facts,
    inputs: [{ name: 'data', type: 'T' }, { name: 'axes', type: 'int64', optional: true }],
    outputs: [{ name: 'reduced', type: 'T' }],
    attributes: {
      axes: { type: 'ints' },
      keepdims: { type: 'int', default: 1 },
      noop_with_empty_axes: { type: 'int', default: 0 },
    },
    infer: (ctx) => inferReduce(ctx, axesInputSince),
  });
}

/** Softmax, LogSoftmax, Hardmax: same shape and dtype; `axis` defaults to 1 before opset 13 and -1 from 13. */
/**
 * Softmax-family layout of an input with static `dims`: `outer` groups of `axisLen` elements spaced `inner`
 * apart. Opset < 13 coerces the input to 2-D at `axis` (default 1), so the whole tail is one group; from 13
 * only `axis` (default -1) is normalized. Shared by the interp kernels and the manifest metadata.
 */
export function softmaxLayout(dims: readonly number[], opset: number, given: number | undefined, node: NodeRef): { outer: number; axisLen: number; inner: number } {
  const legacy = opset < 13;
  // Before 13 the axis splits the dims in two, so it may be the rank itself (all dims in the outer part).
  const axis = normalizeAxis(given ?? (legacy ? 1 : -1), dims.length, node, 'axis', { allowEnd: legacy });
  const outer = sizeOf(dims.slice(0, axis));
  if (legacy) return { outer, axisLen: sizeOf(dims.slice(axis)), inner: 1 };
  return { outer, axisLen: dims[axis]!, inner: sizeOf(dims.slice(axis + 1)) };
}

export function defineSoftmaxOp(op: string, facts: OpFacts): OpSchema {
  return defineOp({
    op,
    sinceVersion: 1,
    ...facts,
    inputs: [{ name: 'input', type: 'T' }],
    outputs: [{ name: 'output', type: 'T' }],
    attributes: { axis: { type: 'int' } },
    infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }],
  });
}

/** ArgMax/ArgMin: int64 indices along `axis`, keepdims; select_last_index from opset 12. */
export function defineArgOp(op: string, facts: OpFacts): OpSchema {
  return defineOp({
    op,
    sinceVersion: 1,
    ...facts,
    inputs: [{ name: 'data', type: 'T' }],
    outputs: [{ name: 'reduced', type: 'int64' }],
    attributes: {
      axis: { type: 'int', default: 0 },
      keepdims: { type: 'int', default: 1 },
      select_last_index: { type: 'int', default: 0 },
    },
    infer: (ctx) => {
      const shape = ctx.inputs[0]?.shape;
      if (!shape) return [{ dtype: 'int64' }];
      const axis = normalizeAxis(ctx.attr<number>('axis'), shape.length, ctx.node);
      const keep = ctx.attr<number>('keepdims') !== 0;
      return [{ dtype: 'int64', shape: keep ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis) }];
    },
  });
}
