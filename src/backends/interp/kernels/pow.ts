import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

// bigint ** needs a non-negative exponent; an integer base to a negative power truncates to 0 unless |base| is 1.
function powBig(a: bigint, b: bigint): bigint {
  if (b >= 0n) return a ** b;
  if (a === 1n) return 1n;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  return 0n;
}

export default defineKernel('Pow', binaryKernel({ num: (a, b) => a ** b, big: powBig }));
