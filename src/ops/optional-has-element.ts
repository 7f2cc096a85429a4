import { defineOp } from './registry';

// OptionalHasElement-15: whether an optional holds a value. 18: the input may be omitted (false) or be a
// plain tensor or sequence (true).
export default defineOp({
  op: 'OptionalHasElement',
  sinceVersion: 15,
  untilVersion: 21,
  inputs: [{ name: 'input', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: {},
  infer: () => [{ dtype: 'bool', shape: [] }],
});
