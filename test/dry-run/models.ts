/** Small models the dry-run tests write: a split between cpu and the interp, ops no backend has, a Loop body. */
import { join } from 'node:path';
import type { Graph, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile } from '../e2e/hodu';

const f32 = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2, 3] };
export const node = (op: string, inputs: string[], outputs: string[], domain = ''): Node => ({ name: outputs[0]!, op, domain, inputs, outputs, attributes: {} });
const io = { inputs: [{ name: 'x', type: f32 }], outputs: [{ name: 'y', type: f32 }] };

export function writeModels(dir: string) {
  const custom = buildModel({ nodes: [node('Relu', ['x'], ['r']), node('MyOp', ['r'], ['y'], 'com.example')], ...io });
  custom.opsetImports.push({ domain: 'com.example', version: 1 });
  const body: Graph = {
    name: 'body',
    nodes: [node('Identity', ['c_in'], ['c_out']), node('Relu', ['x_in'], ['r']), node('Add', ['r', 'x_in'], ['x_out'])],
    inputs: [
      { name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [] } },
      { name: 'c_in', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
      { name: 'x_in', type: f32 },
    ],
    outputs: [{ name: 'c_out', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'x_out', type: f32 }],
    valueInfo: [],
    initializers: new Map(),
  };
  const loop = buildModel({
    nodes: [{ name: 'loop', op: 'Loop', domain: '', inputs: ['M', 'cond', 'x'], outputs: ['y'], attributes: { body: { type: 'graph', value: body } } }],
    ...io,
    initializers: new Map([['M', new Tensor('int64', [], BigInt64Array.from([3n]))], ['cond', new Tensor('bool', [], Uint8Array.from([1]))]]),
  });
  return {
    /** Relu on cpu, Hardmax (no cpu kernel) on the interp. */
    split: writeModelFile(join(dir, 'split.onnx'), buildModel({ nodes: [node('Relu', ['x'], ['r']), node('Hardmax', ['r'], ['y'])], ...io })),
    /** Relu then Neg: cpu has both. */
    allCpu: writeModelFile(join(dir, 'relu.onnx'), buildModel({ nodes: [node('Relu', ['x'], ['r']), node('Neg', ['r'], ['y'])], ...io })),
    /** Identity nodes -O1 removes (eliminate-identity). */
    identities: writeModelFile(join(dir, 'identities.onnx'), buildModel({ nodes: [node('Identity', ['x'], ['a']), node('Relu', ['a'], ['b']), node('Identity', ['b'], ['y'])], ...io })),
    unknown: writeModelFile(join(dir, 'unknown.onnx'), buildModel({ nodes: [node('Relu', ['x'], ['r']), node('FooBar', ['r'], ['y'])], ...io })),
    custom: writeModelFile(join(dir, 'custom.onnx'), custom),
    loop: writeModelFile(join(dir, 'loop.onnx'), loop),
  };
}
