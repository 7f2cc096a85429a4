import { defineBinaryOp } from './_elementwise';
import { NUMERIC } from './_types';

// Output is bool, numpy broadcasting.
export default defineBinaryOp('GreaterOrEqual', { sinceVersion: 12, versions: [12, 16], types: { T: NUMERIC, T1: ['bool'] }, bool: true });
