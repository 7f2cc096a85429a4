import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { emptyGraph, type Graph, type Model, type Node } from '../../src/ir/graph';
import { printModel } from '../../src/ir/printer';
import { float32Tensor, fromNumbers, Tensor, toBigInts, toNumbers } from '../../src/ir/tensor';
import { verifyModel } from '../../src/ir/verifier';
import { floatToHalf, halfToFloat, floatToBfloat, bfloatToFloat } from '../../src/ir/float16';

function node(op: string, inputs: string[], outputs: string[], name = `${op}_${outputs[0]}`, attributes: Node['attributes'] = {}): Node {
  return { name, op, domain: '', inputs, outputs, attributes };
}

function model(nodes: Node[], extra: Partial<Graph> = {}): Model {
  const graph: Graph = {
    ...emptyGraph('g'),
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 4] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 2] } }],
    nodes,
    ...extra,
  };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
}

function verifyError(m: Model): string {
  try {
    verifyModel(m);
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    return (e as HoduError).message;
  }
  return 'no error';
}

describe('printer', () => {
  test('prints inputs, initializers, intermediates with %, attributes and outputs', () => {
    const m = model([node('MatMul', ['x', 'w'], ['h']), node('LeakyRelu', ['h'], ['y'], 'act', { alpha: { type: 'float', value: 0.5 } })], {
      initializers: new Map([['w', float32Tensor([1, 2, 3, 4, 5, 6, 7, 8], [4, 2])]]),
    });
    expect(printModel(m)).toBe(
      [
        'model ir=8 opsets=[ai.onnx:17]',
        'graph g (x: float32[N,4]) -> (y: float32[N,2]) {',
        '  init w: float32[4,2]',
        '  %h = MatMul(x, w)',
        '  y = LeakyRelu(%h) {alpha=0.5}',
        '}',
      ].join('\n'),
    );
  });
});

describe('verifier', () => {
  test('accepts a well-formed graph', () => {
    expect(verifyError(model([node('Relu', ['x'], ['h']), node('Relu', ['h'], ['y'])]))).toBe('no error');
  });
  test('dangling input names the node', () => {
    expect(verifyError(model([node('Add', ['x', 'ghost'], ['y'], 'add_1')]))).toContain("Add node 'add_1': reads 'ghost'");
  });
  test('a fault at a node carries the node (error.node), as every node error does', () => {
    try {
      verifyModel(model([node('Add', ['x', 'ghost'], ['y'], 'add_1')]));
      throw new Error('verified');
    } catch (e) {
      expect((e as HoduError).node).toEqual({ name: 'add_1', op: 'Add', domain: '' });
    }
  });
  test('duplicate definition', () => {
    expect(verifyError(model([node('Relu', ['x'], ['y']), node('Relu', ['x'], ['y'], 'again')]))).toContain("'y' is defined twice");
  });
  test('cycle is reported as a cycle', () => {
    const m = model([node('Add', ['x', 'b'], ['a'], 'n1'), node('Relu', ['a'], ['b'], 'n2'), node('Relu', ['a'], ['y'], 'n3')]);
    expect(verifyError(m)).toContain('cycle');
  });
  test('out-of-order nodes are reported with both names', () => {
    const m = model([node('Relu', ['h'], ['y'], 'late'), node('Relu', ['x'], ['h'], 'early')]);
    expect(verifyError(m)).toContain("before node 'early' produces it");
  });
  test('subgraph may read outer-scope values but not undefined ones', () => {
    const body = (reads: string): Graph => ({ ...emptyGraph('then'), outputs: [{ name: 'o' }], nodes: [node('Identity', [reads], ['o'])] });
    const ok = model([node('Relu', ['x'], ['c']), node('If', ['c'], ['y'], 'if', { then_branch: { type: 'graph', value: body('x') }, else_branch: { type: 'graph', value: body('c') } })]);
    expect(verifyError(ok)).toBe('no error');
    const bad = model([node('If', ['x'], ['y'], 'if', { then_branch: { type: 'graph', value: body('nope') }, else_branch: { type: 'graph', value: body('x') } })]);
    expect(verifyError(bad)).toContain("reads 'nope'");
  });
  test('missing graph output', () => {
    expect(verifyError(model([node('Relu', ['x'], ['h'])]))).toContain("output 'y' is never produced");
  });
});

describe('tensor', () => {
  test('fromNumbers applies ONNX cast rules per dtype', () => {
    expect(Array.from(fromNumbers('int32', [3], [1.9, -1.9, 2 ** 31]).data as Int32Array)).toEqual([1, -1, -(2 ** 31)]);
    expect(Array.from(fromNumbers('uint8', [2], [256 + 7, -1]).data as Uint8Array)).toEqual([7, 255]);
    expect(Array.from(fromNumbers('bool', [3], [0, 2, -0.5]).data as Uint8Array)).toEqual([0, 1, 1]);
    expect(toBigInts(fromNumbers('int64', [2], [-3.7, 5]))).toEqual([-3n, 5n]);
  });
  test('size mismatch is a HoduError', () => {
    expect(() => new Tensor('float32', [2, 2], new Float32Array(3))).toThrow(HoduError);
  });
  test('float16 round trip and known bit patterns', () => {
    expect(floatToHalf(1)).toBe(0x3c00);
    expect(floatToHalf(-2)).toBe(0xc000);
    expect(floatToHalf(65504)).toBe(0x7bff);
    expect(floatToHalf(1e6)).toBe(0x7c00);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(Number.isNaN(halfToFloat(floatToHalf(NaN)))).toBe(true);
    // 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties to even → 1.
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(toNumbers(fromNumbers('float16', [2], [0.1, 3.5]))[1]).toBe(3.5);
  });
  test('bfloat16 known bit patterns', () => {
    expect(floatToBfloat(1)).toBe(0x3f80);
    expect(bfloatToFloat(0xc040)).toBe(-3);
    expect(floatToBfloat(1 + 2 ** -8)).toBe(0x3f80); // tie → even
    expect(floatToBfloat(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });
});
