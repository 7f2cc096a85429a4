import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';
import { binaryOperands, mapBinary, where } from '../util/binary';

// Unsigned only. Shifting by >= the bit width gives 0 (storage wraps the product modulo 2^bits).
const left = { num: (a: number, b: number) => a * 2 ** b, big: (a: bigint, b: bigint) => (b >= 64n ? 0n : a << b) };
const right = { num: (a: number, b: number) => Math.floor(a / 2 ** b), big: (a: bigint, b: bigint) => (b >= 64n ? 0n : a >> b) };

export default defineKernel('BitShift', (inputs, ctx) => {
  const [a, b] = binaryOperands(inputs, ctx);
  const direction = ctx.attr<string>('direction');
  if (direction !== 'LEFT' && direction !== 'RIGHT') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `direction must be 'LEFT' or 'RIGHT', got '${direction}'`);
  }
  if (!a.dtype.startsWith('uint')) {
    throw nodeError(ctx.node, 'E_DTYPE', `needs an unsigned integer input, got ${a.dtype}`);
  }
  return [mapBinary(a, b, a.dtype, direction === 'LEFT' ? left : right, where(ctx))];
});
