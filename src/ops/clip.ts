import { CONSUMED_INPUTS } from './_elementwise';
import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { NUMERIC } from './_types';

// Opset < 11: bounds are float attributes min/max. From 11: optional scalar inputs min, max (12+: integer dtypes).
export default defineOp({
  op: 'Clip',
  sinceVersion: 1,
  versions: [1, 6, 11, 12, 13], types: { T: NUMERIC },
  inputs: [{ name: 'input', type: 'T' }, { name: 'min', type: 'T', optional: true }, { name: 'max', type: 'T', optional: true }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { min: { type: 'float', default: -3.4028234663852886e38 }, max: { type: 'float', default: 3.4028234663852886e38 }, ...CONSUMED_INPUTS },
  infer: inferSameAsInput,
});
