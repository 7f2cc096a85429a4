import { defineBinaryOp } from './_elementwise';
import { INTS } from './_types';

// Integer dtypes, numpy broadcasting.
export default defineBinaryOp('BitwiseAnd', { sinceVersion: 18, versions: [18], types: { T: INTS } });
