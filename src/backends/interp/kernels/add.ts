import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

// C = A + B (numpy broadcasting; legacy broadcast/axis before opset 7). int64 is added exactly.
export default defineKernel('Add', binaryKernel({ num: (a, b) => a + b, big: (a, b) => a + b }));
