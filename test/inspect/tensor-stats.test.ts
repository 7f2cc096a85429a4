/**
 * Tensor statistics (src/runtime/tensor-stats.ts) against values the test computes itself (two passes over a
 * plain number list, float16 bits decoded by the test's own decoder), and `hodu inspect FILE --stats --values`
 * through the compiled binary on .npy, .npz and .safetensors files.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSafetensors } from '../../src/formats/safetensors/index';
import { Tensor } from '../../src/ir/tensor';
import { tensorStats } from '../../src/runtime/tensor-stats';
import { mulberry32 } from '../../src/util/prng';
import { hodu, requireBinary, tempDir, writeAddModel, writeNpyFile, writeNpzFile } from '../e2e/hodu';

const tmp = tempDir('hodu-inspect-stats-');
beforeAll(requireBinary);
afterAll(() => tmp.cleanup());

/** min, max, mean, population std of the finite values, and the NaN/Inf counts: two plain passes. */
function reference(values: number[]) {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const mean = n ? finite.reduce((a, b) => a + b, 0) / n : null;
  const std = n ? Math.sqrt(finite.reduce((a, b) => a + (b - mean!) ** 2, 0) / n) : null;
  return {
    count: values.length,
    nan: values.filter(Number.isNaN).length,
    inf: values.filter((v) => v === Infinity || v === -Infinity).length,
    min: n ? Math.min(...finite) : null,
    max: n ? Math.max(...finite) : null,
    mean,
    std,
  };
}

function expectStats(actual: ReturnType<typeof tensorStats>, values: number[]) {
  const ref = reference(values);
  expect(actual).not.toBeNull();
  const { mean, std, ...exact } = ref;
  expect(actual!).toMatchObject(exact);
  if (mean === null) expect(actual!.mean).toBeNull();
  else expect(actual!.mean!).toBeCloseTo(mean, 9);
  if (std === null) expect(actual!.std).toBeNull();
  else expect(actual!.std!).toBeCloseTo(std, 9);
}

/** IEEE half: sign, 5 exponent bits, 10 fraction bits (subnormals, Inf, NaN). */
function decodeHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

test('float32 with NaN and ±Inf: counted apart, the rest summarized', () => {
  const rand = mulberry32(7);
  const values = Array.from({ length: 5000 }, () => Math.fround(rand() * 200 - 100));
  values[10] = NaN;
  values[20] = Infinity;
  values[30] = -Infinity;
  expectStats(tensorStats(new Tensor('float32', [50, 100], Float32Array.from(values))), values);
});

test('float16 and bfloat16 are decoded; a large mean keeps its precision (float64 accumulation)', () => {
  const bits = Uint16Array.from([0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00, 0x7e00, 0x3555, 0x8400]);
  expectStats(tensorStats(new Tensor('float16', [8], bits)), [...bits].map(decodeHalf));
  // bfloat16 is the top half of a float32.
  const bf = Uint16Array.from([0x3f80, 0xc120, 0x4049]);
  const f32 = (b: number) => new Float32Array(new Uint32Array([b << 16]).buffer)[0]!;
  expectStats(tensorStats(new Tensor('bfloat16', [3], bf)), [...bf].map(f32));
  const offset = Array.from({ length: 100_000 }, (_, i) => 1e6 + (i % 2));
  expectStats(tensorStats(new Tensor('float64', [offset.length], Float64Array.from(offset))), offset);
});

test('integers, int64, bool, empty tensors, all-NaN, strings', () => {
  const ints = [-128, 127, 0, 5, -3];
  expectStats(tensorStats(new Tensor('int8', [5], Int8Array.from(ints))), ints);
  expectStats(tensorStats(new Tensor('uint32', [2], Uint32Array.from([4294967295, 1]))), [4294967295, 1]);
  expectStats(tensorStats(new Tensor('int64', [3], BigInt64Array.from([-(2n ** 40n), 7n, 2n ** 40n]))), [-(2 ** 40), 7, 2 ** 40]);
  expectStats(tensorStats(new Tensor('bool', [4], Uint8Array.from([1, 0, 1, 1]))), [1, 0, 1, 1]);
  expectStats(tensorStats(new Tensor('float32', [0, 3])), []);
  expectStats(tensorStats(new Tensor('float32', [2], Float32Array.from([NaN, NaN]))), [NaN, NaN]);
  expect(tensorStats(new Tensor('string', [1], ['a']))).toBeNull();
});

