import { defineKernel } from '../kernel';
import { binaryOperands, mapBinary, where } from '../util/binary';

const generic = { num: (a: number, b: number) => a * b, big: (a: bigint, b: bigint) => a * b };
// A 32-bit product can need 64 bits, more than a double holds exactly: Math.imul keeps the low 32 bits
// exactly (the Uint32Array store reinterprets them for uint32).
const int32 = { num: Math.imul };

export default defineKernel('Mul', (inputs, ctx) => {
  const [a, b] = binaryOperands(inputs, ctx);
  const fns = (a.dtype === 'int32' || a.dtype === 'uint32') && a.dtype === b.dtype ? int32 : generic;
  return [mapBinary(a, b, a.dtype, fns, where(ctx))];
});
