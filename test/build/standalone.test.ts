/**
 * The standalone executable's main (src/build/c/standalone/) over hand-written models behind hodu_model.h:
 * inputs written by hodu's own npy/npz writers (stored and deflated), numpy variants (big-endian, version
 * 2.0 headers, 0-d arrays), and outputs read back with hodu's npz reader against values computed here.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNpz, saveNpz } from '../../src/formats/npz/index';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { writeZip } from '../../src/formats/zip/write-zip';
import { float32Tensor, Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { bigEndianNpy, buildStandalone, runExe, version2Npy } from './standalone-support';

let work: string;
let addExe: string;
let typedExe: string;

const A = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5];
const B = [1, -1, 0.25];
const a = () => float32Tensor(A, [2, 3]);
const b = () => float32Tensor(B, [3]);
/** y = a + b broadcast over rows, rounded to float32 like the model computes it. */
const expectedY = () => Array.from(Float32Array.from(A, (v, i) => v + B[i % 3]!));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-standalone-'));
  addExe = buildStandalone('add-model', join(work, 'add'));
  typedExe = buildStandalone('typed-model', join(work, 'typed'));
  writeFileSync(join(work, 'a.npy'), writeNpy(a()));
  writeFileSync(join(work, 'b.npy'), writeNpy(b()));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function addOutputs(args: string[], out: string): Promise<void> {
  const r = runExe(addExe, [...args, '-o', out], work);
  expect(r.stderr).toContain(`wrote 3 outputs to ${out}`);
  expect(r.code).toBe(0);
  const outputs = await loadNpz(readFileSync(join(work, out)), out);
  expect([...outputs.keys()]).toEqual(['y', 'n', 'mask']);
  const y = outputs.get('y')!;
  expect([y.dtype, y.dims]).toEqual(['float32', [2, 3]]);
  expect(Array.from(y.data as Float32Array)).toEqual(expectedY());
  const n = outputs.get('n')!;
  expect([n.dtype, n.dims, Array.from(n.data as BigInt64Array)]).toEqual(['int64', [], [6n]]);
  const mask = outputs.get('mask')!;
  expect([mask.dtype, mask.dims]).toEqual(['bool', [2, 3]]);
  expect(Array.from(mask.data as Uint8Array)).toEqual(expectedY().map((v) => (v > 0 ? 1 : 0)));
}

