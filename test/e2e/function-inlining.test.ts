/**
 * Hostile model-local functions through the compiled binary (issue 9, item 7): a 2 KB "function bomb" and
 * recursive functions end at once in a one-line E_GRAPH naming the function (and the budget), not in gigabytes
 * of memory and `E_INTERNAL: Maximum call stack size exceeded`.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { functionBomb, recursiveFunctions } from '../fixtures/onnx/function-models';
import { HODU, requireBinary, tempDir, writeModelFile } from './hodu';

const tmp = tempDir('hodu-function-inlining-');
const home = tempDir('hodu-function-inlining-home-');
afterAll(() => {
  tmp.cleanup();
  home.cleanup();
});
beforeAll(() => requireBinary());

/** The binary with a hang guard (the unfixed inliner ran for minutes before crashing). */
function hodu(args: string[]): { code: number | null; stderr: string; timedOut: boolean } {
  const r = Bun.spawnSync([HODU, ...args], {
    cwd: tmp.dir,
    env: { ...process.env, NO_COLOR: '1', HODU_HOME: home.dir },
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.exitCode, stderr: r.stderr.toString(), timedOut: r.exitedDueToTimeout === true };
}

test('a 2 KB function bomb is refused by run and inspect -O1 with the function and the budget', () => {
  const path = writeModelFile(join(tmp.dir, 'bomb.onnx'), functionBomb(30));
  expect(statSync(path).size).toBeLessThan(4096);
  for (const args of [['run', path, '--random-inputs'], ['inspect', path, '-O1']]) {
    const r = hodu(args);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe("error[E_GRAPH]: inlining the model's functions would create 1,073,741,824 nodes, over the budget of 1,000,000 (function bomb::f0 alone expands to 1,073,741,824)");
    expect(lines[1]).toStartWith('  hint: ');
    expect(lines).toHaveLength(2);
  }
});

test('recursive functions are refused by run with the cycle', () => {
  const path = writeModelFile(join(tmp.dir, 'rec.onnx'), recursiveFunctions(['f', 'g']));
  const r = hodu(['run', path, '--random-inputs']);
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(1);
  expect(r.stderr).toStartWith("error[E_GRAPH]: function bomb::f calls itself (bomb::f → bomb::g → bomb::f); it cannot be inlined (called by node 'call')\n  hint: ONNX functions must not be recursive");
});
