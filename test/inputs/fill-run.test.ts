import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toNumbers } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { echoed, range, writeEchoModel } from './echo-model';

const t = tempDir('hodu-fill-');
let model = '';

beforeAll(() => {
  requireBinary();
  model = writeEchoModel(t.dir, 'echo.onnx', [
    ['f', 'float32', [64, 64]],
    ['h', 'float16', [2000]],
    ['d', 'float64', [2000]],
    ['ids', 'int64', [4000]],
    ['small', 'int8', [2000]],
    ['mask', 'bool', [100]],
  ]);
});
afterAll(() => t.cleanup());

let runs = 0;
function run(args: string[]): { code: number; stderr: string; out: string } {
  const out = join(t.dir, `run${runs++}.npz`);
  const r = hodu(['run', model, '--output', out, ...args]);
  return { code: r.code, stderr: r.stderr, out };
}

describe('hodu run --fill', () => {
  test('each fill stays in its range, for float, float16, float64, int64, int8 and bool inputs', async () => {
    const r = run(['--fill', 'f=uniform:-3:-2', '--fill', 'h=normal:10:0.5', '--fill', 'd=uniform:100:101', '--fill', 'ids=int:5:7', '--fill', 'small=int:-128:-126', '--fill', 'mask=ones']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const got = await echoed(r.out);
    const [fmin, fmax] = range(got.get('f')!);
    expect(fmin).toBeGreaterThanOrEqual(-3);
    expect(fmax).toBeLessThanOrEqual(-2);
    expect(fmax - fmin).toBeGreaterThan(0.9); // spread over the range, not one value
    const h = Array.from(toNumbers(got.get('h')!));
    const mean = h.reduce((a, b) => a + b, 0) / h.length;
    expect(Math.abs(mean - 10)).toBeLessThan(0.1);
    const sd = Math.sqrt(h.reduce((a, b) => a + (b - mean) ** 2, 0) / h.length);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.05);
    expect(range(got.get('d')!)[0]).toBeGreaterThanOrEqual(100);
    expect(range(got.get('d')!)[1]).toBeLessThanOrEqual(101);
    expect(new Set(toNumbers(got.get('ids')!))).toEqual(new Set([5, 6, 7])); // inclusive bounds, all hit
    expect(new Set(toNumbers(got.get('small')!))).toEqual(new Set([-128, -127, -126]));
    expect(got.get('ids')!.dtype).toBe('int64');
    expect(new Set(toNumbers(got.get('mask')!))).toEqual(new Set([1]));
  });

  test('a bare fill covers every input it fits; the others keep the default', async () => {
    const r = run(['--fill', 'zeros']);
    expect(r.code).toBe(0);
    for (const [, tensor] of await echoed(r.out)) expect(range(tensor)).toEqual([0, 0]);
    const n = run(['--fill', 'normal:0:1', '--fill', 'ids=int:1:1']);
    expect(n.code).toBe(0);
    const got = await echoed(n.out);
    expect(range(got.get('f')!)[0]).toBeLessThan(0); // normal, not the default uniform [0,1)
    expect(range(got.get('ids')!)).toEqual([1, 1]);
    expect(range(got.get('small')!)[0]).toBeGreaterThanOrEqual(0); // default int 0..9: normal does not fit int8
    expect(range(got.get('small')!)[1]).toBeLessThanOrEqual(9);
  });

  test('a named fill generates its input without --random-inputs; the others are still required', () => {
    const r = run(['--fill', 'f=ones']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("input 'h'");
    expect(r.stderr).toContain('--fill h=SPEC');
  });

  test('--seed: the same seed gives the same bytes, another seed other bytes', () => {
    const args = ['--random-inputs', '--fill', 'f=normal:0:1', '--fill', 'ids=int:0:1000'];
    const a = run([...args, '--seed', '42']);
    const b = run([...args, '--seed', '42']);
    const c = run([...args, '--seed', '43']);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(Buffer.compare(readFileSync(a.out), readFileSync(b.out))).toBe(0);
    expect(Buffer.compare(readFileSync(a.out), readFileSync(c.out))).not.toBe(0);
  });

  test('--verbose prints each generated input: name, dtype, shape, fill, seed, min/max and a preview', () => {
    const r = run(['--random-inputs', '--fill', 'ids=int:5:7', '--seed', '9', '--verbose']);
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('generated ids'))!;
    expect(line).toMatch(/^generated ids {2}int64\[4000\] {2}fill int:5:7 {2}seed 9 {2}min 5 max 7 {2}\[[567], [567], /);
    expect(r.stderr).toMatch(/generated f {2}float32\[64,64\] {2}fill uniform:0:1 \(default\) {2}seed 9 {2}min 0\.\d+ max 0\.\d+/);
    expect(run(['--random-inputs']).stderr).not.toContain('generated');
  });

  test('bad specs are E_USAGE with an example', () => {
    const cases: [string, string][] = [
      ['f=uniform:1', 'LO:HI'],
      ['f=uniform:2:1', 'LO (2) is above HI (1)'],
      ['f=gauss:0:1', 'unknown fill'],
      ['f=normal:0:-1', 'STD must not be negative'],
      ['ids=uniform:0:1', 'uniform is for float inputs'],
      ['f=int:0:3', 'int:LO:HI is for integer and bool inputs'],
      ['small=int:0:300', 'does not fit int8'],
      ['mask=normal:0:1', 'normal is for float inputs'],
      ['ids=int:0.5:2', 'must be integers'],
    ];
    for (const [spec, message] of cases) {
      const r = run(['--random-inputs', '--fill', spec]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('E_USAGE');
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('hint:');
    }
    const unknown = run(['--random-inputs', '--fill', 'idz=int:0:1']);
    expect(unknown.stderr).toContain("did you mean 'ids'");
  });
});
