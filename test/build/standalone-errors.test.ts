/**
 * The standalone executable's refusals: each bad input exits non-zero (2 for inputs and options, 1 for a
 * failed run) with a message naming the input, what was expected and the file, and never dies of a signal.
 * Damaged .npy/.npz files (every truncation, flipped bytes) run under AddressSanitizer/UBSan where the
 * compiler supports it.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveNpz } from '../../src/formats/npz/index';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { float32Tensor, Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { buildStandalone, runExe, sanitizerEnv, sanitizerSupport, type ExeResult } from './standalone-support';

let work: string;
let exe: string;
let typedExe: string;
let sanitized: string;
const asan = sanitizerSupport();

const a = () => float32Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
const b = () => float32Tensor([1, 2, 3], [3]);
const file = (name: string, bytes: Uint8Array) => writeFileSync(join(work, name), bytes);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hodu-standalone-errors-'));
  exe = buildStandalone('add-model', join(work, 'add'));
  typedExe = buildStandalone('typed-model', join(work, 'typed'));
  if ('flags' in asan) sanitized = buildStandalone('add-model', join(work, 'add-asan'), asan.flags);
  file('a.npy', writeNpy(a()));
  file('b.npy', writeNpy(b()));
  file('stored.npz', await saveNpz(new Map([['a', a()], ['b', b()]])));
  file('deflated.npz', await saveNpz(new Map([['a', a()], ['b', b()]]), { compress: true }));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs and checks the failure: the exit code, no signal, and that the message holds every fragment. */
function refuses(args: string[], code: number, ...fragments: string[]): ExeResult {
  const r = runExe(exe, args, work);
  expect(r.signal).toBeNull();
  for (const f of fragments) expect(r.stderr).toContain(f);
  expect(r.stderr).toStartWith('error: ');
  expect(r.code).toBe(code);
  return r;
}

/** The offsets of an archive's first local entry data and of each central-directory record's CRC field. */
function zipLayout(bytes: Uint8Array): { firstData: number; crcFields: Map<string, number> } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const firstData = 30 + v.getUint16(26, true) + v.getUint16(28, true);
  const eocd = bytes.length - 22;
  let p = v.getUint32(eocd + 16, true);
  const crcFields = new Map<string, number>();
  for (let i = 0; i < v.getUint16(eocd + 10, true); i++) {
    const nameLen = v.getUint16(p + 28, true);
    crcFields.set(new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)), p + 16);
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return { firstData, crcFields };
}

