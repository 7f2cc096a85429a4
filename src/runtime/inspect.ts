import { bytesPerElement } from '../ir/dtype';
import type { Graph, Model, Node, ValueInfo } from '../ir/graph';
import { opId } from '../ir/op-id';
import { subgraphsOf } from '../ir/subgraphs';
import type { Tensor } from '../ir/tensor';
import type { TensorMap } from '../sdk/format';
import { domainDisplayName } from '../ir/op-id';

interface ValueSummary {
  name: string;
  dtype: string;
  shape: (number | string)[] | null;
}

export interface ModelSummary {
  kind: 'model';
  producer: string;
  irVersion: number;
  opsets: Record<string, number>;
  inputs: ValueSummary[];
  outputs: ValueSummary[];
  /** Nodes of the graph as summarized, including those inside If/Loop/Scan bodies. */
  nodes: number;
  ops: Record<string, number>;
  /** Elements of every stored tensor: initializers (subgraphs' too) and Constant node values. */
  parameters: number;
  parameterBytes: number;
  initializers: WeightSummary[];
  /** Constant nodes' tensors, named by the value they produce (models exported without initializers keep their weights here). */
  constants: WeightSummary[];
  metadata: Record<string, string>;
}

interface WeightSummary {
  name: string;
  dtype: string;
  shape: number[];
  bytes: number;
}

export interface TensorFileSummary {
  kind: 'tensors';
  format: string;
  tensors: { name: string; dtype: string; shape: number[]; bytes: number }[];
  totalBytes: number;
}

function summarizeValue(v: ValueInfo): ValueSummary {
  const t = v.type;
  if (!t) return { name: v.name, dtype: 'unknown', shape: null };
  if (t.kind !== 'tensor') return { name: v.name, dtype: t.kind, shape: null };
  return { name: v.name, dtype: t.dtype, shape: t.shape ?? null };
}

function tensorBytes(t: Tensor): number {
  return t.dtype === 'string' ? (t.data as string[]).reduce((n, s) => n + Buffer.byteLength(s), 0) : t.size * bytesPerElement(t.dtype);
}

/** Nodes of a model, including those inside subgraphs: what `inspect` and `convert` report. */
export function countNodes(g: Graph): number {
  return countOps(g, {});
}

/** Counts ops, including those inside subgraphs (If/Loop bodies). */
function countOps(g: Graph, ops: Record<string, number>): number {
  let n = 0;
  for (const node of g.nodes) {
    n++;
    const key = opId(node.domain, node.op);
    ops[key] = (ops[key] ?? 0) + 1;
    for (const s of subgraphsOf(node)) n += countOps(s, ops);
  }
  return n;
}

/** The tensor a Constant node holds (value, value_float(s), value_int(s), value_string(s) or sparse_value). */
function constantTensor(node: Node): { dtype: string; shape: number[]; bytes: number } | undefined {
  for (const a of Object.values(node.attributes)) {
    if (a.type === 'tensor' || a.type === 'sparse_tensor') return { dtype: a.value.dtype, shape: [...a.value.dims], bytes: tensorBytes(a.value) };
    if (a.type === 'float') return { dtype: 'float32', shape: [], bytes: 4 };
    if (a.type === 'int') return { dtype: 'int64', shape: [], bytes: 8 };
    if (a.type === 'string') return { dtype: 'string', shape: [], bytes: Buffer.byteLength(a.value) };
    if (a.type === 'floats') return { dtype: 'float32', shape: [a.value.length], bytes: 4 * a.value.length };
    if (a.type === 'ints') return { dtype: 'int64', shape: [a.value.length], bytes: 8 * a.value.length };
    if (a.type === 'strings') return { dtype: 'string', shape: [a.value.length], bytes: a.value.reduce((n, v) => n + Buffer.byteLength(v), 0) };
  }
  return undefined;
}

/** Initializers and Constant tensors of a graph and of every subgraph in it. */
function collectWeights(g: Graph, initializers: WeightSummary[], constants: WeightSummary[]): void {
  for (const [name, t] of g.initializers) initializers.push({ name, dtype: t.dtype, shape: [...t.dims], bytes: tensorBytes(t) });
  for (const node of g.nodes) {
    const isConstant = node.op === 'Constant' && node.domain === '';
    const t = isConstant ? constantTensor(node) : undefined;
    if (t) constants.push({ name: node.outputs[0] || node.name, ...t });
    for (const s of subgraphsOf(node)) collectWeights(s, initializers, constants);
  }
}

const elements = (w: WeightSummary) => w.shape.reduce((a, b) => a * b, 1);

export function summarizeModel(model: Model): ModelSummary {
  const g = model.graph;
  const ops: Record<string, number> = {};
  const nodes = countOps(g, ops);
  const initializers: WeightSummary[] = [];
  const constants: WeightSummary[] = [];
  collectWeights(g, initializers, constants);
  const weights = [...initializers, ...constants];
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImports) opsets[domainDisplayName(o.domain)] = o.version;
  return {
    kind: 'model',
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' ') || 'unknown',
    irVersion: model.irVersion,
    opsets,
    inputs: g.inputs.filter((i) => !g.initializers.has(i.name)).map(summarizeValue),
    outputs: g.outputs.map(summarizeValue),
    nodes,
    ops: Object.fromEntries(Object.entries(ops).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    parameters: weights.reduce((n, w) => n + elements(w), 0),
    parameterBytes: weights.reduce((n, w) => n + w.bytes, 0),
    initializers,
    constants,
    metadata: model.metadata,
  };
}

export function summarizeTensors(format: string, tensors: TensorMap): TensorFileSummary {
  const list = [...tensors].map(([name, t]) => ({ name, dtype: t.dtype, shape: [...t.dims], bytes: tensorBytes(t) }));
  return { kind: 'tensors', format, tensors: list, totalBytes: list.reduce((n, t) => n + t.bytes, 0) };
}
