import { describe, expect, test } from 'bun:test';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/formats/zip/crc32';
import { listZipEntries, readZip } from '../../src/formats/zip/read-zip';
import { writeZip } from '../../src/formats/zip/write-zip';
import { ascii, expectHoduError, fuzzDecoder } from '../fixtures/tensors/helpers';
import { buildZip, type RawEntry } from '../fixtures/tensors/zip-builder';

const hello = ascii('hello, zip');
const stored = (name: string, data = hello, extra: Partial<RawEntry> = {}): RawEntry => ({ name, payload: data, crc: crc32(data), size: data.length, ...extra });

describe('crc32', () => {
  test('standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('zip reader on hand-built archives', () => {
  test('stored and deflated entries, with an archive comment', async () => {
    const big = ascii('abc'.repeat(1000));
    const deflated = deflateRawSync(big);
    const zip = buildZip([stored('a.txt'), { name: 'dir/b.bin', payload: deflated, crc: crc32(big), size: big.length, method: 8 }], 'a comment');
    const entries = listZipEntries(zip);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([['a.txt', 0, hello.length], ['dir/b.bin', 8, 3000]]);
    const files = await readZip(zip);
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello, zip');
    expect(new TextDecoder().decode(files.get('dir/b.bin'))).toBe('abc'.repeat(1000));
  });

  test('an empty archive has no entries', async () => {
    expect((await readZip(buildZip([]))).size).toBe(0);
  });
});

describe('zip writer', () => {
  test('stored layout follows the spec: local header at 0, central directory, end record', async () => {
    const zip = await writeZip(new Map([['x.npy', hello]]));
    const v = new DataView(zip.buffer);
    expect(v.getUint32(0, true)).toBe(0x04034b50);
    expect(v.getUint16(8, true)).toBe(0); // stored
    expect(v.getUint32(14, true)).toBe(crc32(hello));
    expect(new TextDecoder().decode(zip.subarray(30, 35))).toBe('x.npy');
    expect(new TextDecoder().decode(zip.subarray(35, 35 + hello.length))).toBe('hello, zip');
    const eocd = zip.length - 22;
    expect(v.getUint32(eocd, true)).toBe(0x06054b50);
    expect(v.getUint16(eocd + 10, true)).toBe(1);
    expect(v.getUint32(eocd + 16, true)).toBe(35 + hello.length); // directory right after the data
  });

  test('round trip: stored, deflated, forced zip64', async () => {
    const files = new Map([['a.npy', hello], ['b/c.npy', new Uint8Array(5000).fill(7)], ['empty.npy', new Uint8Array(0)]]);
    for (const opts of [{}, { compress: true }, { forceZip64: true }, { compress: true, forceZip64: true }]) {
      const zip = await writeZip(files, opts);
      const back = await readZip(zip);
      expect([...back.keys()]).toEqual([...files.keys()]);
      for (const [k, v] of files) expect([...back.get(k)!]).toEqual([...v]);
    }
    const z64 = await writeZip(files, { forceZip64: true });
    const v = new DataView(z64.buffer);
    expect(v.getUint16(z64.length - 22 + 10, true)).toBe(0xffff);
    expect(v.getUint32(z64.length - 22 - 20, true)).toBe(0x07064b50);
    const deflated = await writeZip(files, { compress: true });
    expect(listZipEntries(deflated).every((e) => e.method === 8)).toBe(true);
    expect(deflated.length).toBeLessThan(1000);
  });

  test('refuses unsafe entry names', async () => {
    await expectHoduError(() => writeZip(new Map([['../evil.npy', hello]])), 'E_ZIP', '".." segment');
  });
});

describe('zip reader refuses hostile or broken archives with E_ZIP', () => {
  const good = buildZip([stored('a.npy')]);
  const cases: [string, Uint8Array, string][] = [
    ['too short', new Uint8Array(10), 'too short'],
    ['no end record', new Uint8Array(100), 'no end-of-central-directory'],
    ['parent directory entry', buildZip([stored('../../etc/passwd')]), '".." segment'],
    ['nested parent directory', buildZip([stored('a/../../b.npy')]), '".." segment'],
    ['backslash parent', buildZip([stored('a\\..\\..\\b.npy')]), '".." segment'],
    ['absolute path', buildZip([stored('/etc/passwd')]), 'absolute path'],
    ['drive letter', buildZip([stored('C:/x.npy')]), 'drive letter'],
    ['empty name', buildZip([stored('')]), 'empty'],
    ['duplicate names', buildZip([stored('a.npy'), stored('a.npy')]), 'duplicate entry'],
    ['encrypted', buildZip([stored('a.npy', hello, { flags: 1 })]), 'encrypted'],
    ['bzip2 method', buildZip([stored('a.npy', hello, { method: 12 })]), 'compression method 12'],
    ['stored with lying size', buildZip([stored('a.npy', hello, { size: 3 })]), 'compressed size'],
    ['local offset out of range', buildZip([stored('a.npy', hello, { declaredOffset: 1 << 30 })]), 'outside'],
    ['local offset at no header', buildZip([stored('a.npy', hello, { declaredOffset: 4 })]), 'bad local header'],
    ['compressed size past the end', buildZip([stored('a.npy', hello, { declaredCompressedSize: 1 << 20, size: 1 << 20 })]), 'outside'],
    ['truncated', good.subarray(0, good.length - 1), 'no end-of-central-directory'],
    ['central directory offset past the end', (() => {
      const z = good.slice();
      new DataView(z.buffer).setUint32(z.length - 6, 0xfffffff0, true);
      return z;
    })(), 'outside'],
    ['entry count larger than the directory', (() => {
      const z = good.slice();
      new DataView(z.buffer).setUint16(z.length - 12, 500, true);
      return z;
    })(), 'cannot fit'],
    ['zip64 marker without a locator', (() => {
      const z = good.slice();
      new DataView(z.buffer).setUint32(z.length - 6, 0xffffffff, true);
      return z;
    })(), 'zip64'],
  ];
  for (const [name, bytes, text] of cases) {
    test(name, async () => {
      await expectHoduError(() => readZip(bytes, 'bad.zip'), 'E_ZIP', text);
    });
  }

  test('CRC mismatch', async () => {
    await expectHoduError(() => readZip(buildZip([stored('a.npy', hello, { crc: 1234 })])), 'E_ZIP', 'CRC-32 mismatch');
  });

  test('deflated entry that inflates to more than declared', async () => {
    const big = new Uint8Array(100_000);
    const zip = buildZip([{ name: 'a.npy', payload: deflateRawSync(big), crc: crc32(big), size: 1000, method: 8 }]);
    await expectHoduError(() => readZip(zip), 'E_ZIP', 'does not inflate');
  });

  test('deflated entry that inflates to less than declared', async () => {
    const small = new Uint8Array(10);
    const zip = buildZip([{ name: 'a.npy', payload: deflateRawSync(small), crc: crc32(small), size: 20, method: 8 }]);
    await expectHoduError(() => readZip(zip), 'E_ZIP', 'the directory says 20');
  });

  test('declared size beyond what deflate can produce (bomb) is refused before inflating', async () => {
    const zip = buildZip([{ name: 'a.npy', payload: new Uint8Array(10), crc: 0, size: 2 ** 31, method: 8 }]);
    await expectHoduError(() => listZipEntries(zip), 'E_ZIP', 'beyond what deflate can produce');
  });

  test('corrupt deflate stream', async () => {
    const zip = buildZip([{ name: 'a.npy', payload: Uint8Array.from([0xff, 0xff, 0xff]), crc: 0, size: 3, method: 8 }]);
    await expectHoduError(() => readZip(zip), 'E_ZIP', 'does not inflate');
  });

  test('fuzz: random damage to stored and deflated archives ends in success or HoduError', async () => {
    const files = new Map([['a.npy', hello], ['b.npy', new Uint8Array(300).map((_, i) => i % 7)]]);
    const a = await fuzzDecoder(await writeZip(files), (b) => readZip(b), 1, 400);
    const b = await fuzzDecoder(await writeZip(files, { compress: true, forceZip64: true }), (b) => readZip(b), 2, 400);
    expect(a.refused + b.refused).toBeGreaterThan(0);
  });
});
