// backend-cpu's Conv of at most 8 output positions per image (plugins/backend-cpu/src/conv-dot.c: filters as dot
// products with the transposed windows) against the interp, under every vector width it has (16, 8, 4 lanes):
// K = C·taps with and without a vector tail, filter counts that leave 1-3 rows after the blocks of 4 (or 2), 1-8
// positions (one block of up to 5, or 4 and the 2-4 left), padding, dilation, groups, batch, 1-D to 3-D.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, installCpu, int, ints, randomValues, type CpuHome, type KernelCase } from './support';

describeWithTools(['cc'], 'backend-cpu conv of few output positions equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const conv = (x: number[], w: number[], attrs: KernelCase['attrs'] = {}, bias = true): KernelCase => ({
    op: 'Conv',
    inputs: [x, randomValues(w), bias ? randomValues([w[0]!]) : null],
    attrs,
  });
  const cases: KernelCase[] = [
    // melspectrogram's STFT in small: 1 channel, wide taps (K a multiple of 16), 5 frames.
    conv([1, 1, 400], [19, 1, 64], { strides: ints(80) }, false),
    // Silero's STFT: 4 frames, K = 96 (16-lane tail 0, but not a multiple of 32).
    conv([1, 1, 480], [13, 1, 96], { strides: ints(128) }),
    // Silero's encoder: channels × 3 taps (K = 387: tails on every width), padding 1, stride 1 and 2.
    conv([1, 129, 4], [10, 129, 3], { pads: ints(1, 1) }),
    conv([1, 37, 4], [7, 37, 3], { pads: ints(1, 1), strides: ints(2) }, false),
    conv([1, 21, 2], [6, 21, 3], { pads: ints(1, 1), strides: ints(2) }),
    // 6, 7 and 8 positions (a block of 4 and 2-4 more), batch 2, groups, dilation reaching into the padding.
    conv([2, 6, 8], [10, 3, 3], { group: int(2), pads: ints(1, 0) }),
    conv([1, 3, 10], [6, 3, 3], { pads: ints(0, 0) }),
    conv([1, 5, 13], [5, 5, 5], { dilations: ints(2), pads: ints(3, 3), strides: ints(2) }),
    conv([2, 3, 17], [4, 3, 2], { dilations: ints(3), strides: ints(2) }, false),
    // 2-D and 3-D of few positions.
    conv([2, 4, 3, 3], [10, 2, 3, 3], { group: int(2) }, false),
    conv([1, 5, 7, 7], [9, 5, 3, 3], { strides: ints(3, 3), pads: ints(1, 0, 0, 1) }),
    conv([1, 2, 4, 5, 6], [3, 2, 3, 3, 3], { strides: ints(2, 2, 3), pads: ints(1, 1, 1, 0, 0, 0) }),
    // One filter, one position.
    conv([1, 1, 7], [1, 1, 7]),
  ];

  test('every vector width, and filters split between threads at odd boundaries', async () => {
    for (const isa of ['', 'avx2', 'c']) {
      expect(await compareWithInterp(cpu, `conv-dot-${isa || 'auto'}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
    }
    expect(await compareWithInterp(cpu, 'conv-dot-split', cases, 17, { HODU_CPU_SPLIT_SMALL: '1', HODU_THREADS: '2' })).toEqual([]);
  });
});
