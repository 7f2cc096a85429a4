/** Exit statuses and hints come from one table (src/errors.ts), through the compiled binary. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir, writeAddModel, writeFailsAtRunModel, writeNpyFile } from './hodu';

const tmp = tempDir();
const dir = tmp.dir;
let addModel = '';
let badShapeModel = '';
let a = '';

beforeAll(() => {
  requireBinary();
  addModel = writeAddModel(join(dir, 'add.onnx'));
  // MatMul of a scalar: an E_SHAPE from the model (thrown without a hint of its own), not from the command line.
  badShapeModel = writeFailsAtRunModel(join(dir, 'bad-shape.onnx'));
  a = writeNpyFile(join(dir, 'a.npy'), float32Tensor([1, 2, 3, 4, 5, 6], [2, 3]));
});
afterAll(() => tmp.cleanup());

/** The error line and its hint line, in that order, and nothing else on stderr. */
function expectOneError(stderr: string, code: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toStartWith(`error[${code}]: `);
  expect(lines.at(-1)).toMatch(/^ {2}hint: \S/);
}

describe('exit statuses follow the code', () => {
  test('an unknown --backend and an unknown --device are both usage errors (exit 2)', () => {
    const backend = hodu(['run', addModel, '--random-inputs', '--backend', 'nope']);
    const device = hodu(['run', addModel, '--random-inputs', '--device', 'cuda']);
    expect(backend.stderr).toContain('error[E_NO_BACKEND]');
    expect(device.stderr).toContain('error[E_NO_BACKEND]');
    expect([backend.code, device.code]).toEqual([2, 2]);
  });

  test('a bad value for `config set` is a usage error; a broken config.toml is a failure (exit 1), as the README says', () => {
    const home = tempDir('hodu-home-');
    try {
      const set = hodu(['config', 'set', 'runtime.threads', 'lots'], { env: { HODU_HOME: home.dir } });
      expect(set.code).toBe(2);
      expectOneError(set.stderr, 'E_CONFIG_VALUE');
      writeFileSync(join(home.dir, 'config.toml'), '[runtime]\nthreads = "four"\n');
      const broken = hodu(['run', addModel, '--random-inputs'], { env: { HODU_HOME: home.dir } });
      expectOneError(broken.stderr, 'E_CONFIG');
      expect(broken.code).toBe(1);
    } finally {
      home.cleanup();
    }
  });
});

describe('every error has a hint line', () => {
  test('--seed abc', () => {
    const r = hodu(['run', addModel, '--random-inputs', '--seed', 'abc']);
    expect(r.code).toBe(2);
    expectOneError(r.stderr, 'E_USAGE');
  });
  test('an input given twice', () => {
    const r = hodu(['run', addModel, '--input', `a=${a}`, '--input', `a=${a}`, '--random-inputs']);
    expect(r.code).toBe(2);
    expectOneError(r.stderr, 'E_INPUT_NAME');
  });
  test('plugin new --type frontend', () => {
    const r = hodu(['plugin', 'new', 'x', '--type', 'frontend', '--dir', join(dir, 'x')]);
    expect(r.code).toBe(2);
    expectOneError(r.stderr, 'E_USAGE');
  });
  test('a shape error in the model', () => {
    const r = hodu(['run', badShapeModel, '--random-inputs']);
    expect(r.code).toBe(1);
    expectOneError(r.stderr, 'E_SHAPE');
  });
});
