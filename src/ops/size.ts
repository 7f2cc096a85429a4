import { defineOp } from './schema';
import { ALL } from './_types';

// Size-1/13/19/21: element count as an int64 scalar.
export default defineOp({
  op: 'Size',
  sinceVersion: 1,
  versions: [1, 13, 19, 21], types: { T: ALL, T1: ['int64'] },
  inputs: [{ name: 'data', type: 'T' }],
  outputs: [{ name: 'size', type: 'T1' }],
  attributes: {},
  infer: () => [{ dtype: 'int64', shape: [] }],
});
