import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir, writeNpyFile } from '../e2e/hodu';
import { echoed, writeEchoModel } from './echo-model';

const t = tempDir('hodu-scalar-');
let model = '';
let runs = 0;

beforeAll(() => {
  requireBinary();
  model = writeEchoModel(t.dir, 'scalars.onnx', [
    ['sr', 'int64', []],
    ['temp', 'float32', []],
    ['flag', 'bool', [1, 'b']],
    ['half', 'float16', [1]],
    ['vec', 'int32', ['n']],
    ['image', 'float32', [1, 3, 2, 2]],
  ]);
});
afterAll(() => t.cleanup());

const REST = ['--input', 'vec=1,2,3', '--fill', 'image=zeros'];

function run(args: string[]) {
  const out = join(t.dir, `run${runs++}.npz`);
  const r = hodu(['run', model, '--output', out, ...args], { cwd: t.dir });
  return { ...r, out };
}

describe('hodu run --input NAME=VALUE', () => {
  test('scalars take the input dtype and shape (int64 exact, float, bool, float16; a list for a 1-D input)', async () => {
    const r = run(['--input', 'sr=9007199254740993', '--input', 'temp=0.7', '--input', 'flag=true', '--input', 'half=-inf', ...REST]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const got = await echoed(r.out);
    expect(got.get('sr')!.dtype).toBe('int64');
    expect(got.get('sr')!.dims).toEqual([]);
    expect(got.get('sr')!.data).toEqual(BigInt64Array.of(9007199254740993n)); // above 2^53: not through a float
    expect(got.get('temp')!.data).toEqual(Float32Array.of(0.7));
    expect(got.get('flag')!.dtype).toBe('bool');
    expect(got.get('flag')!.dims).toEqual([1, 1]);
    expect([...(got.get('flag')!.data as Uint8Array)]).toEqual([1]);
    expect(got.get('half')!.dtype).toBe('float16');
    expect([...(got.get('half')!.data as Uint16Array)]).toEqual([0xfc00]);
    expect(got.get('vec')!.dtype).toBe('int32');
    expect([...(got.get('vec')!.data as Int32Array)]).toEqual([1, 2, 3]);
  });

  test('an existing file of that name is still a file', async () => {
    writeNpyFile(join(t.dir, '0.5'), float32Tensor([0.25], []));
    const r = run(['--input', 'sr=16000', '--input', 'temp=0.5', '--input', 'flag=0', '--input', 'half=1', ...REST]);
    expect(r.code).toBe(0);
    expect((await echoed(r.out)).get('temp')!.data).toEqual(Float32Array.of(0.25));
  });

  test('a path that does not exist and is not a value is the old file-not-found error', () => {
    expect(existsSync(join(t.dir, 'nope.npy'))).toBe(false);
    const r = run(['--input', 'sr=nope.npy', '--random-inputs']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E_NOT_FOUND');
  });

  test('values that do not fit the input are E_USAGE saying why', () => {
    const cases: [string, string][] = [
      ['sr=16000.5', 'is not an integer'],
      ['sr=true', 'is not an integer'],
      ['temp=true', 'is a bool, not a number'],
      ['flag=2', 'is not a bool'],
      ['image=1', 'has shape [1,3,2,2]'],
      ['sr=1,2', 'has shape []'],
      ['vec=1,2,99999999999', 'is outside int32'],
    ];
    for (const [spec, message] of cases) {
      const r = run(['--random-inputs', '--input', spec]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('E_USAGE');
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('hint:');
    }
  });

  test('a --fill for an input given by --input is E_USAGE', () => {
    const r = run(['--random-inputs', '--input', 'temp=1', '--fill', 'temp=ones']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("input 'temp' is given by --input and by --fill");
  });
});

describe('on a real model (silero VAD: sr is an int64 scalar)', () => {
  const vad = join(import.meta.dir, '..', '..', '.cache', 'real-models', 'silero_vad.onnx');
  test.skipIf(!existsSync(vad))('--input sr=16000 with --dim and --fill, on the interp and on cpu', () => {
    for (const backend of ['interp', 'cpu']) {
      const r = hodu(['run', vad, '--input', 'sr=16000', '--dim', 'batch=1', '--dim', 'sequence=512', '--fill', 'input=uniform:-0.5:0.5', '--fill', 'normal:0:0.1', '--backend', backend, '--json', '--verbose']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).outputs.map((o: { shape: number[] }) => o.shape)).toEqual([[1, 1], [2, 1, 64], [2, 1, 64]]);
      expect(r.stderr).toContain('generated input  float32[1,512]  fill uniform:-0.5:0.5');
      expect(r.stderr).toContain('generated h  float32[2,1,64]  fill normal:0:0.1');
      expect(r.stderr).not.toContain('generated sr');
    }
    const bad = hodu(['run', vad, '--input', 'sr=16k', '--random-inputs', '--dim', 'batch=1', '--dim', 'sequence=512']);
    expect(bad.stderr).toContain('E_NOT_FOUND');
  });
});
