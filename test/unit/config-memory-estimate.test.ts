import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { Tensor, float32Tensor } from '../../src/ir/tensor';
import { checkMemoryLimit, estimateRunMemory, runWithinMemoryLimit } from '../../src/runtime/memory-limit';
import { model, node } from '../fixtures/plugins/models';

const x = (n: number) => new Map([['x', new Tensor('float32', [1, n])]]);

describe('run memory estimate', () => {
  test('a chain of 4 Relus on [1,256]: intermediates reuse memory, peak is two tensors', async () => {
    // x → a → b → c → y; a lives steps 0–1, b 1–2, c 2–3: at most two are live at once.
    const m = model({ inputs: { x: [1, 256] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['a']), node('Relu', ['a'], ['b']), node('Relu', ['b'], ['c']), node('Relu', ['c'], ['y'])] });
    const e = await estimateRunMemory(m, x(256));
    // 256 float32 = 1024 bytes each.
    expect(e).toEqual({ runtime: 0, weights: 0, inputs: 1024, intermediates: 2048, scratch: 0, widened: 0, outputs: 1024, total: 4096, planned: true });
  });

  test('weights are counted: MatMul by a [256,256] float32 matrix', async () => {
    const w = float32Tensor(new Array(256 * 256).fill(0), [256, 256]);
    const m = model({ inputs: { x: [1, 256] }, outputs: ['y'], initializers: { w }, nodes: [node('MatMul', ['x', 'w'], ['h']), node('Relu', ['h'], ['y'])] });
    const e = await estimateRunMemory(m, x(256));
    expect(e.weights).toBe(262_144);
    expect(e.total).toBe(262_144 + 1024 + 1024 + 1024);
  });

  test('control flow cannot be planned: weights + inputs + declared values, marked as rough', async () => {
    const body = model({ inputs: {}, outputs: ['z'], nodes: [] }).graph;
    const m = model({ inputs: { x: [1, 256], c: [] }, outputs: ['y'], nodes: [node('If', ['c'], ['y'], { then_branch: { type: 'graph', value: body }, else_branch: { type: 'graph', value: body } })] });
    m.graph.valueInfo.push({ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [1, 256] } });
    m.graph.valueInfo.push({ name: 'dyn', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 256] } });
    const feeds = new Map([['x', new Tensor('float32', [1, 256])], ['c', new Tensor('bool', [])]]);
    const e = await estimateRunMemory(m, feeds);
    expect(e.planned).toBe(false);
    expect(e.reason).toContain('subgraph');
    // inputs 1024 + 1 (bool); only y's declared [1,256] float32 is known (dyn is symbolic).
    expect([e.inputs, e.intermediates, e.total]).toEqual([1025, 1024, 2049]);
  });

  test('over the limit: E_MEMORY_LIMIT with the amounts and the source of the limit', () => {
    const est = { runtime: 0, weights: 262_144, inputs: 1024, intermediates: 2048, scratch: 0, widened: 0, outputs: 1024, total: 266_240, planned: true };
    checkMemoryLimit(est, { value: undefined, source: 'default', from: 'default' });
    checkMemoryLimit(est, { value: 266_240, source: 'env', from: 'HODU_MAX_MEMORY' });
    let e: HoduError | undefined;
    try {
      checkMemoryLimit(est, { value: 100 * 1024, source: 'env', from: 'HODU_MAX_MEMORY' });
    } catch (err) {
      e = err as HoduError;
    }
    expect(e?.code).toBe('E_MEMORY_LIMIT');
    expect(e?.message).toBe('run needs about 260 KiB (weights 256 KiB + inputs 1 KiB + peak intermediates 2 KiB + outputs 1 KiB) but HODU_MAX_MEMORY is 100 KiB');
    expect(e?.hint).toContain('--max-memory');
  });

  test('the process itself and Conv\'s im2col buffer are counted', async () => {
    // A 3-D Conv: X [1,8,16,16,16], W [8,8,3,3,3], pads 1 → Y [1,8,16,16,16]. Its column matrix is
    // (8·27 rows) × (4096 output positions) doubles = 7,077,888 bytes, 54× the input.
    const w = new Tensor('float32', [8, 8, 3, 3, 3]);
    const m = model({ inputs: { x: [1, 8, 16, 16, 16] }, outputs: ['y'], initializers: { w }, nodes: [node('Conv', ['x', 'w'], ['y'], { pads: { type: 'ints', value: [1, 1, 1, 1, 1, 1] } })] });
    const e = await estimateRunMemory(m, new Map([['x', new Tensor('float32', [1, 8, 16, 16, 16])]]), 50_000_000);
    expect([e.runtime, e.scratch, e.inputs, e.outputs, e.weights]).toEqual([50_000_000, 7_077_888, 131_072, 131_072, 6912]);
    expect(e.total).toBe(50_000_000 + 7_077_888 + 131_072 + 131_072 + 6912);
    // 2-D: the buffer is a slice of at most 2 MiB: X [1,64,64,64], W [64,64,3,3] → 576 rows × 448 positions.
    const w2 = new Tensor('float32', [64, 64, 3, 3]);
    const m2 = model({ inputs: { x: [1, 64, 64, 64] }, outputs: ['y'], initializers: { w: w2 }, nodes: [node('Conv', ['x', 'w'], ['y'], { pads: { type: 'ints', value: [1, 1, 1, 1] } })] });
    expect((await estimateRunMemory(m2, new Map([['x', new Tensor('float32', [1, 64, 64, 64])]]))).scratch).toBe(576 * 448 * 8);
  });

  test('while running: over the limit the run is stopped with E_MEMORY_LIMIT', async () => {
    let stopped: HoduError | undefined;
    const never = new Promise<string>(() => {});
    const samples = [10, 20, 300];
    const run = runWithinMemoryLimit(never, { value: 100, source: 'flag', from: '--max-memory' }, { stop: (e) => (stopped = e), rss: () => samples.shift() ?? 300, everyMs: 1 });
    await expect(run).rejects.toThrow("the run was stopped: hodu's memory (RSS) reached 300 B while running, over --max-memory = 100 B");
    expect(stopped?.code).toBe('E_MEMORY_LIMIT');
    // Under the limit the result passes through.
    expect(await runWithinMemoryLimit(Promise.resolve('ok'), { value: 100, source: 'flag', from: '--max-memory' }, { stop: () => {}, rss: () => 50 })).toBe('ok');
  });
});
