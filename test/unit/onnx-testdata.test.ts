/** Decodes official ONNX backend test models (Debian's libonnx-testdata). Skipped when the data is not installed. */
import { describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, decodeOptionalProto, decodeSequenceProto, decodeTensorProto } from '../../src/formats/onnx/decode';
import { encodeModel } from '../../src/formats/onnx/encode';
import type { Graph } from '../../src/ir/graph';
import { halfToFloat } from '../../src/ir/float16';
import { Tensor, toNumbers } from '../../src/ir/tensor';
import { onnxTestDataDir } from '../conformance/testdata';

// The same location as the conformance suite (npm run testdata); this file used to read a fixed /tmp path that
// nothing fills, so it was skipped everywhere, CI included.
const DATA = onnxTestDataDir();
const ROOT = DATA ? join(DATA, 'node') : '';
const have = DATA !== undefined;
if (!have) {
  const why = 'the ONNX test data is missing (npm run testdata fetches it)';
  if (process.env.CI === 'true') throw new Error(`${why}; .ci/run fetches it, so under CI this is a failure`);
  console.warn(`onnx-testdata: ${why}, skipping`);
}

const load = (name: string) => {
  const path = join(ROOT, name, 'model.onnx');
  return decodeModel(readFileSync(path), { path });
};
const tensor = (name: string, file: string) => decodeTensorProto(readFileSync(join(ROOT, name, 'test_data_set_0', file)));

describe.skipIf(!have)('official ONNX test models', () => {
  test('test_add: two float [3,4,5] inputs, one Add node with a filled-in name', () => {
    const m = load('test_add');
    expect(m.irVersion).toBeGreaterThanOrEqual(3);
    expect(m.graph.inputs.map((i) => i.name)).toEqual(['x', 'y']);
    expect(m.graph.inputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float32', shape: [3, 4, 5] });
    expect(m.graph.outputs.map((o) => o.name)).toEqual(['sum']);
    expect(m.graph.nodes).toHaveLength(1);
    expect(m.graph.nodes[0]).toMatchObject({ op: 'Add', domain: '', inputs: ['x', 'y'], outputs: ['sum'], name: 'Add_0' });
  });

  test('test_conv_with_strides_padding: ints attributes and arange input data', () => {
    const m = load('test_conv_with_strides_padding');
    const conv = m.graph.nodes[0]!;
    expect(conv.attributes).toEqual({
      kernel_shape: { type: 'ints', value: [3, 3] },
      pads: { type: 'ints', value: [1, 1, 1, 1] },
      strides: { type: 'ints', value: [2, 2] },
    });
    // ONNX Operators.md: x = arange(35).reshape(1,1,7,5), W = ones(1,1,3,3), y[0,0,0,:] = [12, 27, 24].
    const x = tensor('test_conv_with_strides_padding', 'input_0.pb');
    expect(x.dims).toEqual([1, 1, 7, 5]);
    expect(Array.from(toNumbers(x))).toEqual(Array.from({ length: 35 }, (_, i) => i));
    const y = tensor('test_conv_with_strides_padding', 'output_0.pb');
    expect(y.dims).toEqual([1, 1, 4, 3]);
    expect(Array.from(toNumbers(y)).slice(0, 3)).toEqual([12, 27, 24]);
  });

  test('test_if: then/else subgraphs with Constant tensors', () => {
    const node = load('test_if').graph.nodes[0]!;
    expect(node.op).toBe('If');
    const branch = (name: string): Graph => {
      const a = node.attributes[name]!;
      if (a.type !== 'graph') throw new Error(`${name} is ${a.type}`);
      return a.value;
    };
    const constant = (g: Graph) => {
      const a = g.nodes[0]!.attributes.value!;
      if (a.type !== 'tensor') throw new Error('value is not a tensor');
      return Array.from(toNumbers(a.value));
    };
    expect(constant(branch('then_branch'))).toEqual([1, 2, 3, 4, 5]);
    expect(constant(branch('else_branch'))).toEqual([5, 4, 3, 2, 1]);
    expect(tensor('test_if', 'input_0.pb')).toMatchObject({ dtype: 'bool', dims: [] });
  });

  test('test_loop11: Loop body graph and an int64 scalar trip count', () => {
    const m = load('test_loop11');
    const loop = m.graph.nodes[0]!;
    expect(loop.op).toBe('Loop');
    const body = loop.attributes.body!;
    expect(body.type).toBe('graph');
    if (body.type === 'graph') {
      expect(body.value.inputs.map((i) => i.type?.kind)).toEqual(['tensor', 'tensor', 'tensor']);
      expect(body.value.outputs).toHaveLength(3);
      expect(body.value.nodes.length).toBeGreaterThan(3);
    }
    const trip = tensor('test_loop11', 'input_0.pb');
    expect(trip.dtype).toBe('int64');
    expect(trip.dims).toEqual([]);
    expect(Array.from(trip.data as BigInt64Array)).toEqual([5n]);
  });

  test('test_cast_FLOAT_to_FLOAT16: float16 output kept as Uint16 bits', () => {
    const m = load('test_cast_FLOAT_to_FLOAT16');
    expect(m.graph.outputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float16', shape: [3, 4] });
    expect(m.graph.nodes[0]!.attributes.to).toEqual({ type: 'int', value: 10 });
    const x = tensor('test_cast_FLOAT_to_FLOAT16', 'input_0.pb');
    const y = tensor('test_cast_FLOAT_to_FLOAT16', 'output_0.pb');
    expect(y.data).toBeInstanceOf(Uint16Array);
    const xs = toNumbers(x);
    (y.data as Uint16Array).forEach((bits, i) => expect(Math.abs(halfToFloat(bits) - xs[i]!)).toBeLessThan(1e-3));
  });

  test('test_strnormalizer: string attributes and string tensors', () => {
    const name = 'test_strnormalizer_export_monday_casesensintive_upper';
    const node = load(name).graph.nodes[0]!;
    expect(node.attributes.case_change_action).toEqual({ type: 'string', value: 'UPPER' });
    expect(node.attributes.stopwords).toEqual({ type: 'strings', value: ['monday'] });
    expect(tensor(name, 'input_0.pb').data).toEqual(['monday', 'tuesday', 'wednesday', 'thursday']);
    expect(tensor(name, 'output_0.pb').data).toEqual(['TUESDAY', 'WEDNESDAY', 'THURSDAY']);
  });

  test('every model decodes, and decode → encode → decode is the identity', () => {
    const names = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'model.onnx')));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const a = load(name);
      const b = decodeModel(encodeModel(a));
      expect({ name, model: b }).toEqual({ name, model: a });
    }
  });

  test('test_data_set files: TensorProto, SequenceProto and OptionalProto values', () => {
    // ONNX Operators.md (SequenceIdentity example): x = [[[[1, 2], [3, 4]]]], y = [[[[2, 3], [1, 5]]]].
    const seq = decodeSequenceProto(readFileSync(join(ROOT, 'test_identity_sequence', 'test_data_set_0', 'input_0.pb')));
    expect(seq.map((t) => (t instanceof Tensor ? [t.dims, Array.from(toNumbers(t))] : t))).toEqual([
      [[1, 1, 2, 2], [1, 2, 3, 4]],
      [[1, 1, 2, 2], [2, 3, 1, 5]],
    ]);
    const opt = (name: string) => decodeOptionalProto(readFileSync(join(ROOT, name, 'test_data_set_0', 'input_0.pb')));
    const present = opt('test_optional_has_element');
    expect(present).toBeInstanceOf(Tensor);
    expect(opt('test_optional_has_element_empty')).toBeUndefined();
  });
});
