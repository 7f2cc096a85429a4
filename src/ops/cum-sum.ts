import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// CumSum-11/14: running sum along `axis` (a scalar input); exclusive leaves out the current element,
// reverse runs from the end.
export default defineOp({
  op: 'CumSum',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'x' }, { name: 'axis' }],
  outputs: [{ name: 'y' }],
  attributes: { exclusive: { type: 'int', default: 0 }, reverse: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
