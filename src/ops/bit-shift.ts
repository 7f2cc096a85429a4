import { defineBinaryOp } from './_elementwise';

// Unsigned integers only; direction is 'LEFT' or 'RIGHT'.
export default defineBinaryOp('BitShift', { sinceVersion: 11, untilVersion: 11, attributes: { direction: { type: 'string', required: true } } });
