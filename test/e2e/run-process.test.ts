/**
 * How `hodu run` behaves as a process: the bounds of --threads / HODU_THREADS / runtime.threads, and exit
 * codes when the reader of stdout/stderr goes away (`hodu run … 2>&1 | head -2`).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '../../src/ir/tensor';
import { buildModel, HODU, requireBinary, tempDir, writeModelFile } from './hodu';

const tmp = tempDir('hodu-run-process-');
let model: string;

beforeAll(() => {
  requireBinary();
  // y = x · w with a 64×64 weight: prints a few preview lines on stdout and a timing line on stderr.
  const w = new Tensor('float32', [64, 64], Float32Array.from({ length: 64 * 64 }, (_, i) => (i % 7) / 7));
  model = writeModelFile(join(tmp.dir, 'mm.onnx'), buildModel({
    nodes: [{ name: 'mm', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [64, 64] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [64, 64] } }],
    initializers: new Map([['w', w]]),
  }));
});
afterAll(() => tmp.cleanup());

/** Runs the binary with a hang guard (a bad thread count used to spawn workers until memory ran out). */
function guarded(args: string[], env: Record<string, string> = {}) {
  const r = Bun.spawnSync([HODU, ...args], { cwd: tmp.dir, env: { ...process.env, NO_COLOR: '1', HODU_HOME: join(tmp.dir, 'home'), ...env }, timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: r.exitCode ?? -1, stderr: r.stderr.toString() };
}

test('--threads out of 1..max(64, 4 × cores) or not an integer is a usage error naming the flag and the range', () => {
  const max = Math.max(64, 4 * navigator.hardwareConcurrency);
  // First the smallest value over the bound: before the fix it was accepted (and spawned max workers).
  for (const bad of [String(max + 1), '99999999', '1e308', '0', '-1', '1.5', 'abc']) {
    const r = guarded(['run', model, '--random-inputs', '--threads', bad]);
    expect(r.code).toBe(2);
    // `-1` too is the flag's value (joinNegativeValues in src/cli/check-args.ts), not a flag of its own.
    expect(r.stderr).toContain(`error[E_USAGE]: --threads must be an integer from 1 to ${max} (`);
    expect(r.stderr).toContain(`got '${bad}'`);
    expect(r.stderr).toContain('hint: e.g. --threads 2; leave --threads out for the backend default');
  }
  expect(guarded(['run', model, '--random-inputs', '--threads=-1']).stderr).toContain(`--threads must be an integer from 1 to ${max} (`);
  // In range is accepted (the upper edge is checked in test/unit/config-settings.test.ts: 64 workers are heavy).
  expect(guarded(['run', model, '--random-inputs', '--threads', '2']).code).toBe(0);
});

test('HODU_THREADS and runtime.threads out of range are reported with their source and how to fix them', () => {
  const max = Math.max(64, 4 * navigator.hardwareConcurrency);
  const env = guarded(['run', model, '--random-inputs'], { HODU_THREADS: String(max + 1) });
  expect(env.code).toBe(1);
  expect(env.stderr).toContain(`error[E_ENV]: HODU_THREADS must be an integer from 1 to ${max} (`);
  expect(env.stderr).toContain('unset HODU_THREADS');
  const home = join(tmp.dir, 'cfg-home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.toml'), '[runtime]\nthreads = 99999999\n');
  const cfg = guarded(['run', model, '--random-inputs'], { HODU_HOME: home });
  expect(cfg.code).toBe(1);
  expect(cfg.stderr).toContain(`error[E_CONFIG]: runtime.threads in config.toml must be 0 (backend default) or an integer from 1 to ${max} (`);
  expect(cfg.stderr).toContain('hodu config unset runtime.threads');
});

/** Runs the binary with stdout and stderr pipes whose reading ends are closed at once (a reader that quit). */
function withClosedPipes(args: string[]): Promise<number> {
  const child = spawn(HODU, args, { cwd: tmp.dir, env: { ...process.env, NO_COLOR: '1', HODU_HOME: join(tmp.dir, 'home') }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.destroy();
  child.stderr!.destroy();
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))));
}

test('a reader that closes stdout/stderr early does not change the exit status (| head)', async () => {
  // Success: previews on stdout and the timing line on stderr both hit a closed pipe; still exit 0.
  expect(await withClosedPipes(['run', model, '--random-inputs'])).toBe(0);
  // The outputs are still written.
  const out = join(tmp.dir, 'closed-pipes.npz');
  expect(await withClosedPipes(['run', model, '--random-inputs', '--output', out])).toBe(0);
  expect(existsSync(out)).toBe(true);
  // A failure keeps its own exit code (2: the input was not given), not 0 and not 1.
  expect(await withClosedPipes(['run', model])).toBe(2);
});

test('--isolate and --threads N on the interp say what they do instead of being silently ignored or slower', () => {
  const isolate = guarded(['run', model, '--backend', 'interp', '--random-inputs', '--isolate']);
  expect(isolate.code).toBe(0);
  expect(isolate.stderr).toContain('note: --isolate has no effect on the embedded interp backend (it is part of hodu, not a plugin that could crash the process)');
  const threads = guarded(['run', model, '--backend', 'interp', '--random-inputs', '--threads', '2']);
  expect(threads.code).toBe(0);
  expect(threads.stderr).toContain('note: 2 threads (--threads): the interp backend splits only large MatMul, Gemm and Conv ops across threads');
  expect(threads.stderr.match(/note:/g)).toHaveLength(1); // once, not per node
  // Neither note when the flags are not used; threads from the environment is only an info log line.
  const plain = guarded(['run', model, '--backend', 'interp', '--random-inputs', '--threads', '1']);
  expect(plain.stderr).not.toContain('note:');
  expect(guarded(['run', model, '--backend', 'interp', '--random-inputs'], { HODU_THREADS: '2' }).stderr).not.toContain('note:');
  expect(guarded(['run', model, '--backend', 'interp', '--random-inputs'], { HODU_THREADS: '2', HODU_LOG: 'info' }).stderr).toContain('2 threads (HODU_THREADS): the interp backend splits only large');
});

test('outputs are all written or none: a failure while preparing them (a name clash in --output-dir) leaves nothing', () => {
  // Outputs 'a/b' and 'a_b' both map to a_b.npy; before, --output and the first .npy were written, then it failed.
  const x = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2] };
  const clash = writeModelFile(join(tmp.dir, 'clash.onnx'), buildModel({
    nodes: [
      { name: 'n1', op: 'Identity', domain: '', inputs: ['x'], outputs: ['a/b'], attributes: {} },
      { name: 'n2', op: 'Neg', domain: '', inputs: ['x'], outputs: ['a_b'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: x }],
    outputs: [{ name: 'a/b', type: x }, { name: 'a_b', type: x }],
  }));
  const dir = join(tmp.dir, 'clash-out');
  const npz = join(tmp.dir, 'clash.npz');
  const r = guarded(['run', clash, '--random-inputs', '--output', npz, '--output-dir', dir]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("error[E_OUTPUT_NAME]: outputs 'a/b' and 'a_b' map to the same file a_b.npy");
  expect(existsSync(npz)).toBe(false);
  expect(existsSync(dir)).toBe(false);
});
