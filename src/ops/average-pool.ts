import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './registry';

// AveragePool-1; -7 adds count_include_pad; -10 ceil_mode; -19 dilations.
export default defineOp({
  op: 'AveragePool',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { ...poolAttributes, count_include_pad: { type: 'int', default: 0 } },
  infer: (ctx) => inferPool(ctx).slice(0, 1),
});
