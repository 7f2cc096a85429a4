import { inferPool, poolAttributes } from './_pool';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// LpPool-1 had a float `p`; -2 an int `p` (the kernel reads either); -11 pads semantics; -18 ceil_mode, dilations.
export default defineOp({
  op: 'LpPool',
  sinceVersion: 1,
  versions: [1, 2, 11, 18], types: { T: FLOATS },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: { ...poolAttributes, p: { type: ['int', 'float'], default: 2 } },
  infer: (ctx) => inferPool(ctx).slice(0, 1),
});
