/**
 * Control flow through the compiled binary, on cases the op tests cannot reach because they need the
 * enclosing graph: values an If branch captures from the outer scope.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Graph } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpzFile } from './hodu';

const tmp = tempDir('hodu-control-flow-');
beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

const f32 = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [3] };
const branch = (name: string, nodes: Graph['nodes'], output: string): Graph =>
  ({ name, nodes, inputs: [], outputs: [{ name: output }], valueInfo: [], initializers: new Map() });

// s = a + b is an intermediate value the then-branch reads only as its graph output (no node in the branch
// reads it); a node before the If reads it too. The executor used to miss the branch's read, free s after
// that node, before the If ran, and fail with "E_GRAPH ... output is never produced". ONNX allows this;
// onnxruntime refuses to load such a model (it asks for an Identity in between), so the expected values are
// written out instead of compared with it.
test('an If branch that returns an outer-scope value directly (no node in the branch)', async () => {
  const path = writeModelFile(join(tmp.dir, 'if-outer.onnx'), buildModel({
    nodes: [
      { name: 'add', op: 'Add', domain: '', inputs: ['a', 'b'], outputs: ['s'], attributes: {} },
      { name: 'twice', op: 'Add', domain: '', inputs: ['s', 's'], outputs: ['z'], attributes: {} },
      { name: 'if', op: 'If', domain: '', inputs: ['cond'], outputs: ['y'], attributes: {
        then_branch: { type: 'graph', value: branch('then', [], 's') },
        else_branch: { type: 'graph', value: branch('else', [{ name: 'neg', op: 'Neg', domain: '', inputs: ['a'], outputs: ['n'], attributes: {} }], 'n') },
      } },
    ],
    inputs: [{ name: 'cond', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'a', type: f32 }, { name: 'b', type: f32 }],
    outputs: [{ name: 'y', type: f32 }, { name: 'z', type: f32 }],
  }));
  const a = new Tensor('float32', [3], Float32Array.from([1, 2, 3]));
  const b = new Tensor('float32', [3], Float32Array.from([10, 20, 30]));
  for (const cond of [true, false]) {
    const inPath = await writeNpzFile(join(tmp.dir, `in-${cond}.npz`), new Map([['cond', new Tensor('bool', [], Uint8Array.from([cond ? 1 : 0]))], ['a', a], ['b', b]]));
    const outPath = join(tmp.dir, `out-${cond}.npz`);
    const r = hodu(['run', path, '--input', inPath, '--output', outPath]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const ours = (await loadNpz(readFileSync(outPath))).get('y')!;
    expect([...(ours.data as Float32Array)]).toEqual(cond ? [11, 22, 33] : [-1, -2, -3]);
    expect([...((await loadNpz(readFileSync(outPath))).get('z')!.data as Float32Array)]).toEqual([22, 44, 66]);
  }
});
