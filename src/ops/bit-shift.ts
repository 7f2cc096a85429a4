import { defineBinaryOp } from './_elementwise';

// Unsigned integers only; direction is 'LEFT' or 'RIGHT'.
export default defineBinaryOp('BitShift', { sinceVersion: 11, versions: [11], types: { T: ['uint8', 'uint16', 'uint32', 'uint64'] }, attributes: { direction: { type: 'string', required: true } } });
