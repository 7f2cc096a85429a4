// backend-cpu against the interp: Conv, MaxPool, AveragePool, GlobalAveragePool, BatchNormalization.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers, toNumbers } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, int, ints, randomValues, type CpuHome, type KernelCase } from './support';

// A variance: positive.
const variance = (dims: number[]) => fromNumbers('float32', dims, Array.from(toNumbers(randomValues(dims)), (v) => Math.abs(v) + 0.1));
const sv = (v: string) => ({ type: 'string' as const, value: v });

describeWithTools(['cc'], 'backend-cpu conv and pooling kernels equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Conv 2-D under every micro-kernel: 1×1 as GEMM, 3×3 padded, strided, dilated, grouped, depthwise (vector rows), auto_pad, bias or not', async () => {
    const conv = (x: number[], w: number[], attrs: KernelCase['attrs'] = {}, bias = true): KernelCase => ({
      op: 'Conv',
      inputs: [x, randomValues(w), bias ? randomValues([w[0]!]) : null],
      attrs,
    });
    const cases: KernelCase[] = [
      conv([1, 3, 5, 5], [4, 3, 1, 1]),
      conv([2, 5, 7, 6], [3, 5, 1, 1], {}, false),
      conv([1, 3, 9, 7], [5, 3, 3, 3], { pads: ints(1, 1, 1, 1) }),
      conv([1, 4, 11, 10], [6, 4, 3, 2], { strides: ints(2, 3), pads: ints(0, 1, 2, 0) }),
      conv([1, 2, 13, 13], [3, 2, 3, 3], { dilations: ints(2, 3), pads: ints(2, 1, 2, 1) }),
      conv([2, 6, 8, 8], [4, 3, 3, 3], { group: int(2), pads: ints(1, 1, 1, 1) }),
      conv([1, 8, 9, 9], [8, 1, 3, 3], { group: int(8), strides: ints(2, 2), pads: ints(1, 1, 1, 1) }),
      conv([2, 5, 11, 7], [5, 1, 3, 3], { group: int(5), pads: ints(1, 2, 0, 1), dilations: ints(1, 2) }, false), // depthwise, direct
      conv([1, 3, 8, 9], [6, 1, 3, 2], { group: int(3), strides: ints(1, 2), pads: ints(1, 1, 1, 1) }), // depthwise, multiplier 2
      conv([1, 3, 10, 9], [2, 3, 4, 3], { auto_pad: sv('SAME_UPPER'), strides: ints(2, 2) }),
      conv([1, 3, 10, 9], [2, 3, 4, 3], { auto_pad: sv('SAME_LOWER') }),
      conv([1, 3, 10, 9], [2, 3, 4, 3], { auto_pad: sv('VALID') }, false),
      conv([1, 1, 1, 1], [1, 1, 1, 1]),
      conv([1, 5, 6, 7], [7, 5, 1, 1], { strides: ints(2, 2) }), // 1×1 strided: not the GEMM shortcut
      { op: 'Conv', inputs: [[1, 16, 12, 12], [8, 16, 3, 3]], attrs: { pads: ints(1, 1, 1, 1) } }, // weights as an input
      // Depthwise rows wide enough for every vector loop (32, 16, 8 wide) and its tail; strides 1 and 2.
      conv([2, 4, 9, 75], [4, 1, 3, 3], { group: int(4), pads: ints(1, 1, 1, 1) }),
      conv([1, 4, 9, 75], [4, 1, 3, 3], { group: int(4), pads: ints(1, 1, 1, 1), strides: ints(2, 2) }, false),
      conv([1, 3, 11, 70], [6, 1, 5, 5], { group: int(3), pads: ints(2, 2, 2, 2) }), // multiplier 2
      conv([1, 3, 11, 71], [3, 1, 5, 5], { group: int(3), pads: ints(2, 2, 2, 2), strides: ints(2, 2) }),
      conv([1, 2, 7, 66], [2, 1, 3, 3], { group: int(2), pads: ints(0, 2, 1, 2), dilations: ints(1, 2), strides: ints(1, 2) }),
      conv([1, 2, 5, 80], [2, 1, 1, 7], { group: int(2), strides: ints(1, 3), pads: ints(0, 3, 0, 3) }), // W stride 3: the tap loop
      // One input channel and many filters (melspectrogram's STFT): a GEMM, not depthwise.
      conv([1, 1, 1, 300], [33, 1, 1, 64], { strides: ints(1, 16) }),
      // At most 8 output positions: W read in place, 8 filters at a time (odd filter counts, batch, groups).
      conv([1, 1, 1, 120], [21, 1, 1, 48], { strides: ints(1, 16) }),
      conv([2, 4, 3, 3], [10, 2, 3, 3], { group: int(2) }, false),
      conv([1, 5, 7, 7], [9, 5, 3, 3], { strides: ints(3, 3) }),
      // Direct (conv-direct.c): bands whose last tile is 1 or 2 vectors wide, filters past a block, one output row,
      // 1×3 and 3×1 kernels (openWakeWord's), stride 2 with dilation, groups.
      conv([1, 16, 5, 45], [20, 16, 3, 3], { pads: ints(1, 1, 1, 1) }),
      conv([1, 24, 1, 30], [12, 24, 1, 3], { pads: ints(0, 1, 0, 1) }),
      conv([2, 9, 14, 4], [10, 9, 3, 1], {}, false),
      conv([1, 12, 21, 17], [16, 12, 3, 3], { strides: ints(2, 2), pads: ints(2, 2, 2, 2), dilations: ints(2, 2) }),
      conv([1, 8, 10, 13], [12, 4, 3, 3], { group: int(2), pads: ints(1, 1, 1, 1) }),
      conv([1, 32, 19, 29], [40, 32, 3, 3], { pads: ints(1, 1, 1, 1) }),
      // Rows sharing their zero columns (max(pl, pr) a row), and where they cannot (padding wider than the window
      // reaches): asymmetric W pads, a 3×1 kernel with W pads, pads 3 around a 3×3, W 2 wide.
      conv([1, 10, 6, 9], [9, 10, 1, 3], { pads: ints(0, 2, 0, 0) }),
      conv([1, 10, 6, 9], [9, 10, 3, 1], { pads: ints(0, 1, 0, 1) }),
      conv([1, 6, 7, 8], [5, 6, 3, 3], { pads: ints(3, 3, 3, 3) }),
      conv([1, 12, 10, 2], [16, 12, 1, 3], { pads: ints(0, 1, 0, 1) }),
    ];
    // im2col packs panels as wide as the micro-kernel's tile, and the depthwise rows use the same ISA: check
    // under every one (HODU_CPU_ISA), and with blocks and channels split between threads at odd boundaries.
    for (const isa of ['', 'avx2', 'c']) {
      expect(await compareWithInterp(cpu, `conv2d-${isa || 'auto'}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
    }
    expect(await compareWithInterp(cpu, 'conv2d-split', cases, 17, { HODU_CPU_SPLIT_SMALL: '1', HODU_THREADS: '2' })).toEqual([]);
  });

  test('Conv 1-D and 3-D', async () => {
    const cases: KernelCase[] = [
      { op: 'Conv', inputs: [[2, 3, 17], randomValues([4, 3, 5]), randomValues([4])], attrs: { pads: ints(2, 1), strides: ints(2) } },
      { op: 'Conv', inputs: [[1, 4, 9], randomValues([4, 2, 3])], attrs: { group: int(2), dilations: ints(3) } },
      { op: 'Conv', inputs: [[1, 2, 5, 6, 7], randomValues([3, 2, 3, 2, 3]), randomValues([3])], attrs: { pads: ints(1, 0, 1, 1, 1, 0) } },
      { op: 'Conv', inputs: [[1, 3, 20], randomValues([3, 1, 5])], attrs: { group: int(3), pads: ints(2, 2), strides: ints(3) } },
      { op: 'Conv', inputs: [[1, 2, 4, 5, 6], randomValues([2, 1, 2, 3, 3]), randomValues([2])], attrs: { group: int(2), pads: ints(1, 1, 1, 0, 1, 1) } },
      { op: 'Conv', inputs: [[1, 3, 90], randomValues([6, 1, 5]), randomValues([6])], attrs: { group: int(3), pads: ints(2, 2), strides: ints(2) } }, // 1-D depthwise rows
      { op: 'Conv', inputs: [[1, 1, 400], randomValues([20, 1, 48])], attrs: { strides: ints(10) } }, // 1 channel, 20 filters: GEMM
    ];
    expect(await compareWithInterp(cpu, 'conv-nd', cases)).toEqual([]);
  });

  test('MaxPool and AveragePool: pads, strides, dilations, ceil_mode, count_include_pad, 1-D to 3-D', async () => {
    const cases: KernelCase[] = ['MaxPool', 'AveragePool'].flatMap((op): KernelCase[] => [
      { op, inputs: [[1, 3, 8, 8]], attrs: { kernel_shape: ints(2, 2), strides: ints(2, 2) } },
      { op, inputs: [[2, 3, 5, 39]], attrs: { kernel_shape: ints(2, 2), strides: ints(2, 2) } }, // 19 per row: 8, 8 and a tail of 3; odd H and W
      { op, inputs: [[2, 3, 7, 9]], attrs: { kernel_shape: ints(3, 2), strides: ints(1, 2) } }, // windows inside, not 2×2
      { op, inputs: [[1, 2, 11]], attrs: { kernel_shape: ints(3), strides: ints(2) } },
      { op, inputs: [[2, 2, 7, 9]], attrs: { kernel_shape: ints(3, 3), pads: ints(1, 1, 1, 1), strides: ints(2, 2) } },
      { op, inputs: [[1, 2, 7, 9]], attrs: { kernel_shape: ints(3, 2), strides: ints(2, 2), ceil_mode: int(1) } },
      { op, inputs: [[1, 2, 10, 10]], attrs: { kernel_shape: ints(2, 2), dilations: ints(2, 2), strides: ints(1, 1) } },
      { op, inputs: [[1, 3, 9]], attrs: { kernel_shape: ints(4), pads: ints(2, 1), strides: ints(3) } },
      { op, inputs: [[1, 2, 4, 5, 6]], attrs: { kernel_shape: ints(2, 3, 2), strides: ints(2, 1, 2) } },
      { op, inputs: [[1, 1, 5, 5]], attrs: { kernel_shape: ints(3, 3), auto_pad: sv('SAME_UPPER') } },
    ]);
    cases.push(
      { op: 'AveragePool', inputs: [[1, 2, 7, 7]], attrs: { kernel_shape: ints(3, 3), pads: ints(1, 1, 1, 1), count_include_pad: int(1) } },
      { op: 'AveragePool', inputs: [[1, 2, 8, 7]], attrs: { kernel_shape: ints(3, 3), pads: ints(1, 1, 1, 1), strides: ints(2, 2), ceil_mode: int(1), count_include_pad: int(1) } },
    );
    expect(await compareWithInterp(cpu, 'pool', cases, 19)).toEqual([]);
  });

  test('GlobalAveragePool and BatchNormalization (per channel; per activation before opset 9)', async () => {
    const bn = (x: number[], c: number[], epsilon = 1e-5): KernelCase => ({
      op: 'BatchNormalization',
      inputs: [x, randomValues(c), randomValues(c), randomValues(c), variance(c)],
      attrs: { epsilon: float(epsilon) },
    });
    const cases: KernelCase[] = [
      { op: 'GlobalAveragePool', inputs: [[2, 3, 5, 7]] },
      { op: 'GlobalAveragePool', inputs: [[1, 4, 9]] },
      { op: 'GlobalAveragePool', inputs: [[1, 2, 1, 1]] },
      bn([2, 3, 4, 5], [3]),
      bn([1, 5], [5], 0.01),
      bn([3, 2, 7], [2]),
    ];
    expect(await compareWithInterp(cpu, 'gap-bn', cases)).toEqual([]);
    expect(await compareWithInterp(cpu, 'bn-per-activation', [bn([2, 3, 4], [3, 4])], 7)).toEqual([]);
  });
});
