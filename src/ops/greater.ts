import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';
import { NUMERIC } from './_types';

// Output is bool. Legacy broadcast/axis attributes before opset 7, numpy broadcasting after.
export default defineBinaryOp('Greater', { sinceVersion: 1, versions: [1, 7, 9, 13], types: { T: NUMERIC, T1: ['bool'] }, bool: true, attributes: LEGACY_BROADCAST });
