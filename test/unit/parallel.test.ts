/**
 * The worker pool (--threads) must give the same numbers as one thread: each output element is computed by
 * exactly one thread with the same code, so results are compared for equality. The ops are sized above
 * PARALLEL_MIN_MACS so that they really are split.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { PARALLEL_MIN_MACS, setThreads, threadCount } from '../../src/backends/interp/parallel/worker-pool';
import { gemm } from '../../src/backends/interp/util/gemm';
import { runConv } from '../../src/backends/interp/util/gemm-conv';
import { mulberry32 } from '../../src/util/prng';

const rand = mulberry32(7);
const values = (n: number) => Float32Array.from({ length: n }, () => rand() * 2 - 1);

function withThreads<T>(n: number, run: () => T): T {
  setThreads(n);
  try {
    return run();
  } finally {
    setThreads(1);
  }
}

describe('worker pool', () => {
  afterAll(() => setThreads(1));

  test('setThreads sizes the pool; 1 means no workers', () => {
    setThreads(3);
    expect(threadCount()).toBe(3);
    setThreads(1);
    expect(threadCount()).toBe(1);
  });

  test('a split gemm (transB, offsets, ldc, alpha, beta) equals the single-thread one', () => {
    const [m, n, k] = [203, 301, 420];
    expect(m * n * k).toBeGreaterThan(PARALLEL_MIN_MACS);
    const a = values(3 + m * k);
    const b = values(n * k);
    const c0 = values(m * (n + 5));
    const args = { m, n, k, a, aOffset: 3, b, transB: true, ldc: n + 5, alpha: 0.5, beta: -1 };
    const serial = Float32Array.from(c0);
    gemm({ ...args, c: serial });
    const split = Float32Array.from(c0);
    withThreads(2, () => gemm({ ...args, c: split }));
    expect(split).toEqual(serial);
  });

  test('a split conv (grouped, strided, with bias) and a split depthwise conv equal the single-thread ones', () => {
    for (const [channels, m, group] of [[64, 64, 2], [96, 96, 96]] as const) {
      const geom = { inDims: [60, 61], outDims: [30, 31], kernel: [3, 3], strides: [2, 2], dilations: [1, 1], padsBegin: [1, 1] };
      const problem = { x: values(2 * channels * 60 * 61), w: values(m * (channels / group) * 9), bias: values(m), batch: 2, channels, m, group, geom };
      const serial = new Float32Array(2 * m * 30 * 31);
      runConv({ ...problem, y: serial });
      const split = new Float32Array(serial.length);
      // The grouped case (34M MACs) is split; the depthwise one (1.6M) stays under the threshold and checks
      // that small ops keep running on the calling thread while a pool exists.
      withThreads(2, () => runConv({ ...problem, y: split }));
      expect(split).toEqual(serial);
    }
  });
});
