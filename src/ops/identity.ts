import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// Identity-1/13/14 (sequences)/16 (optionals)/19/21.
export default defineOp({
  op: 'Identity',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  infer: inferSameAsInput,
});
