import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Atanh', unaryKernel(Math.atanh));
