import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';

// Z = X ** Y. From opset 12 the exponent may have another dtype than the base; Z has the base's dtype.
export default defineBinaryOp('Pow', { sinceVersion: 1, untilVersion: 15, attributes: LEGACY_BROADCAST });
