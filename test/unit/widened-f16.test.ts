/**
 * --max-memory counts backend-cpu's float32 copies of float16 tensors (src/plugins/native/widened-f16.ts): the
 * widened kernels' list is the plugin's, and a float16 model's plan needs, on top of its own bytes, what the
 * same model in float32 holds (arena, weights, inputs and outputs), since that is what the copies are.
 */
import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { checkNativePlanMemory, setNativeMemoryLimit } from '../../src/plugins/native/memory-budget';
import { FLEXIBLE_F16_KERNELS, WIDENED_F16_KERNELS, widenedF16Bytes } from '../../src/plugins/native/widened-f16';
import type { DispatchManifest } from '../../src/sdk/manifest-layout';
import { encodeManifest } from '../../src/sdk/manifest-encode';
import { buildModel } from '../e2e/hodu';

const MiB = 1 << 20;

test("the widened kernels are plugin.c's WIDE_KERNELS, the flexible ones its FLEXIBLE_F16, no more, no fewer", () => {
  const source = readFileSync(join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu', 'src', 'plugin.c'), 'utf8');
  const block = source.slice(source.indexOf('#define WIDE_KERNELS(X)'));
  const macro = block.slice(0, block.search(/\n\s*\n/));
  const names = [...macro.matchAll(/X\("([a-z0-9_]+)"/g)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(10);
  expect([...WIDENED_F16_KERNELS].sort()).toEqual(names.sort());
  const flexible = source.slice(source.indexOf('FLEXIBLE_F16[] = {'));
  const listed = [...flexible.slice(0, flexible.indexOf('};')).matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
  expect(listed.length).toBeGreaterThan(5);
  expect([...FLEXIBLE_F16_KERNELS].sort()).toEqual(listed.sort());
});

/** x [4, 1024] · w [1024, 1024] → h → Softmax → y, in `dtype`: the MatMul and the Softmax are widened in float16. */
function plan(dtype: DType): DispatchManifest {
  const w = fromNumbers(dtype, [1024, 1024], Array.from({ length: 1024 * 1024 }, (_, i) => (i % 7) / 8));
  const model = buildModel({
    nodes: [
      { name: 'mm', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['h'], attributes: {} },
      { name: 'sm', op: 'Softmax', domain: '', inputs: ['h'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype, shape: [4, 1024] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype, shape: [4, 1024] } }],
    initializers: new Map([['w', w]]),
  });
  return planManifest(model);
}

const io = (m: DispatchManifest) => [...m.inputs, ...m.outputs].reduce((a, id) => a + m.tensors[id]!.byteSize, 0);
/** What memory-budget counted before the copies: arena, manifest, input and output buffers, packed weights. */
const planBytes = (m: DispatchManifest) => ({ arena: m.arenaSize, manifest: encodeManifest(m).byteLength, io: io(m), packed: m.weights.byteLength });

test('a float16 plan counts float32 copies as big as the float32 model\'s arena, weights, inputs and outputs', () => {
  const half = plan('float16'), single = plan('float32');
  expect(half.steps.map((s) => s.kernel)).toEqual(['mat_mul_f16', 'softmax_f16']);
  expect(widenedF16Bytes(single)).toBe(0);
  expect(widenedF16Bytes(half)).toBe(single.arenaSize + single.weights.byteLength + io(single));
  // The weights alone: 2 MiB as float16, their float32 copy 4 MiB more.
  expect(widenedF16Bytes(half)).toBeGreaterThan(4 * MiB);
});

test('--max-memory just above the old estimate of a float16 plan now refuses it (E_MEMORY_LIMIT)', () => {
  const half = plan('float16');
  const old = planBytes(half);
  const before = old.arena + old.manifest + old.io + old.packed;
  const clear = setNativeMemoryLimit({ value: before + MiB, source: 'flag', from: '--max-memory' });
  try {
    expect(() => checkNativePlanMemory(old, 'cpu', () => 0)).not.toThrow();
    let error: unknown;
    try {
      checkNativePlanMemory({ ...old, widened: widenedF16Bytes(half) }, 'cpu', () => 0);
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('E_MEMORY_LIMIT');
    expect((error as Error).message).toMatch(/\+ float32 copies of float16 tensors [\d.]+ MiB\), over --max-memory/);
  } finally {
    clear();
  }
});
