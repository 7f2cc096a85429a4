import { defineKernel } from '../kernel';

// Passes any value through (tensor, sequence or absent optional); storage is never mutated so no copy.
export default defineKernel('Identity', (inputs) => [inputs[0] ?? null]);