describeWithTools(['cc'], 'standalone executable refusals', () => {
  test('a wrong shape or dtype names the input, expected vs got, and the file', async () => {
    refuses(['a=b.npy', 'b=b.npy'], 2, "input 'a': expected float32[2,3], got float32[3] in b.npy");
    file('a64.npy', writeNpy(new Tensor('float64', [2, 3], new Float64Array(6))));
    refuses(['a64.npy', 'b.npy'], 2, "input 'a': expected float32[2,3], got float64[2,3] in a64.npy");
    file('wrong.npz', await saveNpz(new Map([['a', a()], ['b', a()]])));
    refuses(['wrong.npz'], 2, "input 'b': expected float32[3], got float32[2,3] in wrong.npz entry 'b.npy'");
  });

  test('a missing input, an unknown name, an input given twice, a file too many', async () => {
    refuses(['a.npy'], 2, "input 'b' (float32[3]) is missing");
    refuses([], 2, "input 'a' (float32[2,3]) is missing");
    refuses(['c=a.npy', 'b.npy'], 2, "'c' (c=a.npy) is not an input of this model; its inputs: a float32[2,3], b float32[3]");
    file('extra.npz', await saveNpz(new Map([['a', a()], ['b', b()], ['c', b()]])));
    refuses(['extra.npz'], 2, "'c' (entry 'c.npy' of extra.npz) is not an input of this model");
    refuses(['stored.npz', 'a=a.npy'], 2, "input 'a' is given twice: by stored.npz entry a.npy and by a.npy");
    refuses(['stored.npz', 'a.npy'], 2, 'a.npy: no input is left for this file');
    refuses(['a.npy', 'b=missing.npy'], 2, "input 'b': cannot open missing.npy");
  });

  test('truncated, Fortran-order and non-.npy files are refused naming the input', () => {
    const npy = writeNpy(a());
    file('cut.npy', npy.subarray(0, npy.length - 5));
    refuses(['cut.npy', 'b.npy'], 2, "input 'a' (cut.npy): shape [2,3] of float32 needs 24 data bytes, the file has 19 (truncated?)");
    file('cut-header.npy', npy.subarray(0, 40));
    refuses(['a=cut-header.npy', 'b.npy'], 2, "input 'a' (cut-header.npy): header length", 'runs past the end');
    const fortran = npy.slice();
    fortran.set(new TextEncoder().encode('True '), Buffer.from(npy).indexOf('False'));
    file('fortran.npy', fortran);
    refuses(['fortran.npy', 'b.npy'], 2, "input 'a' (fortran.npy): the array is in Fortran (column-major) order");
    file('text.npy', new TextEncoder().encode('hello'));
    refuses(['a.npy', 'text.npy'], 2, "input 'b' (text.npy): missing the \\x93NUMPY magic");
  });

  test('a corrupt deflate stream and a bad CRC-32 name the input and the entry', () => {
    const deflated = readFileSync(join(work, 'deflated.npz'));
    const corrupt = deflated.slice();
    corrupt[zipLayout(corrupt).firstData] = 0x07; // final block of reserved type 3
    file('corrupt.npz', corrupt);
    refuses(['corrupt.npz'], 2, "input 'a' (corrupt.npz entry 'a.npy'): deflate stream is corrupt: an invalid block type (3)");
    const badCrc = readFileSync(join(work, 'stored.npz')).slice();
    badCrc[zipLayout(badCrc).crcFields.get('b.npy')!] ^= 0xff;
    file('bad-crc.npz', badCrc);
    refuses(['bad-crc.npz'], 2, "input 'b' (bad-crc.npz entry 'b.npy'): CRC-32 mismatch");
    const encrypted = readFileSync(join(work, 'stored.npz')).slice();
    encrypted[zipLayout(encrypted).crcFields.get('a.npy')! - 8] |= 1; // general-purpose flag bit 0
    file('encrypted.npz', encrypted);
    refuses(['encrypted.npz'], 2, "encrypted.npz: entry 'a.npy' is encrypted");
  });

  test('bad options; a failed create or run prints the model error and exits 1', async () => {
    refuses(['--bogus'], 2, "unknown option '--bogus'");
    refuses(['--threads', 'x'], 2, "--threads needs a whole number from 0 to 65536, got 'x'");
    refuses(['--repeat', '0'], 2, '--repeat needs a whole number from 1');
    refuses(['a.npy', 'b.npy', '-o'], 2, '-o needs a value');
    refuses(['a.npy', 'b.npy', '-q', '-o', join(work, 'no-such-dir', 'out.npz')], 1, 'cannot create a temporary file beside it');
    const inputs = (s: number) => [
      ['s', new Tensor('float64', [], new Float64Array([s]))],
      ['h', new Tensor('float16', [2], new Uint16Array(2))],
      ['k', new Tensor('int8', [3], new Int8Array(3))],
      ['flag', new Tensor('bool', [2], new Uint8Array(2))],
      ['big', new Tensor('uint16', [2], new Uint16Array(2))],
    ] as [string, Tensor][];
    file('typed-nan.npz', await saveNpz(new Map(inputs(Number.NaN))));
    file('typed-ok.npz', await saveNpz(new Map(inputs(1))));
    const failed = runExe(typedExe, ['typed-nan.npz', '-o', 'never.npz'], work);
    expect([failed.code, failed.stderr]).toEqual([1, 'error: the model failed (status 1): s is NaN\n']);
    const refused = runExe(typedExe, ['typed-ok.npz', '--threads', '7'], work);
    expect([refused.code, refused.stderr]).toEqual([1, 'error: cannot create the model: 7 threads refused\n']);
  });

  const fuzz = 'every truncation and random byte flips of .npy and .npz inputs: refused or run, never a crash (ASan/UBSan)';
  if ('skip' in asan) test.skip(`${fuzz} [skipped: ${asan.skip}]`, () => {});
  else
    test(fuzz, () => {
      const cases: [string, Uint8Array, string[]][] = [
        ['fz.npy', readFileSync(join(work, 'a.npy')), ['fz.npy', 'b.npy']],
        ['fz.npz', readFileSync(join(work, 'deflated.npz')), ['fz.npz']],
        ['fz-stored.npz', readFileSync(join(work, 'stored.npz')), ['fz-stored.npz']],
      ];
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
      let ran = 0;
      for (const [name, bytes, args] of cases) {
        const variants: Uint8Array[] = [];
        for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 60))) variants.push(bytes.subarray(0, cut));
        for (let i = 0; i < 40; i++) {
          const v = bytes.slice();
          for (let k = 1 + rand(3); k > 0; k--) v[rand(v.length)] ^= 1 << rand(8);
          variants.push(v);
        }
        for (const v of variants) {
          file(name, v);
          const r = runExe(sanitized, [...args, '-q', '-o', 'fz-out.npz'], work, sanitizerEnv());
          expect(r.signal, r.stderr).toBeNull();
          expect(r.stderr).not.toMatch(/Sanitizer|runtime error/);
          expect([0, 2]).toContain(r.code!);
          if (r.code === 2) expect(r.stderr).toMatch(/^error: .*(input '[ab]'|fz)/);
          ran++;
        }
      }
      expect(ran).toBeGreaterThan(250);
    }, 300_000);
});

