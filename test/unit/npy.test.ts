import { describe, expect, test } from 'bun:test';
import npy, { npyTensorName } from '../../src/formats/npy/index';
import { readNpy, readNpyHeader } from '../../src/formats/npy/read-npy';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { Tensor } from '../../src/ir/tensor';
import { ascii, concat, expectHoduError, expectSameTensor, fuzzDecoder, numericSamples } from '../fixtures/tensors/helpers';

/** The header text of a written .npy (version 1). */
function headerOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(10, 10 + (bytes[8]! | (bytes[9]! << 8))));
}

/** A .npy file built by hand from the format description: magic, version, length, dict text, data. */
function npyFile(dict: string, data: Uint8Array, major = 1): Uint8Array {
  const lenSize = major === 1 ? 2 : 4;
  const prefix = 8 + lenSize;
  // Pad with spaces so that magic + length + header (ending in a newline) is a multiple of 64.
  const pad = (64 - ((prefix + dict.length + 1) % 64)) % 64;
  const header = `${dict}${' '.repeat(pad)}\n`;
  const len = new Uint8Array(lenSize);
  if (major === 1) new DataView(len.buffer).setUint16(0, header.length, true);
  else new DataView(len.buffer).setUint32(0, header.length, true);
  return concat(Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]), len, ascii(header), data);
}

function le(kind: 'i2' | 'i4' | 'f4' | 'f8', values: number[], bigEndian = false): Uint8Array {
  const size = Number(kind[1]);
  const out = new Uint8Array(values.length * size);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    if (kind === 'i2') v.setInt16(i * size, x, !bigEndian);
    if (kind === 'i4') v.setInt32(i * size, x, !bigEndian);
    if (kind === 'f4') v.setFloat32(i * size, x, !bigEndian);
    if (kind === 'f8') v.setFloat64(i * size, x, !bigEndian);
  });
  return out;
}

