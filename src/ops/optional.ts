import { defineOp } from './registry';

// Optional-15: wraps its input (a tensor or a sequence) in an optional, or makes an empty optional of the
// `type` attribute when the input is omitted.
export default defineOp({
  op: 'Optional',
  sinceVersion: 15,
  untilVersion: 21,
  inputs: [{ name: 'input', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: { type: { type: 'type_proto' } },
});
