import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Softsign', unaryKernel((x) => x / (1 + Math.abs(x))));
