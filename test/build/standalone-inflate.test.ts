/**
 * The standalone executable's inflate (src/build/c/standalone/inflate.c) against node:zlib's deflate: stored,
 * fixed-Huffman and dynamic-Huffman blocks over data with long matches, and damaged streams, which must be
 * refused (or decode to something) without an out-of-bounds access under AddressSanitizer/UBSan.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync, type ZlibOptions } from 'node:zlib';
import { describeWithTools } from '../support/optional-tools';
import { compile, ROOT, runExe, sanitizerEnv, sanitizerSupport, STANDALONE_DIR } from './standalone-support';

let work: string;
let checker: string;
let sanitized: string;
const asan = sanitizerSupport();

const sources = () => [join(ROOT, 'test', 'fixtures', 'build', 'inflate-check.c'), ...['inflate.c', 'crc32.c', 'util.c'].map((f) => join(STANDALONE_DIR, f))];

/** 400 kB mixing random bytes, text repeated at short and long distances, and runs: every code path of deflate. */
function sample(): Uint8Array {
  const out = new Uint8Array(400_000);
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
  const text = new TextEncoder().encode('the quick brown fox jumps over the lazy dog; ');
  let p = 0;
  while (p < out.length) {
    const kind = rand() % 4;
    const len = Math.min(out.length - p, 200 + (rand() % 5000));
    for (let i = 0; i < len; i++) {
      if (kind === 0) out[p + i] = rand() & 0xff;
      else if (kind === 1) out[p + i] = text[(p + i) % text.length]!;
      else if (kind === 2) out[p + i] = 0;
      else out[p + i] = p >= 30_000 ? out[p + i - 30_000]! : i & 0xff; // a match near the 32 KiB window's end
    }
    p += len;
  }
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-inflate-'));
  checker = join(work, 'inflate-check');
  compile(sources(), checker);
  if ('flags' in asan) {
    sanitized = join(work, 'inflate-check-asan');
    compile(sources(), sanitized, asan.flags);
  }
  writeFileSync(join(work, 'data'), sample());
  writeFileSync(join(work, 'empty'), new Uint8Array(0));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(name: string, data: string, options: ZlibOptions): ReturnType<typeof runExe> {
  writeFileSync(join(work, name), deflateRawSync(readFileSync(join(work, data)), options));
  return runExe(checker, [name, data], work);
}

describeWithTools(['cc'], 'standalone inflate', () => {
  const cases: [string, ZlibOptions][] = [
    ['stored blocks (level 0)', { level: 0 }],
    ['fixed Huffman blocks', { strategy: constants.Z_FIXED }],
    ['dynamic Huffman blocks (default level)', {}],
    ['dynamic Huffman blocks (level 9, small memory: many blocks)', { level: 9, memLevel: 1 }],
    ['Huffman only', { strategy: constants.Z_HUFFMAN_ONLY }],
    ['run-length matches', { strategy: constants.Z_RLE }],
  ];
  for (const [what, options] of cases) {
    test(`inflates ${what} to the original bytes`, () => {
      const r = check(`data-${cases.findIndex(([w]) => w === what)}.raw`, 'data', options);
      expect(r.stdout).toBe('ok\n');
      expect(r.code).toBe(0);
    });
  }

  test('an empty stream inflates to nothing', () => {
    expect(check('empty.raw', 'empty', {}).stdout).toBe('ok\n');
  });

  test('a stream that holds more, or less, than the declared size is refused', () => {
    const stream = deflateRawSync(new Uint8Array(1000).fill(7));
    writeFileSync(join(work, 'seven.raw'), stream);
    writeFileSync(join(work, 'short'), new Uint8Array(999).fill(7));
    writeFileSync(join(work, 'long'), new Uint8Array(1001).fill(7));
    const more = runExe(checker, ['seven.raw', 'short'], work);
    expect([more.code, more.stdout]).toEqual([1, expect.stringContaining('more data than the archive declares')]);
    const less = runExe(checker, ['seven.raw', 'long'], work);
    expect([less.code, less.stdout]).toEqual([1, 'deflate stream ends after 1000 bytes, the archive declares 1001\n']);
  });

  test('a truncated stream and a reserved block type are refused with the reason', () => {
    const stream = deflateRawSync(readFileSync(join(work, 'data')));
    writeFileSync(join(work, 'cut.raw'), stream.subarray(0, stream.length >> 1));
    const cut = runExe(checker, ['cut.raw', 'data'], work);
    expect([cut.code, cut.stdout]).toEqual([1, expect.stringMatching(/^deflate stream is corrupt: the stream ends/)]);
    writeFileSync(join(work, 'type3.raw'), new Uint8Array([0x07, 0, 0, 0]));
    const type3 = runExe(checker, ['type3.raw', 'short'], work);
    expect(type3.stdout).toBe('deflate stream is corrupt: an invalid block type (3) (after 0 of 999 bytes)\n');
  });

  const fuzz = 'damaged streams are refused or decoded, never read or written out of bounds (ASan/UBSan)';
  if ('skip' in asan) test.skip(`${fuzz} [skipped: ${asan.skip}]`, () => {});
  else test(fuzz, () => {
    const data = readFileSync(join(work, 'data')).subarray(0, 60_000);
    writeFileSync(join(work, 'fuzz-expected'), data);
    for (const [i, options] of [{}, { strategy: constants.Z_FIXED }, { level: 0 }].entries()) {
      const raw = `fuzz-${i}.raw`;
      writeFileSync(join(work, raw), deflateRawSync(data, options));
      const r = runExe(sanitized, [raw, 'fuzz-expected', '300', String(1 + i)], work, sanitizerEnv());
      expect(r.stderr).toBe('');
      expect([r.code, r.signal]).toEqual([0, null]);
      expect(r.stdout).toMatch(/^refused \d+ of 300\n$/);
    }
  }, 120_000);
});
