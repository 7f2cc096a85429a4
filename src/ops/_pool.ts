/** Schema pieces shared by MaxPool, AveragePool and LpPool (and their Global variants). */
import type { Dim } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import type { NodeRef } from '../ir/node-label';
import { readWindowAttrs, resolveWindow, type Window } from './_window-geometry';
import { defineOp } from './schema';
import type { AttrSpec, InferContext, InferOutput, OpFacts, OpSchema } from './schema';

export const poolAttributes: Record<string, AttrSpec> = {
  auto_pad: { type: 'string', default: 'NOTSET' },
  kernel_shape: { type: 'ints', required: true },
  pads: { type: 'ints' },
  strides: { type: 'ints' },
  dilations: { type: 'ints' },
  ceil_mode: { type: 'int', default: 0 },
};

/** The pooling window of a node over spatial dims `spatial` (attributes read through `attr`). */
export function poolWindow(spatial: Dim[], attr: <T>(name: string) => T, node: NodeRef): Window {
  const kernel = attr<number[] | undefined>('kernel_shape');
  if (!kernel?.length) throw nodeError(node, 'E_ATTR', 'kernel_shape is required');
  return resolveWindow(spatial, {
    ...readWindowAttrs(attr, kernel),
    ceilMode: attr<number | undefined>('ceil_mode') === 1,
  }, node);
}

/** [N, C, pooled spatial...] with X's dtype (plus int64 Indices for MaxPool). */
export function inferPool(ctx: InferContext): InferOutput[] {
  const x = ctx.inputs[0];
  if (!x?.shape) return [{ dtype: x?.dtype }, { dtype: 'int64' }];
  const win = poolWindow(x.shape.slice(2), ctx.attr, ctx.node);
  const shape = [...x.shape.slice(0, 2), ...win.out];
  return [{ dtype: x.dtype, shape }, { dtype: 'int64', shape }];
}

/** A global pool (GlobalAveragePool, GlobalMaxPool, GlobalLpPool): X -> Y over all spatial dims. */
export function defineGlobalPool(op: string, facts: OpFacts, attributes: Record<string, AttrSpec> = {}): OpSchema {
  return defineOp({ op, sinceVersion: 1, ...facts, inputs: [{ name: 'X', type: 'T' }], outputs: [{ name: 'Y', type: 'T' }], attributes, infer: inferGlobalPool });
}

/** Global pools: [N, C, 1, 1, ...]. */
function inferGlobalPool(ctx: InferContext): InferOutput[] {
  const x = ctx.inputs[0];
  if (!x?.shape) return [{ dtype: x?.dtype }];
  return [{ dtype: x.dtype, shape: [...x.shape.slice(0, 2), ...x.shape.slice(2).map(() => 1)] }];
}
