import { registerKernel } from '../kernel';
import { randomTensor } from '../util/random-fill';

export default registerKernel('RandomUniform', (_inputs, ctx) => [randomTensor(ctx, 'uniform', ctx.attr<number[]>('shape'), 'float32')]);
