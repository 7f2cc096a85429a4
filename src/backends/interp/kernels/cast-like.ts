import { defineKernel, tensorInput } from '../kernel';
import { castTensor } from './cast';

// Same conversion rules as Cast, with the target dtype taken from the second input.
export default defineKernel('CastLike', (inputs, ctx) => [castTensor(tensorInput(inputs, 0, ctx), tensorInput(inputs, 1, ctx).dtype)]);
