/**
 * backend-cpu's workers are shared (plugins/backend-cpu/src/threads.c): every handle of one thread count in
 * the process uses the same N-1 workers, so a model that runs as several native partitions starts N-1
 * threads, not N-1 per partition, and two sessions running at once share them without mixing their work.
 * The workers are named hodu-cpu, so /proc/self/task tells how many this process runs.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBackend } from '../../src/backends/registry';
import type { Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { compareTensor } from '../ops/harness';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { buildModel, HODU, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { buildCpuDriver, buildCpuLibrary, RTOL, randomValues } from './support';


/** Threads of this process named hodu-cpu: backend-cpu's workers. */
function cpuWorkers(): number {
  let n = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').startsWith('hodu-cpu')) n++;
    } catch {
      // the thread ended while we listed
    }
  }
  return n;
}

/**
 * cpuWorkers() once it reads `want`, or its last reading after a few seconds. A joined worker can still be
 * listed for a moment: pthread_join returns when the kernel clears the thread's tid, a little before the task
 * leaves /proc (seen once on a loaded machine as one worker too many right after dispose).
 */
async function settledWorkers(want: number): Promise<number> {
  const deadline = performance.now() + 5000;
  let n = cpuWorkers();
  while (n !== want && performance.now() < deadline) {
    await Bun.sleep(10);
    n = cpuWorkers();
  }
  return n;
}

const node = (name: string, op: string, inputs: string[], outputs: string[]): Node => ({ name, op, domain: '', inputs, outputs, attributes: {} });
const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

describeWithTools(['cc'], "backend-cpu's shared workers", () => {
  const t = tempDir('hodu-pool-');
  afterAll(() => t.cleanup());
  let lib = '';
  beforeAll(() => {
    lib = buildCpuLibrary(t.dir);
  });

  test.skipIf(process.platform !== 'linux')('a model of three native partitions at --threads 3 runs 2 workers in all, and equals the interp', async () => {
    // MatMul | Hardmax | MatMul | Hardmax | MatMul: cpu has no Hardmax, so three native partitions (three plugin handles);
    // 96³ products are big enough to split between threads.
    const model = prepareModel(buildModel({
      nodes: [node('m1', 'MatMul', ['x', 'w1'], ['a']), node('c1', 'Hardmax', ['a'], ['b']), node('m2', 'MatMul', ['b', 'w2'], ['c']), node('c2', 'Hardmax', ['c'], ['d']), node('m3', 'MatMul', ['d', 'w3'], ['y'])],
      inputs: [{ name: 'x', type: f32([96, 96]) }],
      outputs: [{ name: 'y', type: f32([96, 96]) }],
      initializers: new Map<string, Tensor>([['w1', randomValues([96, 96])], ['w2', randomValues([96, 96])], ['w3', randomValues([96, 96])]]),
    }));
    const feeds = new Map([['x', randomValues([96, 96])]]);
    const before = cpuWorkers();
    const cpu = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false });
    const { session, partitioned } = await createRunSession(model, cpu, { threads: 3 });
    const got = (await session.run(feeds)).get('y') as Tensor;
    expect(partitioned?.explain()?.partitions.map((p) => p.backend)).toEqual(['cpu', 'interp', 'cpu', 'interp', 'cpu']);
    expect(await settledWorkers(before + 2)).toBe(before + 2);
    const interp = await (await loadBackend('interp')).createSession(model, {});
    const want = (await interp.run(feeds)).get('y') as Tensor;
    // float32 sums of 96 products against the interp's: a looser atol than support.ts's one-node cases.
    const problem = compareTensor(got, want, RTOL, 1e-4);
    expect(problem === null ? 'equal' : `y: ${problem}`).toBe('equal');
    session.dispose?.();
    expect(await settledWorkers(before)).toBe(before);
  });

  test.skipIf(process.platform !== 'linux')('pool-check.c: pools share workers, two sessions at once on them get one thread\'s bits', () => {
    const exe = join(t.dir, 'pool-check');
    const build = buildCpuDriver('test/pool-check.c', exe);
    expect(build.ok ? '' : build.stderr).toBe('');
    for (const env of [{ HODU_CPU_SPLIT_SMALL: '1' }, {}]) {
      const r = Bun.spawnSync([exe], { env: { ...process.env, ...env }, stdout: 'pipe' });
      const out = r.stdout.toString();
      expect(out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(r.exitCode).toBe(0);
    }
    // The default thread count follows the affinity mask: pinned to one CPU, one thread.
    if (Bun.which('taskset')) expect(Bun.spawnSync(['taskset', '-c', '0', exe], { stdout: 'pipe' }).stdout.toString()).toContain('cores: 1\n');
  });

  test.skipIf(process.platform !== 'linux' || !Bun.which('taskset'))("hodu's default --threads follows the affinity mask too", () => {
    const model = join(t.dir, 'tiny.onnx');
    writeModelFile(model, buildModel({ nodes: [node('r', 'Relu', ['x'], ['y'])], inputs: [{ name: 'x', type: f32([4]) }], outputs: [{ name: 'y', type: f32([4]) }] }));
    requireBinary();
    const threads = (cpus: string) => {
      const r = Bun.spawnSync(['taskset', '-c', cpus, HODU, 'run', model, '--random-inputs', '--benchmark', '--runs', '1', '--json'], { stdout: 'pipe', stderr: 'pipe', env: { ...process.env, HODU_HOME: join(t.dir, 'home') } });
      return (JSON.parse(r.stdout.toString()) as { threads: number }).threads;
    };
    expect(threads('0')).toBe(1);
  });
});
