/** IR → bytes → IR keeps everything the IR holds: every attribute kind, value types, functions, metadata. */
import { describe, expect, test } from 'bun:test';
import { decodeModel } from '../../src/formats/onnx/decode';
import { encodeModel } from '../../src/formats/onnx/encode';
import onnxFormat from '../../src/formats/onnx/index';
import { onnx } from '../../src/formats/onnx/pb';
import { emptyGraph, type Graph, type Model } from '../../src/ir/graph';
import { Tensor, float32Tensor, int64Tensor } from '../../src/ir/tensor';

function body(): Graph {
  const g = emptyGraph('body');
  g.inputs = [{ name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [] } }];
  g.outputs = [{ name: 'o', type: { kind: 'tensor', dtype: 'int64', shape: [] } }];
  g.nodes = [{ name: 'id', op: 'Identity', domain: '', inputs: ['i'], outputs: ['o'], attributes: {} }];
  return g;
}

function richModel(): Model {
  const g = emptyGraph('main');
  g.doc = 'the main graph';
  g.inputs = [
    { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 3, '?'] }, doc: 'input' },
    { name: 'seq', type: { kind: 'sequence', elem: { kind: 'tensor', dtype: 'float16' } } },
    { name: 'opt', type: { kind: 'optional', elem: { kind: 'tensor', dtype: 'bool', shape: [2] } } },
    { name: 'm', type: { kind: 'map', key: 'string', value: { kind: 'tensor', dtype: 'float64', shape: [] } } },
    { name: 'untyped' },
  ];
  g.outputs = [{ name: 'y', type: { kind: 'tensor', dtype: 'float32' } }];
  g.valueInfo = [{ name: 'h', type: { kind: 'tensor', dtype: 'float32', shape: [1] } }];
  g.initializers.set('w', float32Tensor([1, -2.5, -0, Infinity], [2, 2]));
  g.initializers.set('shape', int64Tensor([3, -1]));
  g.initializers.set('big', new Tensor('int64', [2], BigInt64Array.from([2n ** 63n - 1n, -(2n ** 63n)])));
  g.initializers.set('names', new Tensor('string', [2], ['a', 'ünï']));
  g.initializers.set('half', new Tensor('float16', [1], Uint16Array.from([0x3c00])));
  g.initializers.set('flags', new Tensor('bool', [3], Uint8Array.from([1, 0, 1])));
  g.initializers.set('u64', new Tensor('uint64', [1], BigUint64Array.from([2n ** 64n - 1n])));
  g.nodes = [
    {
      name: 'kitchen_sink',
      op: 'Custom',
      domain: 'com.example',
      inputs: ['x', '', 'w'],
      outputs: ['y'],
      doc: 'every attribute kind',
      attributes: {
        f: { type: 'float', value: 0.5 },
        i: { type: 'int', value: -7 },
        imax: { type: 'int', value: 9223372036854775807 },
        s: { type: 'string', value: 'héllo' },
        t: { type: 'tensor', value: float32Tensor([3], [1]) },
        g: { type: 'graph', value: body() },
        fs: { type: 'floats', value: [1.5, -0.25] },
        is: { type: 'ints', value: [1, -2, 3] },
        ss: { type: 'strings', value: ['a', 'b'] },
        ts: { type: 'tensors', value: [float32Tensor([1, 2], [2]), int64Tensor([5])] },
        gs: { type: 'graphs', value: [body(), body()] },
        sp: { type: 'sparse_tensor', value: float32Tensor([0, 4, 0, 9], [2, 2]) },
        tp: { type: 'type_proto', value: { kind: 'sequence', elem: { kind: 'tensor', dtype: 'int32', shape: [4] } } },
      },
    },
  ];
  return {
    irVersion: 10,
    opsetImports: [{ domain: '', version: 21 }, { domain: 'com.example', version: 1 }],
    producerName: 'hodu',
    producerVersion: '0.1.0',
    domain: 'dev.hodu',
    modelVersion: 3,
    doc: 'a model with everything',
    metadata: { author: 'me', license: 'Apache-2.0' },
    graph: g,
    functions: [
      {
        name: 'MyRelu',
        domain: 'com.example',
        inputs: ['a'],
        outputs: ['b'],
        attributes: ['alpha'],
        nodes: [{ name: 'r', op: 'LeakyRelu', domain: '', inputs: ['a'], outputs: ['b'], attributes: { alpha: { type: 'ref', value: 'alpha' } } }],
        opsetImports: [{ domain: '', version: 18 }],
      },
    ],
  };
}

describe('encode → decode', () => {
  test('a model using every IR feature comes back equal', () => {
    const m = richModel();
    expect(decodeModel(encodeModel(m))).toEqual(m);
  });

  test('NaN payloads keep their bits (compared as bytes: toEqual treats typed-array NaNs as unequal)', () => {
    const m = richModel();
    const nan = new Float32Array([NaN, 1]);
    new Uint32Array(nan.buffer)[0] = 0x7fc00001; // a NaN with a payload
    m.graph.initializers.set('w', new Tensor('float32', [2], nan));
    const back = decodeModel(encodeModel(m)).graph.initializers.get('w')!;
    expect(new Uint8Array((back.data as Float32Array).buffer)).toEqual(new Uint8Array(nan.buffer));
  });

  test('INT64_MAX attributes are written exactly, not as a rounded double', () => {
    const p = onnx.ModelProto.decode(encodeModel(richModel()));
    const imax = (p.graph!.node![0]!.attribute ?? []).find((a) => a.name === 'imax')!;
    expect(String(imax.i)).toBe('9223372036854775807');
  });

  test('numeric tensors are written as raw_data, strings as string_data', () => {
    const p = onnx.ModelProto.decode(encodeModel(richModel()));
    const byName = new Map((p.graph!.initializer ?? []).map((t) => [t.name, t]));
    expect(byName.get('w')!.rawData!.length).toBe(16);
    expect(byName.get('w')!.floatData).toEqual([]);
    expect(byName.get('names')!.stringData!.map((b) => new TextDecoder().decode(b))).toEqual(['a', 'ünï']);
  });

  test('the plugin object loads and saves .onnx and single-tensor .pb', async () => {
    expect(onnxFormat.name).toBe('onnx');
    expect(onnxFormat.capabilities.extensions).toContain('.onnx');
    const m = richModel();
    const bytes = await onnxFormat.saveModel!(m);
    expect(await onnxFormat.loadModel!(bytes)).toEqual(m);
    const t = float32Tensor([1, 2, 3], [3]);
    const pb = await onnxFormat.saveTensors!(new Map([['input', t]]));
    expect(await onnxFormat.loadTensors!(pb)).toEqual(new Map([['input', t]]));
  });
});
