import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('Asinh', { sinceVersion: 9, versions: [9], types: { T: FLOATS } });
