import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Atan', unaryKernel(Math.atan));
