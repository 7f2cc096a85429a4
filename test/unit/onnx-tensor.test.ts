/** TensorProto decoding: every storage field, sparse tensors, and refusals. Inputs are built with the raw protobuf module. */
import { describe, expect, test } from 'bun:test';
import { decodeModel, decodeNamedTensorProto, decodeTensorProto } from '../../src/formats/onnx/decode';
import { encodeTensorProto } from '../../src/formats/onnx/encode';
import { Long, onnx } from '../../src/formats/onnx/pb';
import { Tensor } from '../../src/ir/tensor';
import { encodeModelProto, encodeTensor, reluModelProto } from '../fixtures/onnx/protos';
import { codeOf } from '../support/errors';

const T = onnx.TensorProto.DataType;
const dec = (p: onnx.ITensorProto) => decodeTensorProto(encodeTensor(p));

describe('typed fields', () => {
  test('float_data and double_data', () => {
    const f = dec({ dataType: T.FLOAT, dims: [2], floatData: [1.5, -2] });
    expect(f.data).toEqual(new Float32Array([1.5, -2]));
    const d = dec({ dataType: T.DOUBLE, dims: [1], doubleData: [0.1] });
    expect(d.data).toEqual(new Float64Array([0.1]));
  });

  test('int32_data carries int8, uint16, bool and float16 bit patterns', () => {
    expect(dec({ dataType: T.INT8, dims: [3], int32Data: [-5, 127, -128] }).data).toEqual(new Int8Array([-5, 127, -128]));
    expect(dec({ dataType: T.UINT16, dims: [1], int32Data: [65535] }).data).toEqual(new Uint16Array([65535]));
    expect(dec({ dataType: T.BOOL, dims: [2], int32Data: [1, 0] }).data).toEqual(new Uint8Array([1, 0]));
    // 0x3c00 is 1.0 in IEEE half, 0xc000 is -2.0.
    expect(dec({ dataType: T.FLOAT16, dims: [2], int32Data: [0x3c00, 0xc000] }).data).toEqual(new Uint16Array([0x3c00, 0xc000]));
    expect(dec({ dataType: T.BFLOAT16, dims: [1], int32Data: [0x3f80] }).data).toEqual(new Uint16Array([0x3f80]));
  });

  test('int64_data and uint64_data are exact beyond 2^53', () => {
    const i = dec({ dataType: T.INT64, dims: [3], int64Data: [Long.MAX_VALUE, Long.MIN_VALUE, -1] });
    expect(Array.from(i.data as BigInt64Array)).toEqual([2n ** 63n - 1n, -(2n ** 63n), -1n]);
    const u = dec({ dataType: T.UINT64, dims: [1], uint64Data: [Long.MAX_UNSIGNED_VALUE] });
    expect(Array.from(u.data as BigUint64Array)).toEqual([2n ** 64n - 1n]);
    const u32 = dec({ dataType: T.UINT32, dims: [1], uint64Data: [4294967295] });
    expect(u32.data).toEqual(new Uint32Array([4294967295]));
  });

  test('string_data is UTF-8', () => {
    const s = dec({ dataType: T.STRING, dims: [2], stringData: [new TextEncoder().encode('héllo'), new Uint8Array()] });
    expect(s.data).toEqual(['héllo', '']);
  });

  test('scalar and empty tensors', () => {
    expect(dec({ dataType: T.FLOAT, dims: [], floatData: [7] })).toMatchObject({ dims: [], data: new Float32Array([7]) });
    expect(dec({ dataType: T.FLOAT, dims: [0, 3] }).size).toBe(0);
  });
});

describe('raw_data', () => {
  test('little-endian bytes, copied so that odd offsets inside the file do not matter', () => {
    const raw = new Uint8Array(new Float32Array([1.5, -2]).buffer);
    // The name field before raw_data puts the payload at an odd offset in the message.
    const bytes = encodeTensor({ name: 'abc', dataType: T.FLOAT, dims: [2], rawData: raw });
    const { name, tensor } = decodeNamedTensorProto(bytes);
    expect(name).toBe('abc');
    expect(tensor.data).toEqual(new Float32Array([1.5, -2]));
    expect((tensor.data as Float32Array).byteOffset % 4).toBe(0);
  });

  test('int64 raw_data: [1, -1]', () => {
    const raw = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
    expect(Array.from(dec({ dataType: T.INT64, dims: [2], rawData: raw }).data as BigInt64Array)).toEqual([1n, -1n]);
  });

  test('wrong byte count is E_ONNX_DECODE', () => {
    expect(codeOf(() => dec({ dataType: T.FLOAT, dims: [3], rawData: new Uint8Array(8) }))).toBe('E_ONNX_DECODE');
    expect(codeOf(() => dec({ dataType: T.FLOAT, dims: [3], floatData: [1] }))).toBe('E_ONNX_DECODE');
  });

  test('encodeTensorProto writes raw_data that decodes back', () => {
    const t = new Tensor('int16', [2, 2], new Int16Array([1, -2, 300, -32768]));
    const p = onnx.TensorProto.decode(encodeTensorProto(t, 'w'));
    expect(p.rawData.length).toBe(8);
    expect(decodeTensorProto(encodeTensorProto(t, 'w'))).toEqual(t);
  });
});

describe('refusals', () => {
  test('float8 and int4 are E_UNSUPPORTED_DTYPE, unknown codes E_ONNX_DECODE', () => {
    expect(codeOf(() => dec({ dataType: T.FLOAT8E4M3FN, dims: [1], rawData: new Uint8Array(1) }))).toBe('E_UNSUPPORTED_DTYPE');
    expect(codeOf(() => dec({ dataType: T.INT4, dims: [2], rawData: new Uint8Array(1) }))).toBe('E_UNSUPPORTED_DTYPE');
    expect(codeOf(() => dec({ dataType: 99, dims: [1] }))).toBe('E_ONNX_DECODE');
  });

  test('negative dims are E_ONNX_DECODE', () => {
    expect(codeOf(() => dec({ dataType: T.FLOAT, dims: [-1] }))).toBe('E_ONNX_DECODE');
  });
});

describe('sparse initializers are densified', () => {
  const values = { name: 'sp', dataType: T.FLOAT, dims: [2], floatData: [5, 7] };
  const load = (indices: onnx.ITensorProto) => {
    const bytes = encodeModelProto(reluModelProto({}, []));
    const m = onnx.ModelProto.decode(bytes);
    m.graph!.sparseInitializer = [{ values, indices, dims: [2, 3] }];
    return decodeModel(onnx.ModelProto.encode(m).finish()).graph.initializers.get('sp')!;
  };

  test('linear [NNZ] indices', () => {
    const t = load({ dataType: T.INT64, dims: [2], int64Data: [1, 4] });
    expect(t.dims).toEqual([2, 3]);
    expect(t.data).toEqual(new Float32Array([0, 5, 0, 0, 7, 0]));
  });

  test('coordinate [NNZ, rank] indices', () => {
    const t = load({ dataType: T.INT64, dims: [2, 2], int64Data: [0, 1, 1, 1] });
    expect(t.data).toEqual(new Float32Array([0, 5, 0, 0, 7, 0]));
  });

  test('an index outside the tensor is E_ONNX_DECODE', () => {
    expect(codeOf(() => load({ dataType: T.INT64, dims: [2], int64Data: [1, 6] }))).toBe('E_ONNX_DECODE');
  });
});
