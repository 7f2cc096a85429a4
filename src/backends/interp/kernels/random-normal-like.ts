import { defineKernel, tensorInput } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default defineKernel('RandomNormalLike', (inputs, ctx) => {
  const like = tensorInput(inputs, 0, ctx);
  return [randomTensor(ctx, 'normal', like.dims, like.dtype)];
});
