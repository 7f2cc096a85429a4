import { defineBinaryOp } from './_elementwise';

// Integer dtypes, numpy broadcasting.
export default defineBinaryOp('BitwiseAnd', { sinceVersion: 18, untilVersion: 18 });
