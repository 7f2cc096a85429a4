import { defineOp } from './registry';

// BatchNormalization-1/6: is_test, spatial (and consumed_inputs in 1); -7: spatial only; -9: always spatial;
// -14: training_mode with running_mean/running_var outputs; -15: scale/bias and mean/var may have their own dtypes.
export default defineOp({
  op: 'BatchNormalization',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }, { name: 'scale' }, { name: 'B' }, { name: 'input_mean' }, { name: 'input_var' }],
  outputs: [
    { name: 'Y' },
    { name: 'running_mean', optional: true },
    { name: 'running_var', optional: true },
    { name: 'saved_mean', optional: true },
    { name: 'saved_var', optional: true },
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
