import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Acos', unaryKernel(Math.acos));
