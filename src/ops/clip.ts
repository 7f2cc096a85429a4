import { CONSUMED_INPUTS } from './_elementwise';
import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// Opset < 11: bounds are float attributes min/max. From 11: optional scalar inputs min, max (12+: integer dtypes).
export default defineOp({
  op: 'Clip',
  sinceVersion: 1,
  untilVersion: 13,
  inputs: [{ name: 'input' }, { name: 'min', optional: true }, { name: 'max', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: { min: { type: 'float', default: -3.4028234663852886e38 }, max: { type: 'float', default: 3.4028234663852886e38 }, ...CONSUMED_INPUTS },
  infer: inferSameAsInput,
});
