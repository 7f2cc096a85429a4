/** `hodu run --profile` tables through dist/hodu: a fast node's time is shown to its digits, never as "0 ms". */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { writeEchoModel } from '../inputs/echo-model';

const t = tempDir('hodu-profile-text-');
let model = '';

beforeAll(() => {
  requireBinary();
  // Identity on a handful of elements: each node takes microseconds.
  model = writeEchoModel(t.dir, 'tiny.onnx', [['a', 'float32', [2]], ['b', 'float32', [2]], ['c', 'float32', [2]]]);
});
afterAll(() => t.cleanup());

test('microsecond nodes show significant digits (or <0.001 ms), not a rounded 0', () => {
  const r = hodu(['run', model, '--random-inputs', '--backend', 'interp', '--profile'], { cwd: t.dir });
  expect(r.code).toBe(0);
  const rows = r.stderr.split('\n').filter((l) => /^\s+echo_\w+\s+Identity/.test(l));
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    const time = /\s(<?[\d.]+) ms\s/.exec(row)?.[1];
    expect(time).toBeDefined();
    expect(time === '<0.001' || Number(time) > 0).toBe(true);
  }
  expect(r.stderr).not.toMatch(/\s0(\.00)? ms/);
});
