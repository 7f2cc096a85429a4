import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Sinh', unaryKernel(Math.sinh));
