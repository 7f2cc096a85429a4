import { defineKernel, tensorInput } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default defineKernel('RandomUniformLike', (inputs, ctx) => {
  const like = tensorInput(inputs, 0, ctx);
  return [randomTensor(ctx, 'uniform', like.dims, like.dtype)];
});
