/**
 * Models that call model-local ONNX functions (FunctionProto): the inline-functions pass expands them so the
 * interp runs them. Expected values are worked by hand.
 */
import { expect, test } from 'bun:test';
import interp from '../../src/backends/interp/index';
import { decodeModel } from '../../src/formats/onnx/decode';
import { encodeModel } from '../../src/formats/onnx/encode';
import { emptyGraph, type FunctionDef, type Graph, type Model } from '../../src/ir/graph';
import { float32Tensor, Tensor, toNumbers } from '../../src/ir/tensor';
import { verifyModel } from '../../src/ir/verifier';
import { inlineFunctions } from '../../src/passes/inline-functions';

// ScaledLeaky(x, w) -> (out) { t = Mul(x, w); out = LeakyRelu(t) {alpha = @alpha} }
const scaledLeaky: FunctionDef = {
  name: 'ScaledLeaky',
  domain: 'custom',
  inputs: ['x', 'w'],
  outputs: ['out'],
  attributes: ['alpha'],
  opsetImports: [{ domain: '', version: 17 }],
  nodes: [
    { name: 'mul', op: 'Mul', domain: '', inputs: ['x', 'w'], outputs: ['t'], attributes: {} },
    { name: 'leaky', op: 'LeakyRelu', domain: '', inputs: ['t'], outputs: ['out'], attributes: { alpha: { type: 'ref', value: 'alpha' } } },
  ],
};
// Twice(x) -> (y) { y = ScaledLeaky(x, x) }   (a function calling a function; alpha left to LeakyRelu's default 0.01)
const twice: FunctionDef = {
  name: 'Twice',
  domain: 'custom',
  inputs: ['x'],
  outputs: ['y'],
  attributes: [],
  opsetImports: [{ domain: '', version: 17 }, { domain: 'custom', version: 1 }],
  nodes: [{ name: 'inner', op: 'ScaledLeaky', domain: 'custom', inputs: ['x', 'x'], outputs: ['y'], attributes: {} }],
};

function model(): Model {
  const graph: Graph = {
    ...emptyGraph('main'),
    nodes: [
      { name: 'call_a', op: 'ScaledLeaky', domain: 'custom', inputs: ['a', 'b'], outputs: ['y'], attributes: { alpha: { type: 'float' as const, value: 0.5 } } },
      { name: 'call_b', op: 'Twice', domain: 'custom', inputs: ['a'], outputs: ['z'], attributes: {} },
    ],
    inputs: [{ name: 'a', type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: [3] } }, { name: 'b', type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: [3] } }],
    outputs: [{ name: 'y' }, { name: 'z' }],
  };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 17 }, { domain: 'custom', version: 1 }], metadata: {}, graph, functions: [scaledLeaky, twice] };
}

async function run(m: Model): Promise<Map<string, number[]>> {
  const session = await interp.createSession(m);
  const out = await session.run(new Map([['a', float32Tensor([1, -2, 3], [3])], ['b', float32Tensor([2, 2, -1], [3])]]));
  return new Map([...out].map(([k, v]) => [k, Array.from(toNumbers(v as Tensor))]));
}

test('calls are replaced by the bodies with renamed internals and bound attributes', () => {
  const m = inlineFunctions.run(model());
  expect(m.functions).toEqual([]);
  expect(m.graph.nodes.map((n) => `${n.op}(${n.inputs.join(',')})->${n.outputs.join(',')}`)).toEqual([
    'Mul(a,b)->call_a/t',
    'LeakyRelu(call_a/t)->y',
    'Mul(a,a)->call_b/inner/t',
    'LeakyRelu(call_b/inner/t)->z',
  ]);
  expect(m.graph.nodes[1]!.attributes.alpha).toEqual({ type: 'float', value: 0.5 });
  expect(m.graph.nodes[3]!.attributes.alpha).toBeUndefined();
  verifyModel(m);
});

test('the interp runs the inlined model (also after an ONNX round trip)', async () => {
  // y = leaky(a*b, 0.5): a*b = [2,-4,-3] -> [2,-2,-1.5];  z = leaky(a*a, 0.01): [1,4,9] (all positive).
  for (const m of [model(), decodeModel(encodeModel(model()))]) {
    const out = await run(inlineFunctions.run(m));
    expect(out.get('y')).toEqual([2, -2, -1.5]);
    expect(out.get('z')).toEqual([1, 4, 9]);
  }
});

test('a model without functions is returned as is', () => {
  const m = { ...model(), functions: [] };
  expect(inlineFunctions.run(m)).toBe(m);
});

test('a recursive function is refused naming the node', () => {
  const loop: FunctionDef = { ...twice, name: 'Loopy', nodes: [{ name: 'self', op: 'Loopy', domain: 'custom', inputs: ['x'], outputs: ['y'], attributes: {} }] };
  const m = model();
  m.functions.push(loop);
  m.graph.nodes.push({ name: 'call_c', op: 'Loopy', domain: 'custom', inputs: ['a'], outputs: ['w'], attributes: {} });
  expect(() => inlineFunctions.run(m)).toThrow("function custom::Loopy calls itself (custom::Loopy → custom::Loopy); it cannot be inlined (called by node 'call_c')");
});
