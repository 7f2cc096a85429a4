import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './schema';

// MaxPool-1; -8 adds storage_order and the Indices output; -10 dilations and ceil_mode; -12 int8/uint8.
export default defineOp({
  op: 'MaxPool',
  sinceVersion: 1,
  versions: [1, 8, 10, 11, 12], types: { T: ['float32', 'float64', 'float16', 'int8', 'uint8'], I: ['int64'] },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }, { name: 'Indices', type: 'I', optional: true }],
  attributes: { ...poolAttributes, storage_order: { type: 'int', default: 0 } },
  infer: inferPool,
});
