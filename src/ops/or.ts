import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';

// Output is bool. Legacy broadcast/axis attributes before opset 7, numpy broadcasting after.
export default defineBinaryOp('Or', { sinceVersion: 1, versions: [1, 7], types: { T: ['bool'], T1: ['bool'] }, bool: true, attributes: LEGACY_BROADCAST });
