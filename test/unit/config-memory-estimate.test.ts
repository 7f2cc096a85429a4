import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { Tensor, float32Tensor } from '../../src/ir/tensor';
import { checkMemoryLimit, estimateRunMemory } from '../../src/runtime/memory-limit';
import { model, node } from '../fixtures/plugins/models';

const x = (n: number) => new Map([['x', new Tensor('float32', [1, n])]]);

describe('run memory estimate', () => {
  test('a chain of 4 Relus on [1,256]: intermediates reuse memory, peak is two tensors', async () => {
    // x → a → b → c → y; a lives steps 0–1, b 1–2, c 2–3: at most two are live at once.
    const m = model({ inputs: { x: [1, 256] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['a']), node('Relu', ['a'], ['b']), node('Relu', ['b'], ['c']), node('Relu', ['c'], ['y'])] });
    const e = await estimateRunMemory(m, x(256));
    // 256 float32 = 1024 bytes each.
    expect(e).toEqual({ weights: 0, inputs: 1024, intermediates: 2048, outputs: 1024, total: 4096, planned: true });
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
    const est = { weights: 262_144, inputs: 1024, intermediates: 2048, outputs: 1024, total: 266_240, planned: true };
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
});
