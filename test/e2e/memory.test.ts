/**
 * HODU_MAX_MEMORY / --max-memory / runtime.max_memory: runs over the limit are refused before allocating. The
 * limit bounds hodu's resident memory, so the estimate includes the process itself ("hodu with the model
 * loaded", its RSS at the check, tens of MiB); tests match that amount loosely.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor, int64Tensor } from '../../src/ir/tensor';
import { model, node } from '../fixtures/plugins/models';
import { hodu, requireBinary, tempDir, writeModelFile } from './hodu';

let scratch: ReturnType<typeof tempDir>;
let mlp: string;
let huge: string;

beforeAll(() => {
  requireBinary();
  scratch = tempDir('hodu-memory-');
  // x[1,256] · w[256,256] → h → Relu → y. Weights 256·256·4 = 262144 B (256 KiB); x, h and y 1024 B each.
  // Planned need beyond hodu itself: 256 KiB + 1 KiB + 1 KiB + 1 KiB = 259 KiB.
  mlp = writeModelFile(join(scratch.dir, 'mlp.onnx'), model({
    inputs: { x: [1, 256] },
    outputs: ['y'],
    initializers: { w: float32Tensor(new Array(256 * 256).fill(0.5), [256, 256]) },
    nodes: [node('MatMul', ['x', 'w'], ['h']), node('Relu', ['h'], ['y'])],
  }));
  // x[1,1] expanded to [65536,65536] float32 (16 GiB) then summed to a scalar: the run would need 16 GiB
  // of intermediates, so refusing it quickly shows the check happens before anything is allocated.
  huge = writeModelFile(join(scratch.dir, 'huge.onnx'), model({
    inputs: { x: [1, 1] },
    outputs: ['s'],
    initializers: { shape: int64Tensor([65536, 65536]), axes: int64Tensor([0, 1]) },
    nodes: [node('Expand', ['x', 'shape'], ['big']), node('ReduceSum', ['big', 'axes'], ['s'], { keepdims: { type: 'int', value: 0 } })],
  }));
});
afterAll(() => scratch.cleanup());

function home(config?: string): string {
  const dir = join(scratch.dir, `home-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  if (config) writeFileSync(join(dir, 'config.toml'), config);
  return dir;
}

const env = (h: string, extra: Record<string, string> = {}) => ({ HODU_HOME: h, HODU_MAX_MEMORY: '', HODU_LOG: '', ...extra });

describe('memory limit', () => {
  test('HODU_MAX_MEMORY below the planned need: refused with the amounts, no result on stdout (only the --json error object)', () => {
    const r = hodu(['run', mlp, '--random-inputs', '--json'], { env: env(home(), { HODU_MAX_MEMORY: '200KiB' }) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: expect.objectContaining({ code: 'E_MEMORY_LIMIT' }) });
    expect(r.stderr).toMatch(/error\[E_MEMORY_LIMIT\]: run needs about [\d.]+ MiB \(hodu with the model loaded [\d.]+ MiB \+ weights 256 KiB \+ inputs 1 KiB \+ peak intermediates 1 KiB \+ outputs 1 KiB\) but HODU_MAX_MEMORY is 200 KiB/);
    expect(r.stderr).toContain('hint: raise the limit');
  });

  test('at or above the need the run goes ahead', () => {
    const r = hodu(['run', mlp, '--random-inputs', '--json'], { env: env(home(), { HODU_MAX_MEMORY: '1GiB' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs[0].shape).toEqual([1, 256]);
  });

  test('--max-memory beats HODU_MAX_MEMORY, which beats runtime.max_memory', () => {
    const h = home('[runtime]\nmax_memory = "100KiB"\n');
    const fromConfig = hodu(['run', mlp, '--random-inputs'], { env: env(h) });
    expect(fromConfig.stderr).toContain('but runtime.max_memory in config.toml is 100 KiB');
    const fromEnv = hodu(['run', mlp, '--random-inputs'], { env: env(h, { HODU_MAX_MEMORY: '1GiB' }) });
    expect(fromEnv.code).toBe(0);
    const fromFlag = hodu(['run', mlp, '--random-inputs', '--max-memory', '150000'], { env: env(h, { HODU_MAX_MEMORY: '1GiB' }) });
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stderr).toContain('but --max-memory is 146.5 KiB');
  });

  test('a 16 GiB intermediate is refused before it is allocated', () => {
    const r = hodu(['run', huge, '--random-inputs'], { env: env(home(), { HODU_MAX_MEMORY: '1GiB' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[E_MEMORY_LIMIT\]: run needs about 16(\.\d)? GiB/);
    expect(r.stderr).toContain('peak intermediates 16 GiB');
    expect(r.stderr).toContain('but HODU_MAX_MEMORY is 1 GiB');
  });

  test('malformed limits', () => {
    const envBad = hodu(['run', mlp, '--random-inputs'], { env: env(home(), { HODU_MAX_MEMORY: 'two gigs' }) });
    expect(envBad.code).toBe(1);
    expect(envBad.stderr).toContain("error[E_ENV]: HODU_MAX_MEMORY must be a size such as \"2GiB\", \"512MB\", \"1e9\" or a number of bytes, got 'two gigs'");
    const flagBad = hodu(['run', mlp, '--random-inputs', '--max-memory=lots'], { env: env(home()) });
    expect(flagBad.code).toBe(2);
    expect(flagBad.stderr).toContain('--max-memory must be a size');
  });
});
