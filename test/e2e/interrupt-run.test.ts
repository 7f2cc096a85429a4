/**
 * Ctrl+C / SIGTERM in the middle of `hodu run`, through the compiled binary: the run must stop promptly, even
 * inside one long MatMul kernel, write no output, and exit 130 (SIGINT) or 143 (SIGTERM). Before, the signal
 * was only handled once the whole computation had finished (and the outputs had been written).
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from 'bun:test';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '../../src/ir/tensor';
import { buildModel, HODU, requireBinary, tempDir, writeModelFile } from './hodu';

setDefaultTimeout(120_000);

const N = 2048;
const tmp = tempDir('hodu-interrupt-run-');
let model: string;

beforeAll(() => {
  requireBinary();
  // y = (x · w) · w with 2048×2048 operands: two MatMuls of 8.6 G multiply-adds each, several seconds apiece
  // on the interp even on a fast core. A signal sent once the process has burnt 1 s of CPU lands inside one.
  const w = new Tensor('float32', [N, N], Float32Array.from({ length: N * N }, (_, i) => ((i * 7919) % 13) / 13 - 0.5));
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [N, N] };
  model = writeModelFile(join(tmp.dir, 'slow.onnx'), buildModel({
    nodes: [
      { name: 'mm1', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['h'], attributes: {} },
      { name: 'mm2', op: 'MatMul', domain: '', inputs: ['h', 'w'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: 'y', type: t }],
    initializers: new Map([['w', w]]),
  }));
});
afterAll(() => tmp.cleanup());

/** CPU seconds the process has used (Linux /proc), or undefined where /proc is not there. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100 Hz)
  } catch {
    return undefined;
  }
}

/** Starts `hodu run` on the slow model and resolves once it is deep in the computation. */
async function startRun(output: string) {
  // On the interp: the embedded cpu backend finishes both MatMuls before the 1 s of CPU this waits for.
  const child = spawn(HODU, ['run', model, '--backend', 'interp', '--random-inputs', '--output', output], {
    cwd: tmp.dir, env: { ...process.env, NO_COLOR: '1', HODU_HOME: join(tmp.dir, 'home') }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : 0))));
  // Loading the model and generating the input take well under 1 s of CPU; past that it is multiplying.
  const deadline = performance.now() + 60_000;
  for (;;) {
    const cpu = cpuSeconds(child.pid!);
    if (cpu === undefined) {
      await Bun.sleep(3000); // no /proc: give it time to load instead
      break;
    }
    if (cpu >= 1) break;
    if (performance.now() > deadline) throw new Error('hodu did not start computing within 60 s');
    await Bun.sleep(50);
  }
  return { child, exited, stderr: () => stderr };
}

/** A hang guard, not a timing assertion: the run would take many seconds more if the signal were ignored. */
async function exitWithin<T>(p: Promise<T>, ms: number, kill: () => void): Promise<T | 'still running'> {
  const timer = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms));
  const r = await Promise.race([p, timer]);
  if (r === 'still running') kill();
  return r;
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} in the middle of a long MatMul: exit ${code} at once, no output written`, async () => {
    const output = join(tmp.dir, `out-${signal}.npz`);
    const run = await startRun(output);
    run.child.kill(signal);
    expect(await exitWithin(run.exited, 10_000, () => run.child.kill('SIGKILL'))).toBe(code);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith(`out-${signal}`))).toEqual([]); // no temp file either
    expect(run.stderr()).not.toContain('ran on'); // it did not finish the run
  });
}

test('a second SIGINT right after the first exits at once too', async () => {
  const output = join(tmp.dir, 'out-twice.npz');
  const run = await startRun(output);
  run.child.kill('SIGINT');
  run.child.kill('SIGINT');
  expect(await exitWithin(run.exited, 10_000, () => run.child.kill('SIGKILL'))).toBe(130);
  expect(existsSync(output)).toBe(false);
});
