import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';

// BatchNormalization-1/6: is_test, spatial (and consumed_inputs in 1); -7: spatial only; -9: always spatial;
// -14: training_mode with running_mean/running_var outputs; -15: scale/bias and mean/var may have their own dtypes.
export default defineOp({
  op: 'BatchNormalization',
  sinceVersion: 1,
  versions: [1, 6, 7, 9, 14, 15], types: { T: FLOATS_BF16, T1: FLOATS_BF16, T2: FLOATS_BF16 },
  inputs: [{ name: 'X', type: 'T' }, { name: 'scale', type: 'T1' }, { name: 'B', type: 'T1' }, { name: 'input_mean', type: 'T2' }, { name: 'input_var', type: 'T2' }],
  outputs: [
    { name: 'Y', type: 'T' },
    { name: 'running_mean', type: 'T2', optional: true },
    { name: 'running_var', type: 'T2', optional: true },
    { name: 'saved_mean', type: 'T2', optional: true },
    { name: 'saved_var', type: 'T2', optional: true },
  ],
  attributes: {
    epsilon: { type: 'float', default: 1e-5 },
    momentum: { type: 'float', default: 0.9 },
    spatial: { type: 'int', default: 1 },
    is_test: { type: 'int', default: 0 },
    consumed_inputs: { type: 'ints' },
    training_mode: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const mean = ctx.inputs[3];
    const stat = { dtype: mean?.dtype, shape: mean?.shape?.slice() };
    return [{ dtype: x?.dtype, shape: x?.shape?.slice() }, stat, { ...stat }];
  },
});
