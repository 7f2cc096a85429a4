import { defineBinaryOp } from './_elementwise';

// Integer dtypes, numpy broadcasting.
export default defineBinaryOp('BitwiseOr', { sinceVersion: 18, untilVersion: 18 });
