import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';
import { ALL } from './_types';

// Output is bool. Legacy broadcast/axis attributes before opset 7, numpy broadcasting after.
export default defineBinaryOp('Equal', { sinceVersion: 1, versions: [1, 7, 11, 13, 19], types: { T: ALL, T1: ['bool'] }, bool: true, attributes: LEGACY_BROADCAST });
