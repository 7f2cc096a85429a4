/**
 * Ctrl+C during a long run on the embedded cpu backend (in-process): C code holds the main thread, so the
 * signal is handled when the native run returns, but then at once: exit 130, and no output written.
 */
import { afterAll, expect, test } from 'bun:test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, HODU, requireBinary, tempDir, writeModelFile } from './hodu';

const N = 2560;
const tmp = tempDir('hodu-cpu-interrupt-');
afterAll(() => tmp.cleanup());

/** utime + stime of a process in seconds, from /proc (Linux; the embedded cpu backend is Linux-only). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test('SIGINT in the middle of a long cpu run: exit 130 once the native run returns, no output written', async () => {
  requireBinary();
  // y = x·x·x…: 8 MatMuls of 2560³ (16.8 G multiply-adds each), seconds of work on one core.
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [N, N] };
  const names = ['x', ...Array.from({ length: 7 }, (_, i) => `h${i}`), 'y'];
  const model = writeModelFile(join(tmp.dir, 'mm.onnx'), buildModel({
    nodes: names.slice(1).map((out, i) => ({ name: `mm${i}`, op: 'MatMul', domain: '', inputs: [names[i]!, 'x'], outputs: [out], attributes: {} })),
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: 'y', type: t }],
  }));
  const output = join(tmp.dir, 'out.npz');
  const child = spawn(HODU, ['run', model, '--random-inputs', '--output', output, '--verbose'], {
    cwd: tmp.dir, env: { ...process.env, NO_COLOR: '1', HODU_HOME: join(tmp.dir, 'home') }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : 0))));
  // Past 1.5 s of CPU the model is loaded and the input generated: it is multiplying.
  while (cpuSeconds(child.pid!) < 1.5) await Bun.sleep(50);
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(stderr).toContain('backend: cpu');
  expect(stderr).not.toContain('ran on');
  expect(existsSync(output)).toBe(false);
}, 120_000);
