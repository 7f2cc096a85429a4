import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

// Defaults are the float32 constants from the SELU paper, as written in the ONNX spec.
export default defineUnaryOp('Selu', {
  sinceVersion: 1,
  versions: [1, 6], types: { T: FLOATS },
  attributes: {
    alpha: { type: 'float', default: 1.67326319217681884765625 },
    gamma: { type: 'float', default: 1.05070102214813232421875 },
    ...CONSUMED_INPUTS,
  },
});
