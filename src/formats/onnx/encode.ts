/** IR → ONNX bytes. Writes everything decode.ts reads; tensors go to raw_data, strings to string_data. */
import type { Attribute, FunctionDef, Graph, Model, Node, OpsetImport, ValueInfo } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';
import type { Tensor } from '../../ir/tensor';
import { tensorToProto, tensorToSparseProto } from './encode-tensor';
import { numberToInt64, onnx } from './pb';
import { typeToProto } from './types';

const utf8 = new TextEncoder();
const AT = onnx.AttributeProto.AttributeType;

/**
 * Where the data of initializers and of tensor attributes (Constant values) goes: inline (raw_data) unless a hook
 * stores it elsewhere (external data, encode-external.ts). `name` is undefined for an attribute's tensor.
 */
type InitializerHook = (t: Tensor, name?: string) => onnx.ITensorProto | undefined;

/** Serializes a model to the ONNX protobuf wire format. */
export function encodeModel(model: Model): Uint8Array {
  return encodeModelWith(model);
}

/** encodeModel, with `initializer` deciding where each initializer's data goes. */
export function encodeModelWith(model: Model, initializer?: InitializerHook): Uint8Array {
  const enc: Enc = { initializer };
  const m: onnx.IModelProto = {
    irVersion: model.irVersion,
    opsetImport: opsetsToProto(model.opsetImports),
    graph: graphToProto(model.graph, enc),
    metadataProps: Object.entries(model.metadata).map(([key, value]) => ({ key, value })),
    functions: model.functions.map((f) => functionToProto(f, enc)),
  };
  if (model.producerName) m.producerName = model.producerName;
  if (model.producerVersion) m.producerVersion = model.producerVersion;
  if (model.domain) m.domain = model.domain;
  if (model.modelVersion) m.modelVersion = numberToInt64(model.modelVersion);
  if (model.doc) m.docString = model.doc;
  return onnx.ModelProto.encode(m).finish();
}

/** Serializes one tensor as a TensorProto (the format of the ONNX test data's `input_N.pb`). */
export function encodeTensorProto(t: Tensor, name?: string): Uint8Array {
  return onnx.TensorProto.encode(tensorToProto(t, name)).finish();
}

interface Enc {
  initializer?: InitializerHook;
}

function graphToProto(g: Graph, enc: Enc): onnx.IGraphProto {
  const p: onnx.IGraphProto = {
    name: g.name,
    node: g.nodes.map((n) => nodeToProto(n, enc)),
    input: g.inputs.map(valueInfoToProto),
    output: g.outputs.map(valueInfoToProto),
    valueInfo: g.valueInfo.map(valueInfoToProto),
    initializer: [...g.initializers].map(([name, t]) => enc.initializer?.(t, name) ?? tensorToProto(t, name)),
  };
  if (g.doc) p.docString = g.doc;
  return p;
}

function valueInfoToProto(v: ValueInfo): onnx.IValueInfoProto {
  const p: onnx.IValueInfoProto = { name: v.name };
  if (v.type) p.type = typeToProto(v.type);
  if (v.doc) p.docString = v.doc;
  return p;
}

function nodeToProto(n: Node, enc: Enc): onnx.INodeProto {
  const p: onnx.INodeProto = {
    name: n.name,
    opType: n.op,
    input: n.inputs,
    output: n.outputs,
    attribute: Object.entries(n.attributes).map(([name, a]) => attributeToProto(name, a, n, enc)),
  };
  if (n.domain) p.domain = n.domain;
  if (n.doc) p.docString = n.doc;
  return p;
}

function attributeToProto(name: string, a: Attribute, node: Node, enc: Enc): onnx.IAttributeProto {
  switch (a.type) {
    case 'float':
      return { name, type: AT.FLOAT, f: a.value };
    case 'int':
      return { name, type: AT.INT, i: numberToInt64(a.value) };
    case 'string':
      return { name, type: AT.STRING, s: utf8.encode(a.value) };
    case 'tensor':
      return { name, type: AT.TENSOR, t: enc.initializer?.(a.value) ?? tensorToProto(a.value) };
    case 'graph':
      return { name, type: AT.GRAPH, g: graphToProto(a.value, enc) };
    case 'floats':
      return { name, type: AT.FLOATS, floats: a.value };
    case 'ints':
      return { name, type: AT.INTS, ints: a.value.map(numberToInt64) };
    case 'strings':
      return { name, type: AT.STRINGS, strings: a.value.map((s) => utf8.encode(s)) };
    case 'tensors':
      return { name, type: AT.TENSORS, tensors: a.value.map((t) => tensorToProto(t)) };
    case 'graphs':
      return { name, type: AT.GRAPHS, graphs: a.value.map((g) => graphToProto(g, enc)) };
    case 'sparse_tensor':
      return { name, type: AT.SPARSE_TENSOR, sparseTensor: tensorToSparseProto(a.value) };
    case 'type_proto':
      return { name, type: AT.TYPE_PROTO, tp: typeToProto(a.value) };
    case 'ref':
      // The IR does not keep the referenced attribute's type; UNDEFINED tells readers to look it up.
      return { name, type: AT.UNDEFINED, refAttrName: a.value };
  }
  throw nodeError(node, 'E_ONNX_ENCODE', `attribute '${name}' has unknown type '${(a as { type: string }).type}'`);
}

function opsetsToProto(list: OpsetImport[]): onnx.IOperatorSetIdProto[] {
  return list.map((o) => ({ domain: o.domain, version: o.version }));
}

function functionToProto(f: FunctionDef, enc: Enc): onnx.IFunctionProto {
  return {
    name: f.name,
    domain: f.domain,
    input: f.inputs,
    output: f.outputs,
    attribute: f.attributes,
    node: f.nodes.map((n) => nodeToProto(n, enc)),
    opsetImport: opsetsToProto(f.opsetImports),
  };
}