test('hodu inspect FILE --stats --json: every tensor of an .npz, a .npy and a .safetensors', async () => {
  const rand = mulberry32(3);
  const a = Array.from({ length: 600 }, () => Math.fround(rand() * 10 - 5));
  a[5] = NaN;
  const tensors = new Map([
    ['a', new Tensor('float32', [20, 30], Float32Array.from(a))],
    ['h', new Tensor('float16', [4], Uint16Array.from([0x3c00, 0x4000, 0x7c00, 0xbc00]))],
    ['i', new Tensor('int32', [3], Int32Array.from([-4, 9, 1]))],
    ['e', new Tensor('float32', [0])],
  ]);
  const expected: Record<string, number[]> = { a, h: [1, 2, Infinity, -1], i: [-4, 9, 1], e: [] };
  const npz = await writeNpzFile(join(tmp.dir, 't.npz'), tensors);
  const st = join(tmp.dir, 't.safetensors');
  writeFileSync(st, writeSafetensors(tensors));
  for (const file of [npz, st]) {
    const r = hodu(['inspect', file, '--stats', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tensors.map((t: { name: string }) => t.name).sort()).toEqual(['a', 'e', 'h', 'i']);
    for (const t of out.tensors) expectStats(t.stats, expected[t.name]!);
  }
  const npy = writeNpyFile(join(tmp.dir, 'i.npy'), tensors.get('i')!);
  const one = JSON.parse(hodu(['inspect', npy, '--stats', '--values', '--json']).stdout);
  expectStats(one.tensors[0].stats, [-4, 9, 1]);
  expect(one.tensors[0].preview).toBe('[-4  9  1]');
});

test('hodu inspect FILE --stats --values as text; refused on models, model flags refused on tensors', () => {
  const npy = writeNpyFile(join(tmp.dir, 'v.npy'), new Tensor('float32', [2, 2], Float32Array.from([1.5, NaN, -2, 4])));
  const r = hodu(['inspect', npy, '--stats', '--values']);
  expect(r.code).toBe(0);
  // min -2, max 4, mean 3.5/3, std sqrt(((1.5-m)² + (-2-m)² + (4-m)²)/3), 1 NaN.
  const m = 3.5 / 3;
  const std = Math.sqrt(((1.5 - m) ** 2 + (-2 - m) ** 2 + (4 - m) ** 2) / 3);
  const six = (x: number) => String(Number(x.toPrecision(6)));
  expect(r.stdout).toMatch(new RegExp(`float32\\s+\\[2,2\\]\\s+-2\\s+4\\s+${six(m)}\\s+${six(std)}\\s+1\\s+0`));
  // What numpy prints for this array (str(np.array(..., dtype=np.float32))).
  expect(r.stdout).toContain('[[ 1.5  nan]\n [-2.   4. ]]');
  const model = writeAddModel(join(tmp.dir, 'm.onnx'));
  const refused = hodu(['inspect', model, '--stats']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('--stats applies to tensor files');
  expect(hodu(['inspect', npy, '--node', 'x']).stderr).toContain('--node applies to models');
  expect(hodu(['inspect', npy, '--stats', '--dim', 'b=1']).stderr).toContain('--dim applies to models');
});

test('hodu inspect FILE --values: a string holding a terminal escape prints as Python writes it, not as raw control bytes', () => {
  const npy = writeNpyFile(join(tmp.dir, 's.npy'), new Tensor('string', [2], ['\x1b]0;title\x07', 'ok']));
  const r = hodu(['inspect', npy, '--values']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("['\\x1b]0;title\\x07' 'ok']");
  expect(r.stdout).not.toContain('\x1b');
});
