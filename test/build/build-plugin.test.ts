/**
 * `hodu build --backend NAME` with an installed native builder (ABI 3; test/fixtures/plugins/builder-echo.c):
 * its package's sources become the kernel library, its build entry's file joins the model, and the .so
 * runs through the C API with the interp's outputs.
 */
import { afterAll, beforeAll, expect } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { installBuilderEcho } from '../fixtures/plugins/builder-echo-package';
import { cCompiler, testWithTools } from '../support/optional-tools';
import { compileRunner, expectClose, hoduBuild, interpOutputs, runArtifact, seededFeeds } from './support';

const tmp = tempDir('hodu-build-plugin-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
const relu = buildModel({
  nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
  inputs: [{ name: 'x', type: f32([2, 5]) }], outputs: [{ name: 'y', type: f32([2, 5]) }],
});

beforeAll(() => {
  requireBinary();
  installBuilderEcho(tmp.dir, env);
});

testWithTools([cCompiler()], 'an installed builder plugin builds a .so that equals the interp', async () => {
  const model = writeModelFile(join(tmp.dir, 'relu.onnx'), relu);
  const out = join(tmp.dir, 'relu.so');
  const { r, json } = hoduBuild([model, '--backend', 'builder-echo', '-o', out], env);
  expect(r.stderr).toBe('');
  expect(json!.format).toBe('so');
  // The info JSON (a C string in the library) names the backend it was built with.
  expect(readFileSync(out).includes('"backend":"builder-echo"')).toBe(true);
  const exe = join(tmp.dir, 'run-relu');
  compileRunner(out, exe);
  const feeds = seededFeeds(json!.inputs);
  expectClose(runArtifact([exe], tmp.dir, feeds, json!), await interpOutputs(relu, feeds, 2), 'builder-echo relu');
  expect(readFileSync(out).byteLength).toBe(json!.bytes);
}, 120_000);
