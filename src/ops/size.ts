import { defineOp } from './registry';

// Size-1/13/19/21: element count as an int64 scalar.
export default defineOp({
  op: 'Size',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'size' }],
  attributes: {},
  infer: () => [{ dtype: 'int64', shape: [] }],
});
