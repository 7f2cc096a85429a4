import { defineOp } from './registry';

// Dropout-1/6: `is_test` (0 = training) and `ratio` attributes, mask of the input's type.
// Dropout-7: always inference (identity); mask of the input's type. Dropout-10: mask is bool.
// Dropout-12/13: `ratio` and `training_mode` inputs, `seed` attribute; training with ratio r zeroes each
// element with probability r and scales the kept ones by 1/(1-r).
export default defineOp({
  op: 'Dropout',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'data' }, { name: 'ratio', optional: true }, { name: 'training_mode', optional: true }],
  outputs: [{ name: 'output' }, { name: 'mask', optional: true }],
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
