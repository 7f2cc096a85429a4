/**
 * backend-cpu's thread pool (plugins/backend-cpu/src/threads.c): with --threads 1, 2 and 3 the results equal
 * the interp (rtol 1e-4, atol 1e-5) on the generated models and on odd GEMM, conv and elementwise sizes.
 * HODU_CPU_SPLIT_SMALL=1 makes the plugin split even tiny ops (at odd boundaries) so that these small
 * models exercise every split; one case per kernel is also big enough to split without it. kernel-check.c
 * runs with a pool too (HODU_CHECK_THREADS).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Tensor } from '../../src/ir/tensor';
import { compareTensor } from '../ops/harness';
import { generateModels } from '../models/generate';
import { describeWithTools } from '../support/optional-tools';
import { ATOL, RTOL, buildCpuDriver, compareWithInterp, installCpu, int, ints, randomValues, type CpuHome, type KernelCase } from './support';

const MODELS: Record<string, string[]> = {
  'mlp.onnx': [],
  'resnet.onnx': ['--shape', 'image=2x3x32x32'],
  'mobilenet.onnx': [],
  'transformer.onnx': [],
  'lstm.onnx': [],
  'gru.onnx': [],
};
const SPLIT_SMALL = { HODU_CPU_SPLIT_SMALL: '1' };

describeWithTools(['cc'], 'backend-cpu with threads equals the interp', () => {
  let cpu: CpuHome;
  let paths: string[];
  beforeAll(async () => {
    cpu = installCpu();
    paths = await generateModels(join(cpu.dir, 'models'));
  });
  afterAll(() => cpu?.cleanup());

  test('the generated models at --threads 1, 2 and 3, every op split', async () => {
    for (const [file, extra] of Object.entries(MODELS)) {
      const model = paths.find((p) => p.endsWith(file))!;
      const run = async (backend: string, threads: string[], env: Record<string, string>) => {
        const out = join(cpu.dir, `${file}-${backend}-${threads.join('')}.npz`);
        const r = cpu.run(['run', model, '--random-inputs', '--seed', '9', ...extra, '--backend', backend, ...threads, '--output', out], env);
        expect(r.code === 0 ? '' : r.stderr).toBe('');
        return loadNpz(readFileSync(out));
      };
      const want = await run('interp', [], {});
      for (const n of ['1', '2', '3']) {
        const got = await run('cpu', ['--threads', n], SPLIT_SMALL);
        for (const [name, w] of want) {
          const problem = compareTensor(got.get(name) as Tensor, w as Tensor, RTOL, ATOL);
          expect(problem === null ? 'equal' : `${file} --threads ${n}: ${name}: ${problem}`).toBe('equal');
        }
      }
    }
  }, 300_000);

  const cases = (): KernelCase[] => [
    // GEMM: odd sizes around the tiles, one past the MC and KC blocks, and one big enough to split by itself.
    { op: 'MatMul', inputs: [[7, 13], [13, 33]] },
    { op: 'MatMul', inputs: [[29, 130], randomValues([130, 17])] },
    { op: 'MatMul', inputs: [[2, 171, 390], [390, 45]] },
    { op: 'Gemm', inputs: [[61, 97], randomValues([101, 97]), randomValues([101])], attrs: { transB: int(1) } },
    { op: 'MatMul', inputs: [[150, 260], [260, 190]] },
    // Conv: im2col + sgemm, pointwise, grouped, depthwise; odd spatial sizes; one big enough to split.
    { op: 'Conv', inputs: [[2, 3, 13, 11], randomValues([5, 3, 3, 3]), randomValues([5])], attrs: { pads: ints(1, 1, 1, 1) } },
    { op: 'Conv', inputs: [[1, 6, 9, 7], randomValues([9, 6, 1, 1])] },
    { op: 'Conv', inputs: [[1, 6, 11, 9], randomValues([4, 3, 3, 2])], attrs: { group: int(2), strides: ints(2, 1) } },
    { op: 'Conv', inputs: [[3, 5, 10, 9], randomValues([5, 1, 3, 3]), randomValues([5])], attrs: { group: int(5), pads: ints(1, 1, 1, 1) } },
    { op: 'Conv', inputs: [[1, 16, 40, 40], randomValues([24, 16, 3, 3])], attrs: { pads: ints(1, 1, 1, 1) } },
    { op: 'Conv', inputs: [[1, 32, 70, 70], randomValues([32, 1, 3, 3])], attrs: { group: int(32), pads: ints(1, 1, 1, 1) } },
    // Elementwise: broadcasting odometer from a task's first row, unary, Clip; 70000 floats split by themselves.
    { op: 'Add', inputs: [[3, 5, 7], [5, 1]] },
    { op: 'Mul', inputs: [[70001], [70001]] },
    { op: 'Sub', inputs: [[4, 1, 9], [1, 6, 9]] },
    { op: 'Sigmoid', inputs: [[70003]] },
    { op: 'Tanh', inputs: [[11, 13]] },
    { op: 'Clip', inputs: [[70005]], attrs: { min: { type: 'float', value: -0.5 }, max: { type: 'float', value: 0.25 } } },
  ];

  for (const n of ['1', '2', '3']) {
    test(`odd GEMM, conv and elementwise sizes at HODU_THREADS=${n}, split small and as in production`, async () => {
      expect(await compareWithInterp(cpu, `threads-${n}-small`, cases(), 10, { HODU_THREADS: n, ...SPLIT_SMALL })).toEqual([]);
      expect(await compareWithInterp(cpu, `threads-${n}`, cases(), 10, { HODU_THREADS: n })).toEqual([]);
    }, 120_000);
  }

  test('kernel-check.c passes with a pool of 2 and 3 threads, every kernel split', () => {
    const exe = join(cpu.dir, 'kernel-check');
    const build = buildCpuDriver('test/kernel-check.c', exe);
    expect(build.ok ? '' : build.stderr).toBe('');
    for (const threads of ['2', '3']) {
      const r = Bun.spawnSync([exe], { env: { ...process.env, HODU_CHECK_THREADS: threads, ...SPLIT_SMALL }, stdout: 'pipe' });
      const out = r.stdout.toString();
      expect(out).toContain(`threads: ${threads}\n`);
      expect(out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(r.exitCode).toBe(0);
    }
  });
});
