import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// InstanceNormalization-1 (with consumed_inputs) and -6 share semantics.
export default defineOp({
  op: 'InstanceNormalization',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'scale' }, { name: 'B' }],
  outputs: [{ name: 'output' }],
  attributes: { epsilon: { type: 'float', default: 1e-5 }, consumed_inputs: { type: 'ints' } },
  infer: inferSameAsInput,
});
