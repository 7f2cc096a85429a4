import { defineKernel } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default defineKernel('RandomUniform', (_inputs, ctx) => [randomTensor(ctx, 'uniform', ctx.attr<number[]>('shape'), 'float32')]);
