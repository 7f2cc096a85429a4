import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import type { Node } from '../../src/ir/graph';
import { opToKernelName, snakeCaseOp } from '../../src/sdk/kernel-names';
import { buildMetadata } from '../../src/plan/metadata';
import { floatBits } from '../../src/plan/metadata/context';
import { decodeManifest, encodeManifest, HEADER_SIZE, type DispatchManifest } from '../../src/sdk/manifest';

// y = relu(x @ w + b): x input [2,3], w weight [3,4], b weight [4], h intermediate, y output.
function sample(): DispatchManifest {
  const weights = new Uint8Array(128);
  new Float32Array(weights.buffer, 0, 12).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  new Float32Array(weights.buffer, 64, 4).set([0.5, -0.5, 1, -1]);
  return {
    version: 1,
    tensors: [
      { id: 0, name: 'x', dtype: 'float32', role: 'input', dims: [2, 3], offset: 0, byteSize: 24 },
      { id: 1, name: 'w', dtype: 'float32', role: 'weight', dims: [3, 4], offset: 0, byteSize: 48 },
      { id: 2, name: 'b', dtype: 'float32', role: 'weight', dims: [4], offset: 64, byteSize: 16 },
      { id: 3, name: 'h', dtype: 'float32', role: 'intermediate', dims: [2, 4], offset: 0, byteSize: 32 },
      { id: 4, name: 'y', dtype: 'float32', role: 'output', dims: [2, 4], offset: 0, byteSize: 32 },
      { id: 5, name: 'scalar', dtype: 'int64', role: 'intermediate', dims: [], offset: 64, byteSize: 8 },
    ],
    steps: [
      { kernel: 'gemm_f32', node: 'gemm_0', inputs: [0, 1, 2], outputs: [3], metadata: [2n, 3n, 4n, 0n, 0n, 1065353216n, 1065353216n, 1n, 0n, 1n] },
      { kernel: 'relu_f32', node: 'relu_ü', inputs: [3], outputs: [4], metadata: [] },
      { kernel: 'dropout_f32', node: 'd', inputs: [4, -1], outputs: [4, -1], metadata: [-(2n ** 63n), 2n ** 63n - 1n] },
    ],
    inputs: [0],
    outputs: [4],
    arenaSize: 128,
    weights,
  };
}

