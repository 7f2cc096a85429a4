import type { Dim } from '../ir/graph';
import { constInts, dimProduct, dimQuotient, shapeError, unknownDims, vectorLength } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

/**
 * The output dims of Reshape: 0 copies the input dim (unless allowzero), one -1 is inferred from the element
 * count. The one implementation for shape inference (dims may be symbolic, or the input rank unknown) and the
 * interp kernel (concrete dims give concrete dims); `fail(why)` builds the caller's error.
 */
export function reshapeDims(inDims: readonly Dim[] | undefined, shape: readonly number[], allowZero: boolean, fail: (why: string) => Error): Dim[] {
  const out: Dim[] = [];
  let inferAt = -1;
  shape.forEach((s, i) => {
    if (s === -1) {
      if (inferAt >= 0) throw fail('more than one -1');
      inferAt = i;
      out.push('?');
    } else if (s === 0 && !allowZero) {
      if (inDims && i >= inDims.length) throw fail(`0 at position ${i} copies a dim the input does not have`);
      out.push(inDims ? inDims[i]! : '?');
    } else if (s < 0) {
      throw fail(`invalid value ${s}`);
    } else out.push(s);
  });
  if (allowZero && inferAt >= 0 && shape.includes(0)) throw fail('allowzero=1 shape cannot contain both 0 and -1');
  if (inferAt >= 0 && inDims) {
    const others = out.filter((_, i) => i !== inferAt);
    const total = dimProduct(inDims);
    const rest = dimProduct(others);
    if (typeof total === 'number' && typeof rest === 'number') {
      if (rest === 0 ? total !== 0 : total % rest !== 0) throw fail('the element count does not divide');
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
    const allowZero = ctx.opset >= 14 && ctx.attr<number>('allowzero') === 1;
    const fail = (why: string) => shapeError(ctx, `cannot reshape [${data?.shape?.join(',') ?? '?'}] to [${shape.join(',')}]: ${why}`);
    return [{ dtype: data?.dtype, shape: reshapeDims(data?.shape, shape, allowZero, fail) }];
  },
});
