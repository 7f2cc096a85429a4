import { registerKernel } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default registerKernel('RandomNormal', (_inputs, ctx) => [randomTensor(ctx, 'normal', ctx.attr<number[]>('shape'), 'float32')]);
