/**
 * The live progress line through the compiled binary: a run of over a second shows it on a terminal (through
 * `script`, which gives hodu a pseudo-terminal) and erases it; on a pipe the same run prints none of it.
 */
import { afterAll, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HODU, hodu, requireBinary, tempDir } from '../e2e/hodu';
import { testWithTools } from '../support/optional-tools';

requireBinary();
const t = tempDir('hodu-progress-');
afterAll(() => t.cleanup());
// About 3 s on the interp at 448x448 (over the 1 s after which the line appears; 224x224 came down to 0.75 s as the interp got faster, and the test flaked), 328 nodes.
const SLOW = join(import.meta.dir, '..', '..', '.cache', 'real-models', 'ch_PP-OCRv4_det_infer.onnx');
const ARGS = ['run', SLOW, '--random-inputs', '--shape', 'x=1x3x448x448', '--backend', 'interp'];
// Its own HODU_HOME, as hodu() gives (the user's config must not steer the run); CI cleared, as on a desk.
const TTY_ENV = { ...process.env, CI: '', NO_COLOR: '1', TERM: 'xterm', HODU_HOME: join(t.dir, 'home') };

test.skipIf(!existsSync(SLOW))('on a pipe: no progress line, no carriage returns or erase codes', () => {
  const r = hodu([...ARGS, '--output', join(t.dir, 'piped.npz')]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toContain('\r');
  expect(r.stderr).not.toContain('\x1b[2K');
  expect(r.stderr).not.toContain('node ');
});

// The real models come with .ci/run (test/realmodels/fetch.sh); `script` through the optional-tools rules.
const withScript = existsSync(SLOW) ? testWithTools : (_tools: readonly string[], name: string, fn: () => unknown) => test.skip(`${name} (skipped: test/realmodels/fetch.sh has not fetched PP-OCRv4)`, fn as () => void);

withScript(['script'], 'on a terminal: node i of N and the elapsed time, erased before the result', () => {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [HODU, ...ARGS, '--output', join(t.dir, 'tty.npz')].map(quote).join(' ');
  const r = Bun.spawnSync(['script', '-qc', command, '/dev/null'], { env: TTY_ENV, stdout: 'pipe', stderr: 'pipe' });
  const screen = r.stdout.toString();
  expect(r.exitCode, screen).toBe(0);
  const lines = [...screen.matchAll(/\r\x1b\[2K(run {2}node (\d+)\/(\d+) {2}\d+\.\ds)/g)];
  expect(lines.length, screen).toBeGreaterThan(0);
  for (const [, , done, total] of lines) {
    expect(Number(total)).toBe(328);
    expect(Number(done)).toBeLessThanOrEqual(328);
  }
  // The last drawing is followed by an erase, then the normal output.
  expect(screen).toMatch(/\r\x1b\[2Kwrote 1 output to /);
});

withScript(['script'], 'on a terminal with --json: no progress line', () => {
  const command = [HODU, ...ARGS, '--json'].map((s) => `'${s}'`).join(' ');
  const r = Bun.spawnSync(['script', '-qc', command, '/dev/null'], { env: TTY_ENV, stdout: 'pipe', stderr: 'pipe' });
  expect(r.exitCode).toBe(0);
  expect(r.stdout.toString()).not.toContain('\x1b[2K');
});
