import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Cos', unaryKernel(Math.cos));
