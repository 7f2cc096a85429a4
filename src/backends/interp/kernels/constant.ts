import { constantValue } from '../../../ops/constant';
import { registerKernel } from '../kernel';

// The attribute tensor itself (kernels never mutate storage, so sharing it is safe).
export default registerKernel('Constant', (_inputs, ctx) => [constantValue(ctx.node)]);
