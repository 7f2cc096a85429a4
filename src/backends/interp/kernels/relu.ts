import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// Integer inputs allowed from opset 14. NaN propagates.
export default defineKernel('Relu', unaryKernel((x) => (x < 0 ? 0 : x), (x) => (x > 0n ? x : 0n)));
