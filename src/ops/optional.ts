import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// Optional-15: wraps its input (a tensor or a sequence) in an optional, or makes an empty optional of the
// `type` attribute when the input is omitted.
export default defineOp({
  op: 'Optional',
  sinceVersion: 15,
  versions: [15], types: { V: ALL_BUT_BF16 },
  inputs: [{ name: 'input', type: 'V', optional: true }],
  outputs: [{ name: 'output', type: 'V' }],
  attributes: { type: { type: 'type_proto' } },
});