function expectManifestError(bytes: Uint8Array, fragment: string): void {
  try {
    decodeManifest(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_MANIFEST');
    expect((e as HoduError).message).toContain(fragment);
    return;
  }
  throw new Error(`decode accepted malformed bytes (expected '${fragment}')`);
}

describe('DispatchManifest bytes', () => {
  test('round trip is exact', () => {
    const m = sample();
    const bytes = encodeManifest(m);
    expect(decodeManifest(bytes)).toEqual(m);
    expect(encodeManifest(decodeManifest(bytes))).toEqual(bytes);
  });

  test('header fields sit where the spec says', () => {
    const bytes = encodeManifest(sample());
    const v = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('HODUMNFT');
    expect(v.getUint32(8, true)).toBe(1);
    expect(v.getUint32(12, true)).toBe(HEADER_SIZE);
    expect([v.getUint32(16, true), v.getUint32(20, true), v.getUint32(24, true), v.getUint32(28, true)]).toEqual([6, 3, 1, 1]);
    expect(Number(v.getBigUint64(32, true))).toBe(128); // tensors right after the header
    expect(Number(v.getBigUint64(40, true))).toBe(128 + 6 * 48);
    const wOff = Number(v.getBigUint64(88, true));
    expect(wOff % 64).toBe(0);
    expect(Number(v.getBigUint64(96, true))).toBe(128);
    expect(Number(v.getBigUint64(104, true))).toBe(128);
    expect(Number(v.getBigUint64(112, true))).toBe(bytes.length);
    // the first weight float is w[0,0] = 1
    expect(v.getFloat32(wOff, true)).toBe(1);
    // tensor 0: dtype float32 = ONNX code 1, role input = 0, rank 2
    expect([v.getUint32(128 + 4, true), v.getUint32(128 + 8, true), v.getUint32(128 + 12, true)]).toEqual([1, 0, 2]);
  });

  test('an empty manifest round-trips', () => {
    const m: DispatchManifest = { version: 1, tensors: [], steps: [], inputs: [], outputs: [], arenaSize: 0, weights: new Uint8Array(0) };
    expect(decodeManifest(encodeManifest(m))).toEqual(m);
  });

  test('malformed bytes are refused with E_MANIFEST', () => {
    const good = encodeManifest(sample());
    const patch = (f: (v: DataView, b: Uint8Array) => void) => {
      const b = good.slice();
      f(new DataView(b.buffer), b);
      return b;
    };
    expectManifestError(good.subarray(0, 20), 'shorter than');
    expectManifestError(patch((_, b) => (b[0] = 0x58)), 'bad magic');
    expectManifestError(patch((v) => v.setUint32(8, 2, true)), 'version 2');
    expectManifestError(good.subarray(0, good.length - 1), 'header says');
    expectManifestError(patch((v) => v.setUint32(16, 1000, true)), 'tensor table');
    expectManifestError(patch((v) => v.setUint32(128 + 4, 99, true)), 'dtype code 99');
    expectManifestError(patch((v) => v.setUint32(128 + 8, 7, true)), 'role code 7');
    expectManifestError(patch((v) => v.setBigUint64(128 + 32, 25n, true)), 'needs 24');
    expectManifestError(patch((v) => v.setBigUint64(128 + 48 + 24, 128n, true)), "weight 'w'");
    expectManifestError(patch((v) => v.setBigUint64(128 + 3 * 48 + 24, 128n, true)), "intermediate 'h'");
    expectManifestError(patch((v) => v.setBigUint64(128 + 16, 1n << 40n, true)), 'tensor 0 dims');
    expectManifestError(patch((v) => v.setUint32(128 + 40, 0xffffff00, true)), 'tensor 0 name');
    const steps = 128 + 6 * 48;
    expectManifestError(patch((v) => v.setUint32(steps + 16, 100000, true)), 'step 0 tensor ids');
    expectManifestError(patch((v) => v.setUint32(steps + 40, 100000, true)), 'step 0 metadata');
    // point step 0's first input id at tensor 77
    expectManifestError(patch((v, b) => v.setInt32(Number(v.getBigUint64(steps + 24, true)), 77, true) ?? b), 'refers to tensor 77');
    // break the NUL after the kernel name
    expectManifestError(patch((v, b) => (b[v.getUint32(steps, true) + v.getUint32(steps + 4, true)] = 0x41)), 'NUL-terminated');
  });

  test('random corruption never escapes as anything but E_MANIFEST', () => {
    const good = encodeManifest(sample());
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const b = good.slice();
      for (let k = 0; k < 4; k++) b[Math.floor(rand() * HEADER_SIZE + rand() * (b.length - HEADER_SIZE) * (k % 2))] = Math.floor(rand() * 256);
      try {
        decodeManifest(b);
      } catch (e) {
        expect((e as HoduError).code).toBe('E_MANIFEST');
      }
    }
  });

  test('encode refuses inconsistent manifests', () => {
    const m = sample();
    m.tensors[1]!.byteSize = 4;
    expect(() => encodeManifest(m)).toThrow(/byte size 4/);
    const m2 = sample();
    m2.steps[0]!.inputs[0] = 9;
    expect(() => encodeManifest(m2)).toThrow(/tensor id 9/);
  });
});

describe('kernel names', () => {
  test('snake case of op names', () => {
    expect(snakeCaseOp('Add')).toBe('add');
    expect(snakeCaseOp('MatMul')).toBe('mat_mul');
    expect(snakeCaseOp('ReduceSum')).toBe('reduce_sum');
    expect(snakeCaseOp('LSTM')).toBe('lstm');
    expect(snakeCaseOp('QLinearConv')).toBe('q_linear_conv');
    expect(snakeCaseOp('Conv2DTranspose')).toBe('conv2_d_transpose');
  });
  test('dtype suffixes: inputs then outputs, deduplicated', () => {
    expect(opToKernelName('Add', ['float32', 'float32', 'float32'])).toBe('add_f32');
    expect(opToKernelName('Cast', ['float32', 'int64'])).toBe('cast_f32_i64');
    expect(opToKernelName('Reshape', ['float16', 'int64', 'float16'])).toBe('reshape_f16_i64');
    expect(opToKernelName('Equal', ['bfloat16', 'bfloat16', 'bool'])).toBe('equal_bf16_bool');
    expect(opToKernelName('FusedConv', ['float32'], 'com.microsoft')).toBe('com_microsoft__fused_conv_f32');
    expect(() => opToKernelName('a b', ['float32'])).toThrow(HoduError);
  });
});

