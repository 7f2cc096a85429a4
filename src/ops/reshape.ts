import type { Dim } from '../ir/graph';
import { constInts, dimProduct, dimQuotient, shapeError, unknownDims, vectorLength } from './_dim-inference';
import { defineOp } from './schema';
import type { InferContext } from './schema';
import { ALL } from './_types';

/**
 * The output dims of Reshape over possibly-symbolic input dims: 0 copies the input dim (unless allowzero),
 * one -1 is inferred from the element count. Shared by the schema; the kernel has its concrete twin.
 */
export function reshapeDims(ctx: InferContext, inDims: Dim[] | undefined, shape: number[], allowZero: boolean): Dim[] {
  const out: Dim[] = [];
  let inferAt = -1;
  shape.forEach((s, i) => {
    if (s === -1) {
      if (inferAt >= 0) throw shapeError(ctx, `shape [${shape.join(',')}] has more than one -1`);
      inferAt = i;
      out.push('?');
    } else if (s === 0 && !allowZero) {
      if (inDims && i >= inDims.length) throw shapeError(ctx, `shape [${shape.join(',')}] copies dim ${i} (0) but the input has rank ${inDims.length}`);
      out.push(inDims ? inDims[i]! : '?');
    } else if (s < 0) {
      throw shapeError(ctx, `shape [${shape.join(',')}] has an invalid value ${s}`);
    } else out.push(s);
  });
  if (allowZero && inferAt >= 0 && shape.includes(0)) throw shapeError(ctx, 'allowzero=1 shape cannot contain both 0 and -1');
  if (inferAt >= 0 && inDims) {
    const others = out.filter((_, i) => i !== inferAt);
    const total = dimProduct(inDims);
    const rest = dimProduct(others);
    if (typeof total === 'number' && typeof rest === 'number') {
      if (rest === 0 ? total !== 0 : total % rest !== 0) {
        throw shapeError(ctx, `cannot reshape [${inDims.join(',')}] to [${shape.join(',')}]`);
      }
      out[inferAt] = rest === 0 ? 0 : total / rest;
    } else out[inferAt] = dimQuotient(inDims, others) ?? '?';
  }
  return out;
}

// Reshape-1 takes the target shape as an attribute; from opset 5 it is the second input; opset 14 adds allowzero.
export default defineOp({
  op: 'Reshape',
  sinceVersion: 1,
  versions: [1, 5, 13, 14, 19, 21], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }, { name: 'shape', type: 'int64', optional: true }],
  outputs: [{ name: 'reshaped', type: 'T' }],
  attributes: {
    shape: { type: 'ints' },
    allowzero: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const data = ctx.inputs[0];
    const shape = ctx.opset < 5 ? ctx.attr<number[] | undefined>('shape') : constInts(ctx.inputs[1]);
    if (!shape) {
      const n = vectorLength(ctx.inputs[1]);
      return [{ dtype: data?.dtype, shape: n === undefined ? undefined : unknownDims(n) }];
    }
    return [{ dtype: data?.dtype, shape: reshapeDims(ctx, data?.shape, shape, ctx.opset >= 14 && ctx.attr<number>('allowzero') === 1) }];
  },
});
