import { defineUnaryOp } from './_elementwise';

// approximate: 'none' (exact, with erf) or 'tanh'.
export default defineUnaryOp('Gelu', { sinceVersion: 20, untilVersion: 20, attributes: { approximate: { type: 'string', default: 'none' } } });
