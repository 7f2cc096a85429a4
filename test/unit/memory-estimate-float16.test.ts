/**
 * The `--max-memory` estimate before a run counts backend-cpu's float32 copies of a float16 model's tensors
 * (plugins/backend-cpu/src/widen-f16.c: a second arena twice the plan's, and a float32 buffer for each float16
 * weight, input and output a widened kernel touches), as the plan check before create does (widened-f16.ts).
 */
import { expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import type { Model, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { widenedF16Bytes } from '../../src/plugins/native/widened-f16';
import { checkMemoryLimit, estimateRunMemory } from '../../src/runtime/memory-limit';
import { F16_MODELS } from '../backend-cpu/float16-models';
import { buildModel } from '../e2e/hodu';

const node = (op: string, inputs: string[], outputs: string[]): Node => ({ name: outputs[0]!, op, domain: '', inputs, outputs, attributes: {} });
const tensorType = (dtype: DType, shape: number[]) => ({ kind: 'tensor' as const, dtype, shape });

/** x [1,256] → Sigmoid → a → Sigmoid → b → Sigmoid → y, in `dtype` (Sigmoid runs widened in float16). */
function sigmoids(dtype: DType): Model {
  return buildModel({
    nodes: [node('Sigmoid', ['x'], ['a']), node('Sigmoid', ['a'], ['b']), node('Sigmoid', ['b'], ['y'])],
    inputs: [{ name: 'x', type: tensorType(dtype, [1, 256]) }],
    outputs: [{ name: 'y', type: tensorType(dtype, [1, 256]) }],
  });
}

test('a float16 chain counts the float32 copies: twice the arena, x and y as float32', async () => {
  const half = await estimateRunMemory(sigmoids('float16'), new Map([['x', new Tensor('float16', [1, 256])]]));
  // a and b (512 bytes each) are live together at the middle step: arena 1024; its float32 twin 2048, and
  // x and y as float32 1024 each.
  expect([half.intermediates, half.widened]).toEqual([1024, 2048 + 1024 + 1024]);
  expect(half.total).toBe(512 + 1024 + 4096 + 512);
  const single = await estimateRunMemory(sigmoids('float32'), new Map([['x', new Tensor('float32', [1, 256])]]));
  expect(single.widened).toBe(0);
});

test('over the limit only because of the copies: the message names them', async () => {
  const e = await estimateRunMemory(sigmoids('float16'), new Map([['x', new Tensor('float16', [1, 256])]]));
  expect(() => checkMemoryLimit(e, { value: e.total - e.widened, source: 'flag', from: '--max-memory' }))
    .toThrow('run needs about 6 KiB (weights 0 B + inputs 512 B + peak intermediates 1 KiB + float32 copies of float16 tensors 4 KiB + outputs 512 B) but --max-memory is 2 KiB');
});

test('the estimate counts what the plan check counts for each float16 model of the cpu tests', async () => {
  for (const [name, m] of Object.entries(F16_MODELS)) {
    const model = buildModel({
      nodes: m.nodes,
      inputs: Object.entries(m.inputs).map(([n, s]) => ({ name: n, type: tensorType('float16', s) })),
      outputs: Object.entries(m.outputs).map(([n, s]) => ({ name: n, type: tensorType(m.float32Outputs?.includes(n) ? 'float32' : 'float16', s) })),
      initializers: new Map(Object.entries(m.weights ?? {})),
    });
    const feeds = new Map(Object.entries(m.inputs).map(([n, s]) => [n, new Tensor('float16', s)]));
    const planned = widenedF16Bytes(planManifest(model));
    expect(planned, name).toBeGreaterThan(0);
    expect((await estimateRunMemory(model, feeds)).widened, name).toBe(planned);
  }
});
