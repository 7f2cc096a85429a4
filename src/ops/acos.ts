import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('Acos', { sinceVersion: 7, versions: [7], types: { T: FLOATS } });
