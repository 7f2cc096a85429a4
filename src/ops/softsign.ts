import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('Softsign', { sinceVersion: 1, versions: [1], types: { T: FLOATS } });
