import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './registry';

// LpPool-1 had a float `p`; -2 an int `p` (the kernel reads either); -11 pads semantics; -18 ceil_mode, dilations.
export default defineOp({
  op: 'LpPool',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { ...poolAttributes, p: { type: ['int', 'float'], default: 2 } },
  infer: (ctx) => inferPool(ctx).slice(0, 1),
});
