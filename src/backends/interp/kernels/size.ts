import { int64Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('Size', (inputs, ctx) => [int64Tensor([tensorInput(inputs, 0, ctx).size], [])]);
