import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Tan', unaryKernel(Math.tan));
