import { nodeError } from '../ir/node-error';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// Det-11/22: the determinant of each square matrix in the last two dims of X ([*, M, M] -> [*]).
export default defineOp({
  op: 'Det',
  sinceVersion: 11,
  versions: [11], types: { T: FLOATS },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {},
  infer: (ctx) => {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    if (x.shape.length < 2) {
      throw nodeError(ctx.node, 'E_SHAPE', `input must be [*, M, M], got rank ${x.shape.length}`);
    }
    return [{ dtype: x.dtype, shape: x.shape.slice(0, -2) }];
  },
});
