import { int64Tensor } from '../../../ir/tensor';
import { registerKernel, tensorInput } from '../kernel';

export default registerKernel('Size', (inputs, ctx) => [int64Tensor([tensorInput(inputs, 0, ctx).size], [])]);
