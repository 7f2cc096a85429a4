import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Reciprocal', unaryKernel((x) => 1 / x));
