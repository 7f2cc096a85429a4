import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Asin', unaryKernel(Math.asin));
