/**
 * `hodu build` failures through the compiled binary, each with its code, exit status and hint: an unknown
 * target, an op the cpu backend lacks (Hardmax), a symbolic dim without --shape, control flow, a compiler
 * that fails (CC with a forced include that does not exist), a format the output name does not say.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { cCompiler, testWithTools } from '../support/optional-tools';

const tmp = tempDir('hodu-build-errors-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

const f32 = (shape: (number | string)[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
let relu = '';
let hardmax = '';
let dynamic = '';

beforeAll(() => {
  requireBinary();
  relu = writeModelFile(join(tmp.dir, 'relu.onnx'), buildModel({
    nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: f32([2, 3]) }], outputs: [{ name: 'y', type: f32([2, 3]) }],
  }));
  hardmax = writeModelFile(join(tmp.dir, 'hardmax.onnx'), buildModel({
    nodes: [
      { name: 'first', op: 'Relu', domain: '', inputs: ['x'], outputs: ['r'], attributes: {} },
      { name: 'pick', op: 'Hardmax', domain: '', inputs: ['r'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: f32([2, 3]) }], outputs: [{ name: 'y', type: f32([2, 3]) }],
  }));
  dynamic = writeModelFile(join(tmp.dir, 'dynamic.onnx'), buildModel({
    nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: f32(['batch', 3]) }], outputs: [{ name: 'y', type: f32(['batch', 3]) }],
  }));
});

const build = (args: string[], extraEnv: Record<string, string> = {}) => hodu(['build', ...args], { env: { ...env, ...extraEnv } });

test('an unknown --target is E_BUILD_TARGET (exit 2) listing the known targets', () => {
  const r = build([relu, '-o', join(tmp.dir, 'x.so'), '--target', 'mips-linux-gnu']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('error[E_BUILD_TARGET]');
  expect(r.stderr).toContain('aarch64-linux-gnu (linux-arm64)');
  expect(r.stderr).toContain('hint:');
});

test('an op the backend lacks is E_BUILD_UNSUPPORTED naming op and node, hinting that hodu run still runs it', () => {
  const r = build([hardmax, '-o', join(tmp.dir, 'h.so')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('error[E_BUILD_UNSUPPORTED]');
  expect(r.stderr).toContain("Hardmax (node 'pick')");
  expect(r.stderr).toContain('hodu run --backend cpu');
  expect(existsSync(join(tmp.dir, 'h.so'))).toBe(false);
});

test('a symbolic dim without --shape is E_BUILD_SHAPE naming the input and dim, with a --shape example', () => {
  const r = build([dynamic, '-o', join(tmp.dir, 'd.so')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('error[E_BUILD_SHAPE]');
  expect(r.stderr).toContain("input 'x' has a symbolic dim 'batch'");
  expect(r.stderr).toContain('--shape x=1x3');
  const named = build([dynamic, '-o', join(tmp.dir, 'd.so'), '--shape', 'y=1x3']);
  expect(named.stderr).toContain('error[E_INPUT_NAME]');
});

test('an output name without a known extension needs --standalone or --format (E_USAGE)', () => {
  const r = build([relu, '-o', join(tmp.dir, 'model')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--standalone');
});

testWithTools([cCompiler()], 'a failing compiler is E_BUILD_COMPILE with its first error and the log under $HODU_HOME/logs', () => {
  const r = build([relu, '-o', join(tmp.dir, 'c.so')], { CC: `${cCompiler()} -include /nonexistent/hodu-broken.h` });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('error[E_BUILD_COMPILE]');
  expect(r.stderr).toContain('hodu-broken.h');
  const log = /full compiler output: (\S+)/.exec(r.stderr)?.[1];
  expect(log?.startsWith(join(env.HODU_HOME, 'logs'))).toBe(true);
  expect(readFileSync(log!, 'utf8')).toContain('-include /nonexistent/hodu-broken.h');
  expect(existsSync(join(tmp.dir, 'c.so'))).toBe(false);
});

test('a missing model is E_NOT_FOUND (exit 2), as for hodu run', () => {
  const r = build([join(tmp.dir, 'absent.onnx'), '-o', join(tmp.dir, 'a.so')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('error[E_NOT_FOUND]');
});
