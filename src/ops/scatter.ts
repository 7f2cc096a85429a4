import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// Scatter-9 (deprecated at 11 for ScatterElements): ScatterElements without `reduction`.
export default defineOp({
  op: 'Scatter',
  sinceVersion: 9,
  untilVersion: 10,
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
