/**
 * A model whose If makes a 256 MiB value in its then branch (x [1,1] expanded to [8192,8192] float32, then
 * summed): the memory estimate before the run is rough for it, so only watching the RSS while it runs can
 * stop it. Used by the --max-memory tests of a plain run and of --compare-backends.
 */
import { join } from 'node:path';
import { emptyGraph, type Graph } from '../../src/ir/graph';
import { fromNumbers, int64Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpyFile } from '../e2e/hodu';

/** Writes big-if.onnx and true.npy (the condition that takes the big branch) into `dir`. */
export function writeBigIfModel(dir: string): { model: string; condition: string } {
  const branch = (name: string, expand: boolean): Graph => ({
    ...emptyGraph(name),
    nodes: [
      ...(expand ? [{ name: `${name}_expand`, op: 'Expand', domain: '', inputs: ['x', 'shape'], outputs: [`${name}_big`], attributes: {} }] : []),
      { name: `${name}_sum`, op: 'ReduceSum', domain: '', inputs: [expand ? `${name}_big` : 'x'], outputs: [`${name}_s`], attributes: { keepdims: { type: 'int', value: 0 } } },
    ],
    outputs: [{ name: `${name}_s`, type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
  });
  const model = writeModelFile(join(dir, 'big-if.onnx'), buildModel({
    nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['s'], attributes: { then_branch: { type: 'graph', value: branch('then', true) }, else_branch: { type: 'graph', value: branch('else', false) } } }],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 1] } },
      { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
    ],
    outputs: [{ name: 's', type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
    initializers: new Map([['shape', int64Tensor([8192, 8192])]]),
  }));
  const condition = writeNpyFile(join(dir, 'true.npy'), fromNumbers('bool', [], [1]));
  return { model, condition };
}
