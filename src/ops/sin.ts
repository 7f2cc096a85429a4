import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('Sin', { sinceVersion: 7, versions: [7], types: { T: FLOATS } });
