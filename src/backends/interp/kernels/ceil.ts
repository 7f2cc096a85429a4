import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Ceil', unaryKernel(Math.ceil));
