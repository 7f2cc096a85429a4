import { normalAttributes, inferRandomLike } from './_random-like';
import { defineOp } from './registry';

// RandomNormalLike-1/22: like RandomNormal, with the input's shape and (unless `dtype` is set) its dtype.
export default defineOp({
  op: 'RandomNormalLike',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: normalAttributes,
  infer: inferRandomLike,
});
