import { defineKernel } from '../kernel';
import { sigmoid, unaryKernel } from '../util/unary';

export default defineKernel('Sigmoid', unaryKernel(sigmoid));
