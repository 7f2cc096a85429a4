import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { toIntList } from '../ir/tensor';
import { defineOp } from './schema';
import { NUMERIC_BUT_BF16 } from './_types';

// Opset 1: k is an attribute; 10: k is the second input; 11: `largest` and `sorted` attributes.
export default defineOp({
  op: 'TopK',
  sinceVersion: 1,
  versions: [1, 10, 11], types: { T: NUMERIC_BUT_BF16, I: ['int64'] },
  inputs: [{ name: 'X', type: 'T' }, { name: 'K', type: 'int64', optional: true }],
  outputs: [{ name: 'Values', type: 'T' }, { name: 'Indices', type: 'I' }],
  attributes: {
    k: { type: 'int' },
    axis: { type: 'int', default: -1 },
    largest: { type: 'int', default: 1 },
    sorted: { type: 'int', default: 1 },
  },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const kIn = ctx.inputs[1];
    const k: Dim | undefined = ctx.opset < 10 ? ctx.attr<number>('k') : kIn?.value ? toIntList(kIn.value)[0] : undefined;
    let shape: Dim[] | undefined;
    if (x?.shape) {
      const axis = normalizeAxis(ctx.attr<number>('axis'), x.shape.length, ctx.node);
      shape = x.shape.map((d, i) => (i === axis ? k ?? '?' : d));
    }
    return [{ dtype: x?.dtype, shape }, { dtype: 'int64', shape: shape?.slice() }];
  },
});
