import { defineOp } from './schema';
import { FLOATS, FLOATS_BF16 } from './_types';

// Dropout-1/6: `is_test` (0 = training) and `ratio` attributes, mask of the input's type.
// Dropout-7: always inference (identity); mask of the input's type. Dropout-10: mask is bool.
// Dropout-12/13: `ratio` and `training_mode` inputs, `seed` attribute; training with ratio r zeroes each
// element with probability r and scales the kept ones by 1/(1-r).
export default defineOp({
  op: 'Dropout',
  sinceVersion: 1,
  versions: [1, 6, 7, 10, 12, 13], types: { T: FLOATS_BF16, T1: FLOATS, T2: ['bool'] },
  inputs: [{ name: 'data', type: 'T' }, { name: 'ratio', type: 'T1', optional: true }, { name: 'training_mode', type: 'T2', optional: true }],
  outputs: [{ name: 'output', type: 'T' }, { name: 'mask', type: 'T2', optional: true }],
  attributes: {
    ratio: { type: 'float', default: 0.5 },
    is_test: { type: 'int', default: 0 },
    consumed_inputs: { type: 'ints' },
    seed: { type: 'int' },
  },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    return [
      { dtype: x?.dtype, shape: x?.shape?.slice() },
      { dtype: ctx.opset >= 10 ? 'bool' : x?.dtype, shape: x?.shape?.slice() },
    ];
  },
});
