import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './registry';

// MaxPool-1; -8 adds storage_order and the Indices output; -10 dilations and ceil_mode; -12 int8/uint8.
export default defineOp({
  op: 'MaxPool',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }, { name: 'Indices', optional: true }],
  attributes: { ...poolAttributes, storage_order: { type: 'int', default: 0 } },
  infer: inferPool,
});
