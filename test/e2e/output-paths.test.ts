/**
 * Writes to impossible paths are one-line E_IO errors naming the path (never E_INTERNAL), and run/convert
 * check their output path and format before any compute.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir, writeAddModel, writeFailsAtRunModel, writeNpyFile, type HoduResult } from './hodu';

const tmp = tempDir();
const dir = tmp.dir;
let addModel = '';
let failingModel = '';
let file = '';
let npy = '';

beforeAll(() => {
  requireBinary();
  addModel = writeAddModel(join(dir, 'add.onnx'));
  // Fails only when it runs (MatMul of a scalar): an output error reported instead proves the output
  // was checked before the run, without timing anything.
  failingModel = writeFailsAtRunModel(join(dir, 'fails-at-run.onnx'));
  file = join(dir, 'a-file');
  writeFileSync(file, 'not a folder');
  npy = writeNpyFile(join(dir, 'x.npy'), float32Tensor([1, 2, 3], [3]));
});
afterAll(() => tmp.cleanup());

function expectIoError(r: HoduResult, path: string): void {
  expect(r.stderr).not.toContain('E_INTERNAL');
  expect(r.stderr).not.toContain('.tmp'); // the temp file of an atomic write is not the user's path
  const [first, hint] = r.stderr.trimEnd().split('\n');
  expect(first).toStartWith(`error[E_IO]: ${path}: cannot `);
  expect(first).toContain(`${file} is a file, not a folder`);
  expect(hint).toMatch(/^ {2}hint: \S/);
  expect(r.code).toBe(1);
}

describe('E_IO naming the path, not E_INTERNAL', () => {
  test('--output-dir on an existing file', () => {
    const r = hodu(['run', addModel, '--random-inputs', '--output-dir', file]);
    expect(r.stderr).toStartWith(`error[E_IO]: ${file}: cannot write into it: it is a file, not a folder\n`);
    expect(r.code).toBe(1);
  });
  test('--output-dir under a file', () => expectIoError(hodu(['run', addModel, '--random-inputs', '--output-dir', join(file, 'outs')]), join(file, 'outs')));
  test('--output under a file', () => expectIoError(hodu(['run', addModel, '--random-inputs', '--output', join(file, 'x.npz')]), join(file, 'x.npz')));
  test('convert to a path under a file', () => expectIoError(hodu(['convert', npy, join(file, 'x.npz')]), join(file, 'x.npz')));
  test('config set with HODU_HOME pointing at a file', () => {
    expectIoError(hodu(['config', 'set', 'runtime.threads', '2'], { env: { HODU_HOME: file } }), join(file, 'config.toml'));
  });
  test('plugin new --dir FILE', () => {
    const r = hodu(['plugin', 'new', 'demo', '--type', 'backend', '--lang', 'ts', '--dir', file]);
    expect(r.stderr).toStartWith(`error[E_IO]: ${file}: cannot write into it: it is a file, not a folder\n`);
    expect(r.code).toBe(1);
  });
  test('HODU_HOME inside the plugin folder being installed', () => {
    const plugin = join(dir, 'self-plugin');
    const created = hodu(['plugin', 'new', 'self-plugin', '--type', 'backend', '--lang', 'ts', '--dir', plugin]);
    expect(created.code).toBe(0);
    const r = hodu(['plugin', 'install', '--path', plugin], { env: { HODU_HOME: join(plugin, 'home') } });
    expect(r.stderr).not.toContain('E_INTERNAL');
    expect(r.stderr).toMatch(/error\[E_[A-Z_]+\]: .*self-plugin/);
    expect(r.code).toBeGreaterThan(0);
  });
});

describe('outputs are checked before any compute', () => {
  test('--output with an unknown extension fails before the model runs', () => {
    const r = hodu(['run', failingModel, '--random-inputs', '--output', join(dir, 'out.txt')]);
    expect(r.stderr).toStartWith(`error[E_NO_FORMAT]: ${join(dir, 'out.txt')}: unknown file type '.txt'`);
    expect(r.code).toBe(2);
  });
  test('--output under a file fails before the model runs', () => {
    expectIoError(hodu(['run', failingModel, '--random-inputs', '--output', join(file, 'x.npz')]), join(file, 'x.npz'));
  });
  test('--output-dir on a file fails before the model runs', () => {
    const r = hodu(['run', failingModel, '--random-inputs', '--output-dir', file]);
    expect(r.stderr).toStartWith('error[E_IO]');
  });
  test('convert checks the target before reading the input', () => {
    // The input does not exist: reading it first would report E_NOT_FOUND instead.
    expectIoError(hodu(['convert', join(dir, 'missing.npy'), join(file, 'x.npz')]), join(file, 'x.npz'));
  });
});
