/** packInputs passes an input that is already 64-byte aligned without a copy (a native partition's output fed to the next), and copies any other. */
import { expect, test } from 'bun:test';
import { Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { alignedBytes, isAligned } from '../../src/plugins/native/binding';
import { packInputs } from '../../src/plugins/native/tensor-io';
import { ir } from './passes-support/build';

const model = ir(`
  graph g (x: float32[64]) -> (y: ?) {
    y = Relu(x)
  }`);

test('an aligned input is passed as it is; an unaligned one is copied into an aligned buffer', () => {
  const m = planManifest(model);
  const aligned = alignedBytes(256);
  expect(isAligned(aligned)).toBe(true);
  const x = new Tensor('float32', [64], new Float32Array(aligned.buffer, aligned.byteOffset, 64));
  const [same] = packInputs(m, new Map([['x', x]]), 'test');
  expect(same!.buffer).toBe(aligned.buffer);
  expect(same!.byteOffset).toBe(aligned.byteOffset);

  const raw = alignedBytes(260);
  const shifted = new Tensor('float32', [64], new Float32Array(raw.buffer, raw.byteOffset + 4, 64));
  shifted.data[2] = 7;
  const [copy] = packInputs(m, new Map([['x', shifted]]), 'test');
  expect(copy!.buffer).not.toBe(raw.buffer);
  expect(isAligned(copy!)).toBe(true);
  expect([...new Float32Array(copy!.buffer, copy!.byteOffset, 4)]).toEqual([0, 0, 7, 0]);
  expect(copy!.byteLength).toBe(256);
});
