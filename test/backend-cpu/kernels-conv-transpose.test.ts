// backend-cpu's ConvTranspose (conv-transpose.c) against the interp on random inputs: 1-3 spatial dims, groups,
// strides, dilations, pads, auto_pad (SAME_UPPER, SAME_LOWER, VALID), output_padding, output_shape, bias,
// size-1 dims, kernel = stride (the exact-cover store), an image large enough to take several column blocks,
// and 1 and 3 threads.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, installCpu, int, ints, randomValues, type CpuHome, type KernelCase } from './support';

const str = (value: string) => ({ type: 'string' as const, value });
/** X dims, W dims (a weight), bias length or 0, attributes. */
const ct = (x: number[], w: number[], bias: number, attrs: KernelCase['attrs'] = {}): KernelCase =>
  ({ op: 'ConvTranspose', inputs: [x, randomValues(w), ...(bias ? [randomValues([bias])] : [])], attrs });

const CASES: KernelCase[] = [
  ct([1, 3, 5, 7], [3, 2, 3, 3], 2),
  ct([2, 4, 6, 5], [4, 3, 2, 2], 3, { strides: ints(2, 2) }),
  ct([1, 4, 5, 5], [4, 2, 3, 3], 4, { strides: ints(2, 2), pads: ints(1, 1, 1, 1), group: int(2) }),
  ct([1, 3, 4, 6], [3, 2, 3, 2], 0, { strides: ints(3, 2), dilations: ints(2, 1), pads: ints(0, 1, 2, 0) }),
  ct([1, 2, 5, 5], [2, 3, 3, 3], 3, { strides: ints(2, 2), output_padding: ints(1, 1) }),
  ct([1, 2, 3, 4], [2, 1, 3, 3], 1, { strides: ints(2, 2), output_shape: ints(8, 9) }),
  ct([1, 2, 3, 4], [2, 1, 3, 3], 1, { strides: ints(2, 2), output_shape: ints(1, 1, 6, 7) }),
  ct([1, 2, 4, 5], [2, 2, 3, 3], 0, { strides: ints(2, 2), auto_pad: str('SAME_UPPER') }),
  ct([1, 2, 4, 5], [2, 2, 4, 3], 2, { strides: ints(2, 3), auto_pad: str('SAME_LOWER') }),
  ct([1, 2, 4, 5], [2, 2, 3, 3], 0, { auto_pad: str('VALID') }),
  ct([1, 6, 3, 3], [6, 1, 3, 3], 6, { group: int(6), strides: ints(2, 2), pads: ints(1, 1, 1, 1), output_padding: ints(1, 1) }),
  ct([1, 1, 1, 1], [1, 1, 1, 1], 1),
  ct([3, 2, 1, 4], [2, 5, 1, 2], 5, { strides: ints(1, 2) }),
  ct([1, 3, 9], [3, 2, 4], 2, { strides: ints(3), pads: ints(1, 2) }),
  ct([1, 2, 3, 4, 3], [2, 3, 2, 3, 2], 3, { strides: ints(2, 1, 2), dilations: ints(1, 2, 1), pads: ints(0, 1, 0, 1, 0, 1) }),
  ct([1, 4, 150, 100], [4, 16, 3, 3], 16, { strides: ints(1, 1), pads: ints(1, 1, 1, 1) }),
  ct([1, 8, 20, 20], [8, 4, 2, 2], 4, { strides: ints(2, 2) }),
  // kernel = stride (each output element gets exactly one tap): with pads, groups, 1-D; and with output_padding (not exact).
  ct([2, 4, 5, 3], [4, 3, 2, 2], 6, { strides: ints(2, 2), pads: ints(1, 0, 1, 1), group: int(2) }),
  ct([1, 3, 7], [3, 2, 3], 2, { strides: ints(3), pads: ints(1, 2) }),
  ct([1, 2, 3, 3], [2, 2, 2, 2], 2, { strides: ints(2, 2), output_padding: ints(1, 0) }),
];

describeWithTools(['cc'], 'backend-cpu ConvTranspose equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  for (const threads of ['1', '3']) {
    test(`groups, strides, dilations, pads, auto_pad, output_padding, output_shape, 1-3 spatial dims (${threads} thread(s))`, async () => {
      const env = { HODU_THREADS: threads, HODU_CPU_SPLIT_SMALL: '1' };
      expect(await compareWithInterp(cpu, `conv-transpose-${threads}`, CASES, 17, env)).toEqual([]);
    });
  }
});
