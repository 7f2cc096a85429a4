import { describe, expect, test } from 'bun:test';
import safetensors, { readSafetensors, readSafetensorsMetadata, writeSafetensors } from '../../src/formats/safetensors/index';
import { Tensor } from '../../src/ir/tensor';
import { concat, expectHoduError, expectSameMap, fuzzDecoder, numericSamples } from '../fixtures/tensors/helpers';

/** A safetensors file from its parts, per the format: u64 LE header length, JSON header, data buffer. */
function stFile(header: string, data: Uint8Array = new Uint8Array(0), declaredLength?: bigint): Uint8Array {
  const json = new TextEncoder().encode(header);
  const len = new Uint8Array(8);
  new DataView(len.buffer).setBigUint64(0, declaredLength ?? BigInt(json.length), true);
  return concat(len, json, data);
}

const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);

describe('safetensors: hand-made files', () => {
  test('F32 vector, I64 scalar beyond 2^53, BF16 and BOOL, with metadata', () => {
    const data = new Uint8Array(8 + 8 + 2 + 3);
    const v = new DataView(data.buffer);
    v.setFloat32(0, 1.5, true);
    v.setFloat32(4, -2, true);
    v.setBigInt64(8, 2n ** 60n + 1n, true);
    v.setUint16(16, 0x3f80, true); // bfloat16 1.0
    data.set([1, 0, 5], 18); // bools; 5 is read as true
    const header = JSON.stringify({
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      __metadata__: { format: 'pt', note: 'hand made' },
      b: { dtype: 'I64', shape: [], data_offsets: [8, 16] },
      c: { dtype: 'BF16', shape: [1, 1], data_offsets: [16, 18] },
      d: { dtype: 'BOOL', shape: [3], data_offsets: [18, 21] },
    });
    const bytes = stFile(header, data);
    const map = readSafetensors(bytes, 'm.safetensors');
    expect([...map.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect([...(map.get('a')!.data as Float32Array)]).toEqual([1.5, -2]);
    expect([...map.get('b')!.dims]).toEqual([]);
    expect([...(map.get('b')!.data as BigInt64Array)]).toEqual([2n ** 60n + 1n]);
    expect(map.get('c')!.dtype).toBe('bfloat16');
    expect([...(map.get('c')!.data as Uint16Array)]).toEqual([0x3f80]);
    expect([...(map.get('d')!.data as Uint8Array)]).toEqual([1, 0, 1]);
    expect(readSafetensorsMetadata(bytes)).toEqual({ format: 'pt', note: 'hand made' });
  });

  test('tensors come back in data-offset (file) order, whatever the JSON key order', () => {
    const header = JSON.stringify({
      second: { dtype: 'U8', shape: [1], data_offsets: [1, 2] },
      first: { dtype: 'U8', shape: [1], data_offsets: [0, 1] },
      empty: { dtype: 'F16', shape: [0, 4], data_offsets: [2, 2] },
    });
    const map = readSafetensors(stFile(header, Uint8Array.from([10, 20])));
    expect([...map.keys()]).toEqual(['first', 'second', 'empty']);
    expect([...map.get('empty')!.dims]).toEqual([0, 4]);
    expect(readSafetensorsMetadata(stFile(header, Uint8Array.from([10, 20])))).toEqual({});
  });

  test('header padded with trailing spaces (as the reference writer does) is accepted', () => {
    const map = readSafetensors(stFile('{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}  ', f32(3)));
    expect([...(map.get('x')!.data as Float32Array)]).toEqual([3]);
  });
});

describe('safetensors: writing', () => {
  test('exact bytes of a one-tensor file', () => {
    const bytes = writeSafetensors(new Map([['x', new Tensor('float32', [1], Float32Array.from([1]))]]));
    const json = '{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    const padded = Math.ceil(json.length / 8) * 8;
    expect(new DataView(bytes.buffer).getBigUint64(0, true)).toBe(BigInt(padded));
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + padded))).toBe(json.padEnd(padded, ' '));
    expect([...bytes.subarray(8 + padded)]).toEqual([0x00, 0x00, 0x80, 0x3f]);
  });

  test('metadata first, header length a multiple of 8', () => {
    const bytes = writeSafetensors(new Map([['w', new Tensor('int8', [2])]]), { metadata: { format: 'pt' } });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + n)).startsWith('{"__metadata__":{"format":"pt"},"w":')).toBe(true);
    expect(readSafetensorsMetadata(bytes)).toEqual({ format: 'pt' });
  });

  test('round trip of every numeric dtype (int64/uint64 beyond 2^53, float16, bool, 0-d, empty) in insertion order', () => {
    const tensors = numericSamples();
    tensors.set('10', new Tensor('uint8', [1], Uint8Array.from([1]))); // integer-like key stays last
    expectSameMap(readSafetensors(writeSafetensors(tensors)), tensors);
  });

  test('an empty map is a valid file', () => {
    expect(readSafetensors(writeSafetensors(new Map())).size).toBe(0);
  });

  test('plugin interface and sniffing', async () => {
    const tensors = new Map([['a', new Tensor('float16', [1], Uint16Array.from([0x3c00]))]]);
    const bytes = await safetensors.saveTensors!(tensors);
    expect(safetensors.sniff!(bytes)).toBe(true);
    expect(safetensors.sniff!(new Uint8Array(16))).toBe(false);
    expectSameMap(await safetensors.loadTensors!(bytes, { path: 'x.safetensors' }), tensors);
  });

  test('refuses string tensors and a tensor named __metadata__', async () => {
    await expectHoduError(() => writeSafetensors(new Map([['s', new Tensor('string', [1], ['a'])]])), 'E_SAFETENSORS', 'string');
    await expectHoduError(() => writeSafetensors(new Map([['__metadata__', new Tensor('int8', [1])]])), 'E_SAFETENSORS', 'reserved');
  });
});