describe('npy: hand-made files', () => {
  test('little-endian int16 matrix, version 1.0', () => {
    const t = readNpy(npyFile("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }", le('i2', [1, -2, 300, -32768])), 'a.npy');
    expect(t.dtype).toBe('int16');
    expect([...t.dims]).toEqual([2, 2]);
    expect([...(t.data as Int16Array)]).toEqual([1, -2, 300, -32768]);
  });

  test('version 2.0 and 3.0 headers (4-byte length), double quotes, no trailing comma', () => {
    const a = readNpy(npyFile('{"descr": "<f8", "fortran_order": False, "shape": (2,)}', le('f8', [0.5, -3]), 2), 'v2');
    expect([...(a.data as Float64Array)]).toEqual([0.5, -3]);
    const b = readNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", le('f4', [2.5]), 3), 'v3');
    expect([...(b.data as Float32Array)]).toEqual([2.5]);
  });

  test('big-endian descriptors are byte-swapped', () => {
    const i = readNpy(npyFile("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", Uint8Array.from([0, 0, 1, 2, 0xff, 0xff, 0xff, 0xfe])), 'be');
    expect([...(i.data as Int32Array)]).toEqual([258, -2]);
    const f = readNpy(npyFile("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", le('f8', [1.5], true)), 'be');
    expect([...(f.data as Float64Array)]).toEqual([1.5]);
    // 1.0 in half precision is 0x3C00; big-endian puts 0x3C first.
    const h = readNpy(npyFile("{'descr': '>f2', 'fortran_order': False, 'shape': (1,), }", Uint8Array.from([0x3c, 0x00])), 'be');
    expect(h.dtype).toBe('float16');
    expect([...(h.data as Uint16Array)]).toEqual([0x3c00]);
    const u = readNpy(npyFile("{'descr': '>u8', 'fortran_order': False, 'shape': (1,), }", Uint8Array.from([0x80, 0, 0, 0, 0, 0, 0, 1])), 'be');
    expect([...(u.data as BigUint64Array)]).toEqual([2n ** 63n + 1n]);
  });

  test('fortran_order: True is transposed to C order (2-D)', () => {
    // C matrix [[1,2,3],[4,5,6]] stored column by column: 1,4,2,5,3,6.
    const t = readNpy(npyFile("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", le('i4', [1, 4, 2, 5, 3, 6])), 'f');
    expect([...t.dims]).toEqual([2, 3]);
    expect([...(t.data as Int32Array)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('fortran_order: True is transposed to C order (3-D)', () => {
    // Element (i,j,k) = 100i + 10j + k lives at Fortran offset i + 2j + 6k.
    const f = new Array<number>(24);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) f[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
    const t = readNpy(npyFile("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3, 4), }", le('i4', f)), 'f');
    const d = t.data as Int32Array;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) expect(d[i * 12 + j * 4 + k]).toBe(100 * i + 10 * j + k);
  });

  test('0-d scalar, empty array, bool with non-0/1 bytes, Python 2 long dims', () => {
    const s = readNpy(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", le('f8', [42])), 's');
    expect([...s.dims]).toEqual([]);
    expect([...(s.data as Float64Array)]).toEqual([42]);
    const e = readNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 5), }", new Uint8Array(0)), 'e');
    expect([...e.dims]).toEqual([0, 5]);
    expect(e.size).toBe(0);
    const b = readNpy(npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", Uint8Array.from([0, 1, 7])), 'b');
    expect(b.dtype).toBe('bool');
    expect([...(b.data as Uint8Array)]).toEqual([0, 1, 1]);
    const l = readNpy(npyFile("{'descr': '<i2', 'fortran_order': False, 'shape': (2L,), }", le('i2', [5, 6])), 'l');
    expect([...l.dims]).toEqual([2]);
  });

  test('bfloat16 convention: <V2 (what np.save writes for ml_dtypes.bfloat16) and the name bfloat16', () => {
    const a = readNpy(npyFile("{'descr': '<V2', 'fortran_order': False, 'shape': (1,), }", Uint8Array.from([0x80, 0x3f])), 'bf');
    expect(a.dtype).toBe('bfloat16');
    expect([...(a.data as Uint16Array)]).toEqual([0x3f80]);
    const b = readNpy(npyFile("{'descr': 'bfloat16', 'fortran_order': False, 'shape': (1,), }", Uint8Array.from([0x00, 0xc0])), 'bf');
    expect([...(b.data as Uint16Array)]).toEqual([0xc000]);
    const written = headerOf(writeNpy(new Tensor('bfloat16', [1], Uint16Array.from([0x3f80]))));
    expect(written).toContain("'descr': '<V2'");
  });

  test('unicode strings <U are UTF-32 code points with trailing NULs stripped', () => {
    const data = new Uint8Array(2 * 2 * 4);
    const v = new DataView(data.buffer);
    [0x68, 0x69, 0xe9, 0].forEach((cp, i) => v.setUint32(i * 4, cp, true));
    const t = readNpy(npyFile("{'descr': '<U2', 'fortran_order': False, 'shape': (2,), }", data), 'u');
    expect(t.dtype).toBe('string');
    expect(t.data).toEqual(['hi', 'é']);
    const s = readNpy(npyFile("{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }", ascii('ab\0xyz')), 's');
    expect(s.data).toEqual(['ab', 'xyz']);
  });
});

describe('npy: writing', () => {
  test('header matches numpy.save layout: dict text, spaces, newline, data at a 64-byte boundary', () => {
    const bytes = writeNpy(new Tensor('float32', [2], Float32Array.from([1, 2])));
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLen = bytes[8]! | (bytes[9]! << 8);
    expect((10 + headerLen) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLen));
    expect(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }")).toBe(true);
    expect(header.endsWith(' \n')).toBe(true);
    expect([...bytes.subarray(10 + headerLen)]).toEqual([...le('f4', [1, 2])]);
  });

  test('descr and shape text for bool, int8, int64, scalars and matrices', () => {
    const head = (t: Tensor) => headerOf(writeNpy(t)).trimEnd();
    expect(head(new Tensor('bool', [1], Uint8Array.from([1])))).toBe("{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }");
    expect(head(new Tensor('int8', [2, 3]))).toBe("{'descr': '|i1', 'fortran_order': False, 'shape': (2, 3), }");
    expect(head(new Tensor('int64', []))).toBe("{'descr': '<i8', 'fortran_order': False, 'shape': (), }");
    expect(head(new Tensor('float16', [0]))).toBe("{'descr': '<f2', 'fortran_order': False, 'shape': (0,), }");
  });

  test('round trip of every numeric dtype, scalars and empty arrays', () => {
    for (const [name, t] of numericSamples()) {
      const back = readNpy(writeNpy(t, name), name);
      expectSameTensor(back, t);
    }
  });

  test('a header over 65535 bytes switches to version 2.0 (4-byte header length)', () => {
    const t = new Tensor('uint8', new Array<number>(25000).fill(1), Uint8Array.from([9]));
    const bytes = writeNpy(t);
    expect([bytes[6], bytes[7]]).toEqual([2, 0]);
    const headerLen = new DataView(bytes.buffer).getUint32(8, true);
    expect(headerLen).toBeGreaterThan(0xffff);
    expect((12 + headerLen) % 64).toBe(0);
    expectSameTensor(readNpy(bytes, 'v2'), t);
  });

  test('round trip of strings, including empty and non-BMP ones', () => {
    const t = new Tensor('string', [2, 2], ['', 'héllo', '😀x', 'a']);
    const bytes = writeNpy(t);
    expect(headerOf(bytes)).toContain("'descr': '<U5'");
    expectSameTensor(readNpy(bytes, 's'), t);
  });

  test('plugin: key from the file name, one array per file', async () => {
    expect(npyTensorName('/data/weights.npy')).toBe('weights');
    expect(npyTensorName('C:\\x\\bias.NPY')).toBe('bias');
    expect(npyTensorName(undefined)).toBe('array');
    const t = new Tensor('int32', [1], Int32Array.from([3]));
    const bytes = await npy.saveTensors!(new Map([['w', t]]));
    const map = await npy.loadTensors!(bytes, { path: 'dir/w.npy' });
    expect([...map.keys()]).toEqual(['w']);
    expect(npy.sniff!(bytes)).toBe(true);
    await expectHoduError(() => npy.saveTensors!(new Map([['a', t], ['b', t]]), { path: 'x.npy' }), 'E_NPY', 'x.npy');
  });
});

describe('npy: malformed input is refused with E_NPY', () => {
  const ok = (dict: string, data = new Uint8Array(8)) => npyFile(dict, data);
  const cases: [string, Uint8Array, string][] = [
    ['empty file', new Uint8Array(0), 'magic'],
    ['garbage', ascii('hello, this is not numpy at all'), 'magic'],
    ['magic only', Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1]), 'too short'],
    ['version 4', Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 4, 0, 0, 0]), 'version 4.0'],
    ['header length past the file', concat(Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0xff, 0x7f]), ascii("{'descr'")), 'runs past the end'],
    ['header not a dict', ok("('<f4', False, (2,))"), 'not a dict'],
    ['unterminated dict', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (2,"), 'malformed header'],
    ['missing key', ok("{'descr': '<f4', 'shape': (2,), }"), 'header keys'],
    ['extra key', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1, }"), 'header keys'],
    ['duplicate key', ok("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), 'duplicate key'],
    ['unknown descr', ok("{'descr': '<q9', 'fortran_order': False, 'shape': (2,), }"), "unknown dtype descriptor '<q9'"],
    ['complex', ok("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }"), 'complex'],
    ['object array (pickle)', ok("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"), 'pickle'],
    ['structured dtype', ok("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }"), 'structured'],
    ['fortran_order not bool', ok("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }"), 'fortran_order'],
    ['shape is a list', ok("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }"), 'tuple'],
    ['shape (2) is an int, not a tuple', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }"), 'tuple'],
    ['negative dim', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"), 'dimension 0'],
    ['float dim', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,), }"), 'malformed header'],
    ['huge dim', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,), }"), 'above the limit'],
    ['huge product', ok("{'descr': '|u1', 'fortran_order': False, 'shape': (100000, 100000), }"), 'above the limit'],
    ['zero dim with an overflowing product', ok("{'descr': '|u1', 'fortran_order': False, 'shape': (0, 9007199254740991, 9007199254740991), }"), 'above the limit'],
    ['integer beyond 2^53', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }"), 'out of range'],
    ['data shorter than the shape', ok("{'descr': '<f4', 'fortran_order': False, 'shape': (1000,), }"), 'needs 4000 data bytes'],
    ['deep nesting', ok(`{'descr': ${'['.repeat(50)}${']'.repeat(50)}, 'fortran_order': False, 'shape': (1,), }`), 'too deep'],
    ['string with bad code point', npyFile("{'descr': '<U1', 'fortran_order': False, 'shape': (1,), }", Uint8Array.from([0, 0, 0x11, 0])), 'not a Unicode code point'],
  ];
  for (const [name, bytes, text] of cases) {
    test(name, async () => {
      await expectHoduError(() => readNpy(bytes, 'bad.npy'), 'E_NPY', text);
    });
  }

  test('the message names the file', async () => {
    const e = await expectHoduError(() => npy.loadTensors!(new Uint8Array(3), { path: 'models/x.npy' }), 'E_NPY');
    expect(e.message.startsWith('models/x.npy: ')).toBe(true);
    expect(e.hint).toBeDefined();
  });

  test('every truncation of a valid file is refused', async () => {
    const valid = writeNpy(new Tensor('int64', [3], BigInt64Array.from([1n, 2n, 3n])));
    for (let n = 0; n < valid.length; n++) await expectHoduError(() => readNpy(valid.subarray(0, n), 't.npy'), 'E_NPY');
  });

  test('header parsing is bounded: a huge header length is refused before decoding', async () => {
    const bytes = new Uint8Array(12 + (2 << 20));
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
    new DataView(bytes.buffer).setUint32(8, 2 << 20, true);
    await expectHoduError(() => readNpyHeader(bytes, 'big.npy'), 'E_NPY', 'limit');
  });

  test('fuzz: random damage to numeric, fortran and string files ends in success or HoduError', async () => {
    const numeric = writeNpy(new Tensor('float64', [2, 3], Float64Array.from([1, 2, 3, 4, 5, 6])));
    const fortran = npyFile("{'descr': '>i4', 'fortran_order': True, 'shape': (2, 3), }", le('i4', [1, 4, 2, 5, 3, 6], true));
    const strings = writeNpy(new Tensor('string', [2], ['ab', 'c']));
    let refused = 0;
    for (const [i, valid] of [numeric, fortran, strings].entries()) refused += (await fuzzDecoder(valid, (b) => readNpy(b, 'fuzz.npy'), 100 + i, 300)).refused;
    expect(refused).toBeGreaterThan(0);
  });
});
