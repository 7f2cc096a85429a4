import { uniformAttributes, inferRandomLike } from './_random-like';
import { defineOp } from './registry';

// RandomUniformLike-1/22: like RandomUniform, with the input's shape and (unless `dtype` is set) its dtype.
export default defineOp({
  op: 'RandomUniformLike',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: uniformAttributes,
  infer: inferRandomLike,
});
