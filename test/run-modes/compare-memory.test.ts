/**
 * --max-memory with --compare-backends through dist/hodu: the runs are watched as a single run is (before, the
 * guard was built and then left unused, so an If that makes a 256 MiB value ran through on both backends).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { emptyGraph, type Graph } from '../../src/ir/graph';
import { fromNumbers, int64Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from '../e2e/hodu';

const tmp = tempDir('hodu-compare-memory-');
let bigIf = '';

beforeAll(() => {
  requireBinary();
  // x [1,1] expanded to [8192,8192] float32 (256 MiB) inside the then branch, then summed: a rough estimate, so only watching stops it.
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

test('--compare-backends --max-memory: a run over the limit is stopped while running', () => {
  const env = { HODU_MAX_MEMORY: '', HODU_LOG: '', HODU_HOME: join(tmp.dir, 'home') };
  const args = ['run', bigIf, '--input', `c=${join(tmp.dir, 'true.npy')}`, '--random-inputs', '--compare-backends', 'interp,cpu', '--json'];
  const r = hodu([...args, '--max-memory', '200MiB'], { env });
  expect(r.code).toBe(1);
  const { error, ...rest } = JSON.parse(r.stdout);
  expect(rest).toEqual({});
  expect(error.code).toBe('E_MEMORY_LIMIT');
  // Without a limit both backends run it and agree.
  const ok = hodu(args, { env });
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).compareBackends.ok).toBe(true);
});
