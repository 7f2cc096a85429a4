import { defineBinaryOp } from './_elementwise';
import { NUMERIC } from './_types';

// fmod=0: integer modulo whose sign follows the divisor (Python %); fmod=1: C fmod (sign of the dividend).
export default defineBinaryOp('Mod', { sinceVersion: 10, versions: [10, 13], types: { T: NUMERIC }, attributes: { fmod: { type: 'int', default: 0 } } });
