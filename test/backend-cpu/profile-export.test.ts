/**
 * backend-cpu's hodu_backend_profile (ffi/hodu_plugin.h) called directly on the library build.ts built: on and
 * off per handle, a step fuse.c folded into a Conv reported as fused into it (and the Transpose after it, which
 * no conv absorbs, as its own step), results the same timed or not.
 */
import { expect, test } from 'bun:test';
import { dlopen, FFIType } from 'bun:ffi';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { alignedBytes, NativeBackendBinding } from '../../src/plugins/native/binding';
import { encodeManifest } from '../../src/sdk/manifest';
import { model, node, randomFloats } from '../fixtures/plugins/models';

const LIB = join(import.meta.dir, '..', '..', 'dist', 'embedded', 'libhodu_cpu.so');
if (!existsSync(LIB)) throw new Error(`${LIB} is missing: run \`bun build.ts\` first`);

const ints = (...value: number[]) => ({ type: 'ints' as const, value });
const m = model({
  inputs: { x: [1, 2, 6, 6] },
  outputs: ['y'],
  initializers: { w: float32Tensor(randomFloats(4 * 2 * 9, 3), [4, 2, 3, 3]) },
  nodes: [node('Conv', ['x', 'w'], ['c'], { pads: ints(1, 1, 1, 1) }, 'conv'), node('Relu', ['c'], ['r'], {}, 'relu'), node('Transpose', ['r'], ['y'], { perm: ints(0, 1, 3, 2) }, 'transpose')],
});

test('timing on and off per handle; the Relu a Conv computed is reported fused into it; same outputs', () => {
  const manifest = planManifest(m);
  const binding = new NativeBackendBinding(LIB, 'cpu');
  const raw = dlopen(LIB, { hodu_backend_profile: { args: [FFIType.ptr, FFIType.i32, FFIType.ptr, FFIType.u32], returns: FFIType.i32 } });
  const profile = raw.symbols.hodu_backend_profile;
  const x = alignedBytes(72 * 4);
  x.set(new Uint8Array(new Float32Array(randomFloats(72, 9)).buffer));
  const run = (handle: ReturnType<typeof binding.create>) => {
    const y = alignedBytes(4 * 36 * 4);
    binding.run(handle, [x], [y]);
    return Array.from(new Float32Array(y.buffer, y.byteOffset, 144));
  };
  const plain = binding.create(encodeManifest(manifest));
  const timed = binding.create(encodeManifest(manifest));
  try {
    expect(profile(plain.pointer, -1, null, 0)).toBe(-1); // off until asked for
    expect(binding.enableStepTimes(timed)).toBe(true);
    const want = run(plain);
    expect(run(timed)).toEqual(want);
    const times = binding.stepTimes(timed, 3)!;
    expect(times.map((t) => t.fusedInto)).toEqual([-1, 0, -1]);
    expect(times[1]!.ns).toBe(0);
    for (const t of times) expect(t.ns).toBeGreaterThanOrEqual(0);
    expect(binding.stepTimes(plain, 3)).toBeUndefined();
    expect(profile(timed.pointer, 0, null, 0)).toBe(-1); // turned off: nothing to read
    expect(binding.stepTimes(timed, 3)).toBeUndefined();
    expect(run(timed)).toEqual(want);
  } finally {
    binding.destroy(plain);
    binding.destroy(timed);
    raw.close();
    binding.close();
  }
});
