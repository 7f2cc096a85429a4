import { defineUnaryOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

// approximate: 'none' (exact, with erf) or 'tanh'.
export default defineUnaryOp('Gelu', { sinceVersion: 20, versions: [20], types: { T: FLOATS_BF16 }, attributes: { approximate: { type: 'string', default: 'none' } } });
