import { isFloatDType } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';
import { binaryOperands, mapBinary, where } from '../util/binary';

// fmod=1 is C fmod (JS %: sign of the dividend). fmod=0 is Python's %: the sign follows the divisor.
// Integer x % 0 is undefined by the spec; it gives 0 here.
const cMod = { num: (a: number, b: number) => a % b, big: (a: bigint, b: bigint) => (b === 0n ? 0n : a % b) };
const pyMod = {
  num: (a: number, b: number) => {
    if (b === 0) return 0;
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r;
  },
  big: (a: bigint, b: bigint) => {
    if (b === 0n) return 0n;
    const r = a % b;
    return r !== 0n && r < 0n !== b < 0n ? r + b : r;
  },
};

export default defineKernel('Mod', (inputs, ctx) => {
  const [a, b] = binaryOperands(inputs, ctx);
  const fmod = ctx.attr<number>('fmod');
  if (fmod !== 0 && fmod !== 1) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `fmod must be 0 or 1, got ${fmod}`);
  }
  if (fmod === 0 && isFloatDType(a.dtype)) {
    throw nodeError(ctx.node, 'E_ATTR', `floating-point inputs (${a.dtype}) need fmod=1`, 'the ONNX spec defines fmod=0 for integers only');
  }
  return [mapBinary(a, b, a.dtype, fmod === 1 ? cMod : pyMod, where(ctx))];
});
