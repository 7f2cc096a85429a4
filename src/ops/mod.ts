import { defineBinaryOp } from './_elementwise';

// fmod=0: integer modulo whose sign follows the divisor (Python %); fmod=1: C fmod (sign of the dividend).
export default defineBinaryOp('Mod', { sinceVersion: 10, untilVersion: 13, attributes: { fmod: { type: 'int', default: 0 } } });
