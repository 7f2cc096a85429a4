import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// InstanceNormalization-1 (with consumed_inputs) and -6 share semantics.
export default defineOp({
  op: 'InstanceNormalization',
  sinceVersion: 1,
  versions: [1, 6], types: { T: FLOATS },
  inputs: [{ name: 'input', type: 'T' }, { name: 'scale', type: 'T' }, { name: 'B', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { epsilon: { type: 'float', default: 1e-5 }, consumed_inputs: { type: 'ints' } },
  infer: inferSameAsInput,
});
