import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// ScatterElements-11/13/16 (reduction add, mul)/18 (max, min): a copy of data with
// out[indices[i][j]][j] = updates[i][j] (axis 0), combined per `reduction`.
export default defineOp({
  op: 'ScatterElements',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { type: 'int', default: 0 }, reduction: { type: 'string', default: 'none' } },
  infer: inferSameAsInput,
});