describe('buildMetadata', () => {
  const node = (op: string, attributes: Node['attributes'] = {}, inputs = ['a', 'b']): Node => ({ name: `${op}_0`, op, domain: '', inputs, outputs: ['y'], attributes });

  test('binary broadcast: [rank, out dims, a strides, b strides]', () => {
    // a [2,3] (strides 3,1), b [3] broadcast along axis 0 (stride 0, then 1)
    expect(buildMetadata(node('Add'), [[2, 3], [3]], [[2, 3]])).toEqual([2n, 2n, 3n, 3n, 1n, 0n, 1n]);
    // a [2,1] against b [1,3]: a's axis 1 and b's axis 0 broadcast
    expect(buildMetadata(node('Mul'), [[2, 1], [1, 3]], [[2, 3]])).toEqual([2n, 2n, 3n, 1n, 0n, 0n, 1n]);
  });

  test('MatMul: [M, K, N, batch rank, batch dims, a/b batch strides]', () => {
    expect(buildMetadata(node('MatMul'), [[2, 3], [3, 4]], [[2, 4]])).toEqual([2n, 3n, 4n, 0n]);
    // A [5,2,3] x B [3,4]: B is shared by every batch (stride 0); A advances 2*3 per batch
    expect(buildMetadata(node('MatMul'), [[5, 2, 3], [3, 4]], [[5, 2, 4]])).toEqual([2n, 3n, 4n, 1n, 5n, 6n, 0n]);
    // 1-D A [3] is promoted to [1,3]
    expect(buildMetadata(node('MatMul'), [[3], [3, 4]], [[4]])).toEqual([1n, 3n, 4n, 0n]);
  });

  test('Gemm: sizes, transposes, alpha/beta bits, C strides', () => {
    const n = node('Gemm', { transB: { type: 'int', value: 1 }, alpha: { type: 'float', value: 0.5 } }, ['a', 'b', 'c']);
    // A [2,3], B^T [4,3] → Y [2,4]; C [4] broadcasts along M; 0.5f = 0x3f000000, 1.0f = 0x3f800000
    expect(buildMetadata(n, [[2, 3], [4, 3], [4]], [[2, 4]])).toEqual([2n, 3n, 4n, 0n, 1n, 0x3f000000n, 0x3f800000n, 1n, 0n, 1n]);
    expect(buildMetadata(node('Gemm', {}, ['a', 'b', '']), [[2, 3], [3, 4], undefined], [[2, 4]])).toEqual([2n, 3n, 4n, 0n, 0n, 0x3f800000n, 0x3f800000n, 0n, 0n, 0n]);
    expect(floatBits(-2)).toBe(0xc0000000);
  });

  test('Softmax: [outer, n, inner] with the opset-13 change', () => {
    expect(buildMetadata(node('Softmax', {}, ['x']), [[2, 3, 4]], [[2, 3, 4]], 13)).toEqual([6n, 4n, 1n]);
    expect(buildMetadata(node('Softmax', { axis: { type: 'int', value: 1 } }, ['x']), [[2, 3, 4]], [[2, 3, 4]], 13)).toEqual([2n, 3n, 4n]);
    // opset 11: default axis 1 coerces to [2, 12]
    expect(buildMetadata(node('Softmax', {}, ['x']), [[2, 3, 4]], [[2, 3, 4]], 11)).toEqual([2n, 12n, 1n]);
  });

  test('Conv: resolved SAME_UPPER pads', () => {
    // x [1,1,5,5], w [1,1,3,3], stride 2: out 3, total pad = (3-1)*2+3-5 = 2 → 1 before, 1 after
    const n = node('Conv', { auto_pad: { type: 'string', value: 'SAME_UPPER' }, strides: { type: 'ints', value: [2, 2] } }, ['x', 'w']);
    expect(buildMetadata(n, [[1, 1, 5, 5], [1, 1, 3, 3]], [[1, 1, 3, 3]])).toEqual([2n, 1n, 3n, 3n, 2n, 2n, 1n, 1n, 1n, 1n, 1n, 1n]);
  });

  test('ops without a layout get an empty array', () => {
    expect(buildMetadata(node('Relu', {}, ['x']), [[3]], [[3]])).toEqual([]);
  });
});
