import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { HIGH_PRECISION, INDEX } from './_types';

// CumSum-11/14: running sum along `axis` (a scalar input); exclusive leaves out the current element,
// reverse runs from the end.
export default defineOp({
  op: 'CumSum',
  sinceVersion: 11,
  versions: [11, 14], types: { T: HIGH_PRECISION, T2: INDEX },
  inputs: [{ name: 'x', type: 'T' }, { name: 'axis', type: 'T2' }],
  outputs: [{ name: 'y', type: 'T' }],
  attributes: { exclusive: { type: 'int', default: 0 }, reverse: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
