/**
 * The host side of an in-process native run, on the cpu backend library that `bun build.ts` writes next to
 * the binary (dist/embedded): aligned buffers of every size, zero-size tensors.
 */
import { beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { Tensor } from '../../src/ir/tensor';
import { alignedBytes, isAligned } from '../../src/plugins/native/binding';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import type { BackendPlugin } from '../../src/sdk/backend';
import { requireBinary } from '../e2e/hodu';
import { ir } from './passes-support/build';

const LIB = join(import.meta.dir, '..', '..', 'dist', 'embedded', 'libhodu_cpu.so');
let cpu: BackendPlugin;

beforeAll(() => {
  requireBinary(); // dist/embedded is written with it
  cpu = loadNativeBackend(LIB, probeNativeLibrary(LIB, 'cpu'));
});

test('alignedBytes is 64-byte aligned for every size, small ones included (bun keeps tiny typed arrays inline)', () => {
  const kept: Uint8Array[] = [];
  for (let round = 0; round < 50; round++) {
    for (let n = 1; n <= 130; n++) {
      const b = alignedBytes(n);
      expect(b.byteLength).toBe(n);
      expect(isAligned(b)).toBe(true);
      if (round % 10 === 0) kept.push(b);
    }
  }
  Bun.gc(true); // the bytes must not move with the object either
  expect(kept.filter((b) => !isAligned(b)).length).toBe(0);
});

test('a graph input with zero elements runs (it is given a valid pointer) and its output has zero elements', async () => {
  const model = ir(`
    graph g (x: float32[0, 3], z: float32[2]) -> (y: ?, w: ?) {
      y = Relu(x)
      w = Relu(z)
    }`);
  const session = await cpu.createSession(model);
  const out = await session.run(new Map([
    ['x', new Tensor('float32', [0, 3], new Float32Array(0))],
    ['z', new Tensor('float32', [2], new Float32Array([-1, 2]))],
  ]));
  const y = out.get('y') as Tensor;
  expect(y.dims).toEqual([0, 3]);
  expect(y.data.length).toBe(0);
  expect([...(out.get('w') as Tensor).data]).toEqual([0, 2]);
  session.dispose?.();
});
