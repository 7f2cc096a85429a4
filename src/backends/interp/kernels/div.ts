import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

// Integer outputs truncate toward zero on store (as C and the ONNX reference do); x/0 for integers is
// undefined by the spec and gives 0 here instead of a crash.
export default defineKernel('Div', binaryKernel({ num: (a, b) => a / b, big: (a, b) => (b === 0n ? 0n : a / b) }));
