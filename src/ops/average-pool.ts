import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// AveragePool-1; -7 adds count_include_pad; -10 ceil_mode; -19 dilations.
export default defineOp({
  op: 'AveragePool',
  sinceVersion: 1,
  versions: [1, 7, 10, 11, 19], types: { T: FLOATS },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: { ...poolAttributes, count_include_pad: { type: 'int', default: 0 } },
  infer: (ctx) => inferPool(ctx).slice(0, 1),
});
