/**
 * --max-memory on the default backend (the embedded cpu, in-process): an If whose body makes a 256 MiB value
 * (rough estimate, so only watching can stop it) is stopped while running, as on the interp, because with a
 * limit set the body runs on the interp's worker thread, where the RSS is sampled (src/plugins/native/memory-budget.ts).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { emptyGraph, type Graph } from '../../src/ir/graph';
import { fromNumbers, int64Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from './hodu';

const tmp = tempDir('hodu-memory-native-');
let bigIf = '';

beforeAll(() => {
  requireBinary();
  // x [1,1] expanded to [8192,8192] float32 (256 MiB) inside the then branch, then summed.
  const branch = (name: string, expand: boolean): Graph => ({
    ...emptyGraph(name),
    nodes: [
      ...(expand ? [{ name: `${name}_expand`, op: 'Expand', domain: '', inputs: ['x', 'shape'], outputs: [`${name}_big`], attributes: {} }] : []),
      { name: `${name}_sum`, op: 'ReduceSum', domain: '', inputs: [expand ? `${name}_big` : 'x'], outputs: [`${name}_s`], attributes: { keepdims: { type: 'int', value: 0 } } },
    ],
    outputs: [{ name: `${name}_s`, type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
  });
  bigIf = writeModelFile(join(tmp.dir, 'big-if.onnx'), buildModel({
    nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['s'], attributes: { then_branch: { type: 'graph', value: branch('then', true) }, else_branch: { type: 'graph', value: branch('else', false) } } }],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 1] } },
      { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
    ],
    outputs: [{ name: 's', type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
    initializers: new Map([['shape', int64Tensor([8192, 8192])]]),
  }));
  writeNpyFile(join(tmp.dir, 'true.npy'), fromNumbers('bool', [], [1]));
});
afterAll(() => tmp.cleanup());

test('on the default (embedded cpu) backend a run over the limit is stopped while running, nothing printed', () => {
  const env = { HODU_MAX_MEMORY: '', HODU_LOG: '', HODU_HOME: join(tmp.dir, 'home') };
  const args = ['run', bigIf, '--input', `c=${join(tmp.dir, 'true.npy')}`, '--random-inputs'];
  const r = hodu([...args, '--max-memory', '200MiB', '--json'], { env });
  expect(r.code).toBe(1);
  const { error, ...rest } = JSON.parse(r.stdout);
  expect(rest).toEqual({}); // only the --json error object: no outputs
  expect(error.code).toBe('E_MEMORY_LIMIT');
  expect(error.message).toMatch(/^the run was stopped: hodu's memory \(RSS\) reached [\d.]+ MiB while running, over --max-memory = 200 MiB/);
  // Without a limit the same run goes through on cpu.
  const ok = hodu([...args, '--json'], { env });
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).backend).toBe('cpu');
});
