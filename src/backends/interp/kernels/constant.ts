import { constantValue } from '../../../ops/constant';
import { defineKernel } from '../kernel';

// The attribute tensor itself (kernels never mutate storage, so sharing it is safe).
export default defineKernel('Constant', (_inputs, ctx) => [constantValue(ctx.node)]);