describe('safetensors: malformed input is refused with E_SAFETENSORS', () => {
  const t = (dtype: string, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });
  const file = (header: unknown, data = new Uint8Array(8)) => stFile(JSON.stringify(header), data);
  const cases: [string, Uint8Array, string][] = [
    ['empty file', new Uint8Array(0), 'too short'],
    ['header length past the file', stFile('{}', new Uint8Array(0), 1000n), 'runs past the end'],
    ['header length 2^63', stFile('{}', new Uint8Array(0), 2n ** 63n), 'runs past the end'],
    ['header not JSON', stFile('{"a": nope}'), 'not valid UTF-8 JSON'],
    ['header not UTF-8', concat(Uint8Array.from([3, 0, 0, 0, 0, 0, 0, 0]), Uint8Array.from([0x7b, 0xff, 0x7d])), 'not valid UTF-8 JSON'],
    ['header not an object', stFile('[1,2]'), 'does not start'],
    ['header null', stFile('null'), 'does not start'],
    ['tensor description not an object', file({ a: 5 }), 'not an object'],
    ['unknown dtype', file({ a: t('F7', [2], [0, 8]) }), 'unknown dtype "F7"'],
    ['float8 is not supported', file({ a: t('F8_E4M3', [8], [0, 8]) }), 'not supported'],
    ['negative dim', file({ a: t('F32', [-2], [0, 8]) }), 'shape'],
    ['fractional dim', file({ a: t('F32', [1.5], [0, 8]) }), 'shape'],
    ['missing offsets', file({ a: { dtype: 'F32', shape: [2] } }), 'data_offsets'],
    ['offsets reversed', file({ a: t('F32', [0], [8, 0]) }), 'end before they begin'],
    ['size does not match shape', file({ a: t('F32', [3], [0, 8]) }), 'needs 12 bytes'],
    ['huge shape', file({ a: t('F32', [2 ** 20, 2 ** 20], [0, 8]) }), 'more than'],
    ['zero dim with overflowing product', file({ a: t('U8', [0, 2 ** 52, 2 ** 52, 2 ** 52], [0, 0]) }), 'more than'],
    ['offsets past the buffer', file({ a: t('F32', [4], [0, 16]) }), 'past the 8-byte data buffer'],
    ['overlapping tensors', file({ a: t('F32', [2], [0, 8]), b: t('F32', [1], [4, 8]) }), 'overlaps'],
    ['gap between tensors', file({ a: t('F32', [1], [4, 8]) }), 'gap'],
    ['trailing bytes after the last tensor', file({ a: t('F32', [1], [0, 4]) }), 'cover 4'],
    ['metadata not an object', file({ __metadata__: [1], a: t('F32', [2], [0, 8]) }), '__metadata__'],
    ['metadata value not a string', file({ __metadata__: { n: 1 }, a: t('F32', [2], [0, 8]) }), "'n' is not a string"],
  ];
  for (const [name, bytes, text] of cases) {
    test(name, async () => {
      await expectHoduError(() => readSafetensors(bytes, 'bad.safetensors'), 'E_SAFETENSORS', text);
    });
  }

  test('the message names the file', async () => {
    const e = await expectHoduError(() => safetensors.loadTensors!(new Uint8Array(3), { path: 'w/model.safetensors' }), 'E_SAFETENSORS');
    expect(e.message.startsWith('w/model.safetensors: ')).toBe(true);
  });

  test('every truncation of a valid file is refused', async () => {
    const valid = writeSafetensors(new Map([['a', new Tensor('int32', [2], Int32Array.from([1, 2]))]]));
    for (let n = 0; n < valid.length; n++) await expectHoduError(() => readSafetensors(valid.subarray(0, n)), 'E_SAFETENSORS');
  });

  test('fuzz: random damage ends in success or HoduError', async () => {
    const valid = writeSafetensors(numericSamples(), { metadata: { k: 'v' } });
    const r = await fuzzDecoder(valid, (b) => readSafetensors(b), 21, 400);
    expect(r.refused).toBeGreaterThan(0);
  });
});
