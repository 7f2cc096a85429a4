import { defineBinaryOp } from './_elementwise';
import { INTS } from './_types';

// Integer dtypes, numpy broadcasting.
export default defineBinaryOp('BitwiseOr', { sinceVersion: 18, versions: [18], types: { T: INTS } });
