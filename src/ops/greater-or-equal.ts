import { defineBinaryOp } from './_elementwise';

// Output is bool, numpy broadcasting.
export default defineBinaryOp('GreaterOrEqual', { sinceVersion: 12, untilVersion: 16, bool: true });
