import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Acosh', unaryKernel(Math.acosh));