describeWithTools(['cc'], 'standalone executable', () => {
  test('positional .npy files (input order) and NAME=FILE (any order) give y = a + b, read back by hodu', async () => {
    await addOutputs(['a.npy', 'b.npy'], 'positional.npz');
    await addOutputs(['b=b.npy', 'a=a.npy'], 'named.npz');
    // A positional file feeds the first input not given by name.
    await addOutputs(['b=b.npy', 'a.npy'], 'mixed.npz');
  });

  test('an .npz from hodu (stored, and deflated like np.savez_compressed) feeds the inputs by entry name', async () => {
    const tensors = new Map([['b', b()], ['a', a()]]);
    writeFileSync(join(work, 'stored.npz'), await saveNpz(tensors));
    writeFileSync(join(work, 'deflated.npz'), await saveNpz(tensors, { compress: true }));
    await addOutputs(['stored.npz'], 'from-stored.npz');
    await addOutputs(['deflated.npz'], 'from-deflated.npz');
  });

  test('big-endian data and version 2.0 and 3.0 headers are read', async () => {
    writeFileSync(join(work, 'a-be.npy'), bigEndianNpy(a()));
    writeFileSync(join(work, 'b-v2.npy'), version2Npy(b()));
    await addOutputs(['a=a-be.npy', 'b=b-v2.npy'], 'be.npz');
    const v3 = version2Npy(a());
    v3[6] = 3; // 3.0 differs from 2.0 only in allowing UTF-8 in the header
    writeFileSync(join(work, 'a-v3.npy'), v3);
    await addOutputs(['a=a-v3.npy', 'b=b.npy'], 'v3.npz');
  });

  test('an archive with zip64 records (sizes in the zip64 extra fields, a zip64 end record) is read', async () => {
    const files = new Map([['a.npy', writeNpy(a())], ['b.npy', writeNpy(b())]]);
    writeFileSync(join(work, 'zip64.npz'), await writeZip(files, { forceZip64: true, compress: true }));
    await addOutputs(['zip64.npz'], 'from-zip64.npz');
  });

  test('the default output is outputs.npz; no temporary file is left beside it; --quiet prints nothing', () => {
    const r = runExe(addExe, ['-q', 'a.npy', 'b.npy'], work);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(existsSync(join(work, 'outputs.npz'))).toBe(true);
    expect(readdirSync(work).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('after a run, one line per output (min/max/mean for floats) goes to stderr', () => {
    const r = runExe(addExe, ['a.npy', 'b.npy', '-o', 'summary.npz'], work);
    const y = expectedY();
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`y  float32[2,3]  min ${Math.min(...y)}  max ${Math.max(...y)}  mean ${Number(mean.toPrecision(6))}`);
    expect(lines.slice(1, 3)).toEqual(['n  int64[]', 'mask  bool[2,3]']);
  });

  test('0-d, float16, int8, bool and uint16 inputs (one big-endian), and output names kept or made safe', async () => {
    const half = new Uint16Array([0x3e00, 0xc000]); // 1.5, -2
    const inputs = new Map([
      ['s', new Tensor('float64', [], new Float64Array([0.25]))],
      ['h', new Tensor('float16', [2], half)],
      ['k', new Tensor('int8', [3], new Int8Array([-3, 4, 100]))],
      ['flag', new Tensor('bool', [2], new Uint8Array([1, 0]))],
    ]);
    writeFileSync(join(work, 'typed.npz'), await saveNpz(inputs, { compress: true }));
    const big = new Tensor('uint16', [2], new Uint16Array([300, 65535]));
    writeFileSync(join(work, 'big.npy'), bigEndianNpy(big));
    const r = runExe(typedExe, ['typed.npz', 'big.npy', '-o', 'typed-out.npz'], work);
    expect(r.stderr).toContain('wrote 3 outputs');
    expect(r.code).toBe(0);
    const out = await loadNpz(readFileSync(join(work, 'typed-out.npz')));
    // hodu keeps `h/copy:0` as it is (as `hodu run --output x.npz` does); `../evil` is no safe entry name.
    expect([...out.keys()]).toEqual(['total', 'h/copy:0', '__evil']);
    const total = out.get('total')!;
    expect([total.dtype, total.dims, Array.from(total.data as Float64Array)]).toEqual(['float64', [], [0.25 + 1.5 - 2 + (-3 + 4 + 100) + 1 + 300 + 65535]]);
    const h = out.get('h/copy:0')!;
    expect([h.dtype, h.dims, Array.from(h.data as Uint16Array)]).toEqual(['float16', [2], [0x3e00, 0xc000]]);
    const k = out.get('__evil')!;
    expect([k.dtype, k.dims, Array.from(k.data as Int8Array)]).toEqual(['int8', [3], [-3, 4, 100]]);
  });

  test('a bool byte other than 0/1 reaches the model as 1 (numpy reads any non-zero byte as True)', async () => {
    const npy = writeNpy(new Tensor('bool', [2], new Uint8Array([1, 1])));
    npy[npy.length - 2] = 2; // flag[0]
    writeFileSync(join(work, 'flag2.npy'), npy);
    writeFileSync(join(work, 's.npy'), writeNpy(new Tensor('float64', [], new Float64Array([0]))));
    writeFileSync(join(work, 'h.npy'), writeNpy(new Tensor('float16', [2], new Uint16Array([0, 0]))));
    writeFileSync(join(work, 'k.npy'), writeNpy(new Tensor('int8', [3], new Int8Array([0, 0, 0]))));
    writeFileSync(join(work, 'big0.npy'), writeNpy(new Tensor('uint16', [2], new Uint16Array([0, 0]))));
    const r = runExe(typedExe, ['s.npy', 'h.npy', 'k.npy', 'flag2.npy', 'big0.npy', '-o', 'flag.npz'], work);
    expect(r.code).toBe(0);
    const total = (await loadNpz(readFileSync(join(work, 'flag.npz')))).get('total')!;
    expect(Array.from(total.data as Float64Array)).toEqual([2]);
  });

  test('--help lists the inputs and outputs with dtype and shape and the build basics; --info prints the info JSON', () => {
    const help = runExe(addExe, ['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Inputs:\n {2}a +float32\[2,3\]\n {2}b +float32\[3\]\nOutputs:\n {2}y +float32\[2,3\]\n {2}n +int64\[\]\n {2}mask +bool\[2,3\]/);
    expect(help.stdout).toContain("Runs the model 'add-model', built by hodu fixture for native (backend fixture 0, -O0, 1 thread(s) by default)");
    for (const flag of ['--output', '--threads', '--repeat', '--info', '--quiet', 'NAME=FILE.npy', 'FILE.npz', 'Exit status']) expect(help.stdout).toContain(flag);
    const info = runExe(addExe, ['--info'], work);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout);
    expect([json.model_name, json.inputs.map((i: { name: string }) => i.name)]).toEqual(['add-model', ['a', 'b']]);
  });

  test('--repeat N runs N times and prints the min and median time of a run to stdout', () => {
    const r = runExe(addExe, ['a.npy', 'b.npy', '--repeat', '5', '--threads=2', '-q', '-o', 'repeat.npz'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^5 runs: min \d+\.\d{3} ms, median \d+\.\d{3} ms\n$/);
  });
});
