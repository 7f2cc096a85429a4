import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';

// Output is bool. Legacy broadcast/axis attributes before opset 7, numpy broadcasting after.
export default defineBinaryOp('And', { sinceVersion: 1, untilVersion: 7, bool: true, attributes: LEGACY_BROADCAST });
