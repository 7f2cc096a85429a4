import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Abs', unaryKernel(Math.abs, (x) => (x < 0n ? -x : x)));
