import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// OptionalHasElement-15: whether an optional holds a value. 18: the input may be omitted (false) or be a
// plain tensor or sequence (true).
export default defineOp({
  op: 'OptionalHasElement',
  sinceVersion: 15,
  versions: [15, 18], types: { B: ['bool'], V: ALL_BUT_BF16 },
  inputs: [{ name: 'input', type: 'V', optional: true }],
  outputs: [{ name: 'output', type: 'B' }],
  attributes: {},
  infer: () => [{ dtype: 'bool', shape: [] }],
});
