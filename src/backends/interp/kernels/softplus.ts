import { defineKernel } from '../kernel';
import { softplus, unaryKernel } from '../util/unary';

export default defineKernel('Softplus', unaryKernel(softplus));
