/**
 * ONNX spells the default domain '' or 'ai.onnx'. The decoder reads both as '', so a model written with
 * 'ai.onnx' everywhere (node domains, opset_import, function domains) runs like one written with ''.
 */
import { expect, test } from 'bun:test';
import interp from '../../src/backends/interp/index';
import { decodeModel } from '../../src/formats/onnx/decode';
import { fromNumbers, type Tensor, toNumbers } from '../../src/ir/tensor';
import { prepareModel } from '../../src/runtime/prepare';
import { encodeModelProto, reluModelProto } from '../fixtures/onnx/protos';

const f32 = (name: string) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 2 }] } } } });

test("a model whose nodes, opset_import and function say 'ai.onnx' decodes to the default domain '' and runs", async () => {
  const bytes = encodeModelProto(reluModelProto({
    opsetImport: [{ domain: 'ai.onnx', version: 17 }, { domain: 'local', version: 1 }],
    graph: {
      name: 'g',
      node: [
        { opType: 'Relu', domain: 'ai.onnx', input: ['x'], output: ['r'] },
        { opType: 'Twice', domain: 'local', input: ['r'], output: ['y'] },
      ],
      input: [f32('x')],
      output: [f32('y')],
    },
    functions: [{
      name: 'Twice', domain: 'local', input: ['a'], output: ['b'],
      opsetImport: [{ domain: 'ai.onnx', version: 17 }],
      node: [{ opType: 'Add', domain: 'ai.onnx', input: ['a', 'a'], output: ['b'] }],
    }],
  }));
  const model = decodeModel(bytes);
  expect(model.opsetImports).toEqual([{ domain: '', version: 17 }, { domain: 'local', version: 1 }]);
  expect(model.graph.nodes.map((n) => n.domain)).toEqual(['', 'local']);
  expect(model.functions[0]!.opsetImports).toEqual([{ domain: '', version: 17 }]);
  expect(model.functions[0]!.nodes[0]!.domain).toBe('');

  const session = await interp.createSession(prepareModel(model));
  const out = (await session.run(new Map([['x', fromNumbers('float32', [2], [-1, 3])]]))) as Map<string, Tensor>;
  expect(Array.from(toNumbers(out.get('y')!))).toEqual([0, 6]);
});

test("an 'ai.onnx' opset outside what hodu reads is refused like a '' one", () => {
  const bytes = encodeModelProto(reluModelProto({ opsetImport: [{ domain: 'ai.onnx', version: 99 }] }));
  expect(() => decodeModel(bytes)).toThrow('ONNX opset 99 is not supported');
});
