import { defineKernel } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default defineKernel('RandomNormal', (_inputs, ctx) => [randomTensor(ctx, 'normal', ctx.attr<number[]>('shape'), 'float32')]);
