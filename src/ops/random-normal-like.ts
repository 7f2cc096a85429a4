import { normalAttributes, inferRandomLike } from './_random-like';
import { defineOp } from './schema';
import { ALL_BUT_BF16, FLOATS } from './_types';

// RandomNormalLike-1/22: like RandomNormal, with the input's shape and (unless `dtype` is set) its dtype.
export default defineOp({
  op: 'RandomNormalLike',
  sinceVersion: 1,
  versions: [1], types: { T1: ALL_BUT_BF16, T2: FLOATS },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: normalAttributes,
  infer: inferRandomLike,
});
