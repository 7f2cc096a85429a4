import { bytesPerElement } from '../ir/dtype';
import type { Graph, Model, ValueInfo } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import type { TensorMap } from '../sdk/format';

export interface ValueSummary {
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
  nodes: number;
  ops: Record<string, number>;
  parameters: number;
  parameterBytes: number;
  initializers: { name: string; dtype: string; shape: number[]; bytes: number }[];
  metadata: Record<string, string>;
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

/** Counts ops, including those inside subgraphs (If/Loop bodies). */
function countOps(g: Graph, ops: Record<string, number>): number {
  let n = 0;
  for (const node of g.nodes) {
    n++;
    const key = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}.${node.op}` : node.op;
    ops[key] = (ops[key] ?? 0) + 1;
    for (const a of Object.values(node.attributes)) {
      if (a.type === 'graph') n += countOps(a.value, ops);
      if (a.type === 'graphs') for (const s of a.value) n += countOps(s, ops);
    }
  }
  return n;
}

export function summarizeModel(model: Model): ModelSummary {
  const g = model.graph;
  const ops: Record<string, number> = {};
  const nodes = countOps(g, ops);
  const initializers = [...g.initializers].map(([name, t]) => ({ name, dtype: t.dtype, shape: [...t.dims], bytes: tensorBytes(t) }));
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImports) opsets[o.domain === '' ? 'ai.onnx' : o.domain] = o.version;
  return {
    kind: 'model',
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' ') || 'unknown',
    irVersion: model.irVersion,
    opsets,
    inputs: g.inputs.filter((i) => !g.initializers.has(i.name)).map(summarizeValue),
    outputs: g.outputs.map(summarizeValue),
    nodes,
    ops: Object.fromEntries(Object.entries(ops).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    parameters: initializers.reduce((n, i) => n + i.shape.reduce((a, b) => a * b, 1), 0),
    parameterBytes: initializers.reduce((n, i) => n + i.bytes, 0),
    initializers,
    metadata: model.metadata,
  };
}

export function summarizeTensors(format: string, tensors: TensorMap): TensorFileSummary {
  const list = [...tensors].map(([name, t]) => ({ name, dtype: t.dtype, shape: [...t.dims], bytes: tensorBytes(t) }));
  return { kind: 'tensors', format, tensors: list, totalBytes: list.reduce((n, t) => n + t.bytes, 0) };
}
