import { describe, expect, test } from 'bun:test';
import { deflateRawSync } from 'node:zlib';
import npz, { loadNpz, saveNpz } from '../../src/formats/npz/index';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { crc32 } from '../../src/formats/zip/crc32';
import { listZipEntries } from '../../src/formats/zip/read-zip';
import { Tensor } from '../../src/ir/tensor';
import { ascii, concat, expectHoduError, expectSameMap, fuzzDecoder, numericSamples } from '../fixtures/tensors/helpers';
import { buildZip, type RawEntry } from '../fixtures/tensors/zip-builder';

/** A .npy made by hand: '<i4' of the given shape, header padded to a multiple of 64 bytes. */
function int32Npy(values: number[], shape: string): Uint8Array {
  const dict = `{'descr': '<i4', 'fortran_order': False, 'shape': ${shape}, }`;
  const header = `${dict}${' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64)}\n`;
  const data = new Uint8Array(values.length * 4);
  values.forEach((v, i) => new DataView(data.buffer).setInt32(i * 4, v, true));
  return concat(Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length, 0]), ascii(header), data);
}

const deflatedEntry = (name: string, data: Uint8Array): RawEntry => ({ name, payload: deflateRawSync(data), crc: crc32(data), size: data.length, method: 8 });
const storedEntry = (name: string, data: Uint8Array): RawEntry => ({ name, payload: data, crc: crc32(data), size: data.length });

describe('npz: hand-made archives', () => {
  test('np.savez_compressed-like archive (deflated with node:zlib) keeps entry order and strips .npy', async () => {
    const zip = buildZip([deflatedEntry('weight.npy', int32Npy([1, 2, 3, 4, 5, 6], '(2, 3)')), deflatedEntry('arr_0.npy', int32Npy([-7], '()'))]);
    const map = await npz.loadTensors!(zip, { path: 'm.npz' });
    expect([...map.keys()]).toEqual(['weight', 'arr_0']);
    expect([...map.get('weight')!.dims]).toEqual([2, 3]);
    expect([...(map.get('weight')!.data as Int32Array)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...map.get('arr_0')!.dims]).toEqual([]);
    expect([...(map.get('arr_0')!.data as Int32Array)]).toEqual([-7]);
  });

  test('np.savez-like stored archive with a nested key', async () => {
    const map = await loadNpz(buildZip([storedEntry('layer1/w.npy', int32Npy([9, 8], '(2,)'))]));
    expect([...map.keys()]).toEqual(['layer1/w']);
    expect([...(map.get('layer1/w')!.data as Int32Array)]).toEqual([9, 8]);
  });
});

describe('npz: round trip', () => {
  test('every numeric dtype, scalars, empty arrays and strings, stored and compressed', async () => {
    const tensors = numericSamples();
    tensors.set('names', new Tensor('string', [2], ['alpha', 'β']));
    for (const compress of [false, true]) {
      const bytes = await saveNpz(tensors, { compress });
      expect(listZipEntries(bytes).every((e) => e.method === (compress ? 8 : 0))).toBe(true);
      expect(listZipEntries(bytes).map((e) => e.name)).toEqual([...tensors.keys()].map((k) => `${k}.npy`));
      expectSameMap(await loadNpz(bytes), tensors);
    }
  });

  test('plugin saveTensors/loadTensors and sniffing', async () => {
    const tensors = new Map([['a', new Tensor('float32', [2], Float32Array.from([1, 2]))]]);
    const bytes = await npz.saveTensors!(tensors, { path: 'x.npz' });
    expect(npz.sniff!(bytes)).toBe(true);
    expect(npz.sniff!(writeNpy(tensors.get('a')!))).toBe(false);
    expectSameMap(await npz.loadTensors!(bytes), tensors);
  });
});

describe('npz: malformed archives', () => {
  test('".." in an entry name is refused', async () => {
    await expectHoduError(() => loadNpz(buildZip([storedEntry('../x.npy', int32Npy([1], '(1,)'))]), 'evil.npz'), 'E_ZIP', 'evil.npz');
  });

  test('a non-.npy entry is refused with E_NPZ', async () => {
    await expectHoduError(() => loadNpz(buildZip([storedEntry('readme.txt', ascii('hi'))]), 'x.npz'), 'E_NPZ', 'readme.txt');
  });

  test('a broken .npy inside names the archive and the entry', async () => {
    const e = await expectHoduError(() => loadNpz(buildZip([storedEntry('w.npy', int32Npy([1], '(5,)'))]), 'x.npz'), 'E_NPY');
    expect(e.message).toContain('x.npz:w.npy');
  });

  test('a .npy entry holding pickled objects is refused', async () => {
    const dict = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";
    const npy = concat(Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length + 1, 0]), ascii(`${dict}\n`), new Uint8Array(8));
    await expectHoduError(() => loadNpz(buildZip([storedEntry('o.npy', npy)])), 'E_NPY', 'pickle');
  });

  test('garbage and truncated archives', async () => {
    await expectHoduError(() => loadNpz(ascii('PK not really a zip file at all......')), 'E_ZIP');
    const good = await saveNpz(numericSamples());
    for (const n of [0, 10, 100, good.length - 30, good.length - 1]) await expectHoduError(() => loadNpz(good.subarray(0, n)), 'E_ZIP');
  });

  test('saving a tensor named with ".." is refused', async () => {
    await expectHoduError(() => saveNpz(new Map([['../up', new Tensor('int8', [1])]])), 'E_ZIP', '".." segment');
  });

  test('fuzz: random damage ends in success or HoduError', async () => {
    const tensors = new Map([
      ['w', new Tensor('float32', [2, 2], Float32Array.from([1, 2, 3, 4]))],
      ['i', new Tensor('int64', [1], BigInt64Array.from([5n]))],
    ]);
    await fuzzDecoder(await saveNpz(tensors), (b) => loadNpz(b), 11, 300);
    await fuzzDecoder(await saveNpz(tensors, { compress: true }), (b) => loadNpz(b), 12, 300);
  });
});
