import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL } from './_types';

// Identity-1/13/14 (sequences)/16 (optionals)/19/21.
export default defineOp({
  op: 'Identity',
  sinceVersion: 1,
  versions: [1, 13, 14, 16, 19, 21], types: { V: ALL },
  inputs: [{ name: 'input', type: 'V' }],
  outputs: [{ name: 'output', type: 'V' }],
  attributes: {},
  infer: inferSameAsInput,
});
