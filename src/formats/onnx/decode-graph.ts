/** GraphProto / NodeProto / AttributeProto / FunctionProto → IR. */
import { HoduError } from '../../errors';
import type { Attribute, FunctionDef, Graph, Node, OpsetImport, ValueInfo } from '../../ir/graph';
import { normalizeDomain } from '../../ir/op-id';
import type { Tensor } from '../../ir/tensor';
import type { DecodeContext } from './context';
import { tensorFromProto, tensorFromSparseProto } from './decode-tensor';
import { int64ToNumber, onnx } from './pb';
import { typeFromProto } from './types';

const utf8 = new TextDecoder('utf-8');
const AT = onnx.AttributeProto.AttributeType;

/** `where` is the path of enclosing graphs, e.g. "graph 'main' > node 'loop_3' attribute 'body'". */
export function graphFromProto(g: onnx.IGraphProto, ctx: DecodeContext, where = `graph '${g.name ?? ''}'`): Graph {
  const initializers = new Map<string, Tensor>();
  for (const t of g.initializer ?? []) initializers.set(t.name ?? '', tensorFromProto(t, ctx, `${where} initializer '${t.name ?? ''}'`));
  for (const s of g.sparseInitializer ?? []) {
    const name = s.values?.name ?? '';
    initializers.set(name, tensorFromSparseProto(s, ctx, `${where} sparse initializer '${name}'`));
  }
  const graph: Graph = {
    name: g.name ?? '',
    nodes: (g.node ?? []).map((n, i) => nodeFromProto(n, i, ctx, where)),
    inputs: (g.input ?? []).map((v) => valueInfoFromProto(v, ctx, where)),
    outputs: (g.output ?? []).map((v) => valueInfoFromProto(v, ctx, where)),
    valueInfo: (g.valueInfo ?? []).map((v) => valueInfoFromProto(v, ctx, where)),
    initializers,
  };
  if (g.docString) graph.doc = g.docString;
  return graph;
}

function valueInfoFromProto(v: onnx.IValueInfoProto, ctx: DecodeContext, where: string): ValueInfo {
  const name = v.name ?? '';
  const info: ValueInfo = { name };
  const type = typeFromProto(v.type, ctx, `${where} value '${name}'`);
  if (type) info.type = type;
  if (v.docString) info.doc = v.docString;
  return info;
}

/**
 * Empty node names are filled as `<op>_<index>` so that every error can name the node. The domain 'ai.onnx'
 * is read as '' (as are opset imports and functions), so nothing after decoding compares with 'ai.onnx'.
 */
function nodeFromProto(n: onnx.INodeProto, index: number, ctx: DecodeContext, where: string): Node {
  const op = n.opType ?? '';
  const name = n.name || `${op}_${index}`;
  const here = `${where} node '${name}'`;
  if (!op) throw new HoduError('E_ONNX_DECODE', `${ctx.label}: ${here} has no op_type`, { hint: 'the file may be corrupt' });
  const attributes: Record<string, Attribute> = {};
  for (const a of n.attribute ?? []) attributes[a.name ?? ''] = attributeFromProto(a, ctx, `${here} attribute '${a.name ?? ''}'`);
  const node: Node = {
    name,
    op,
    domain: normalizeDomain(n.domain),
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attributes,
  };
  if (n.docString) node.doc = n.docString;
  return node;
}

function attributeFromProto(a: onnx.IAttributeProto, ctx: DecodeContext, where: string): Attribute {
  if (a.refAttrName) return { type: 'ref', value: a.refAttrName };
  switch (a.type || guessAttributeType(a)) {
    case AT.FLOAT:
      return { type: 'float', value: a.f ?? 0 };
    case AT.INT:
      return { type: 'int', value: int64ToNumber(a.i) };
    case AT.STRING:
      return { type: 'string', value: utf8.decode(a.s ?? new Uint8Array()) };
    case AT.TENSOR:
      if (!a.t) break;
      return { type: 'tensor', value: tensorFromProto(a.t, ctx, where) };
    case AT.GRAPH:
      if (!a.g) break;
      return { type: 'graph', value: graphFromProto(a.g, ctx, `${where} > graph '${a.g.name ?? ''}'`) };
    case AT.SPARSE_TENSOR:
      if (!a.sparseTensor) break;
      return { type: 'sparse_tensor', value: tensorFromSparseProto(a.sparseTensor, ctx, where) };
    case AT.TYPE_PROTO: {
      const t = typeFromProto(a.tp, ctx, where);
      if (!t) break;
      return { type: 'type_proto', value: t };
    }
    case AT.FLOATS:
      return { type: 'floats', value: [...(a.floats ?? [])] };
    case AT.INTS:
      return { type: 'ints', value: (a.ints ?? []).map(int64ToNumber) };
    case AT.STRINGS:
      return { type: 'strings', value: (a.strings ?? []).map((s) => utf8.decode(s)) };
    case AT.TENSORS:
      return { type: 'tensors', value: (a.tensors ?? []).map((t, i) => tensorFromProto(t, ctx, `${where}[${i}]`)) };
    case AT.GRAPHS:
      return { type: 'graphs', value: (a.graphs ?? []).map((g, i) => graphFromProto(g, ctx, `${where}[${i}] > graph '${g.name ?? ''}'`)) };
    case AT.SPARSE_TENSORS:
      // The IR has no list-of-sparse kind; the densified tensors are kept as a plain tensor list.
      return { type: 'tensors', value: (a.sparseTensors ?? []).map((t, i) => tensorFromSparseProto(t, ctx, `${where}[${i}]`)) };
    case AT.TYPE_PROTOS:
      throw new HoduError('E_UNSUPPORTED', `${ctx.label}: ${where}: TYPE_PROTOS attributes are not supported`);
  }
  throw new HoduError('E_ONNX_DECODE', `${ctx.label}: ${where}: attribute has type ${a.type ?? 0} but no value`, {
    hint: 'the file may be corrupt',
  });
}

/** IR version 1 files have no `type` discriminator: infer it from the field that is set. */
function guessAttributeType(a: onnx.IAttributeProto): number {
  if (a.floats?.length) return AT.FLOATS;
  if (a.ints?.length) return AT.INTS;
  if (a.strings?.length) return AT.STRINGS;
  if (a.tensors?.length) return AT.TENSORS;
  if (a.graphs?.length) return AT.GRAPHS;
  if (a.t) return AT.TENSOR;
  if (a.g) return AT.GRAPH;
  if (a.s?.length) return AT.STRING;
  if (a.i !== null && a.i !== undefined && int64ToNumber(a.i) !== 0) return AT.INT;
  return AT.FLOAT;
}

export function opsetsFromProto(list: onnx.IOperatorSetIdProto[] | null | undefined): OpsetImport[] {
  return (list ?? []).map((o) => ({ domain: normalizeDomain(o.domain), version: int64ToNumber(o.version) }));
}

/** Default attribute values (`attribute_proto`) are reduced to their names: the IR keeps names only. */
export function functionFromProto(f: onnx.IFunctionProto, ctx: DecodeContext): FunctionDef {
  const where = `function '${f.domain ?? ''}.${f.name ?? ''}'`;
  return {
    name: f.name ?? '',
    domain: normalizeDomain(f.domain),
    inputs: [...(f.input ?? [])],
    outputs: [...(f.output ?? [])],
    attributes: [...(f.attribute ?? []), ...(f.attributeProto ?? []).map((a) => a.name ?? '')],
    nodes: (f.node ?? []).map((n, i) => nodeFromProto(n, i, ctx, where)),
    opsetImports: opsetsFromProto(f.opsetImport),
  };
}
