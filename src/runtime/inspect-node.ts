/**
 * One node of a model as `hodu inspect M --node NAME` shows it: op, domain, where it sits (the main graph or
 * a body), attributes (tensors summarized), each input with its inferred type and where it comes from, each
 * output with its inferred type and what reads it. NAME is a node's name, or else the name of a value a node
 * produces (unnamed nodes of a file are named `<Op>_<index>` by the decoder); the first match in graph order
 * wins, bodies included. Anything else is E_NODE_NAME with the closest names as the hint.
 */
import { HoduError } from '../errors';
import type { Attribute, Graph, Model, Node } from '../ir/graph';
import { domainDisplayName, opId } from '../ir/op-id';
import { namedSubgraphs, outerReads } from '../ir/subgraphs';
import { bfloatToFloat, halfToFloat } from '../ir/float16';
import type { Tensor } from '../ir/tensor';
import { closeMatches } from '../util/did-you-mean';
import { formatValueType, type ScopeFacts } from './inspect-values';
import { tensorStats, type TensorStats } from './tensor-stats';

/** Where a value comes from, or where it goes. `graph` is the path of the graph it is in (see graphPath). */
export type ValueEnd =
  | { kind: 'node'; node: string; op: string; graph: string }
  | { kind: 'input' | 'initializer' | 'output'; graph: string }
  | { kind: 'undefined' };

export interface NodeReport {
  name: string;
  op: string;
  domain: string;
  graph: string;
  attributes: Record<string, unknown>;
  inputs: { name: string; type: string; from: ValueEnd | null }[];
  outputs: { name: string; type: string; to: ValueEnd[] }[];
}

interface Place {
  node: Node;
  graph: Graph;
  path: string;
  /** The enclosing places' graphs, innermost first, with their paths. */
  outer: { graph: Graph; path: string }[];
}

const TENSOR_VALUES_SHOWN = 8;
const LIST_SHOWN = 64;

export function describeNode(model: Model, scopes: ScopeFacts, name: string): NodeReport {
  const places = allPlaces(model.graph, 'main', []);
  const place = places.find((p) => p.node.name === name) ?? places.find((p) => p.node.outputs.includes(name));
  if (!place) {
    const source = model.graph.inputs.some((i) => i.name === name) ? 'an input of the model' : model.graph.initializers.has(name) ? 'a weight (initializer)' : undefined;
    const readers = source ? places.filter((p) => p.node.inputs.includes(name)).map((p) => p.node.name) : [];
    if (source) {
      throw new HoduError('E_NODE_NAME', `'${name}' is ${source}, not a node nor a node's output; ${readers.length ? `read by ${readers.slice(0, 8).map((r) => `'${r}'`).join(', ')}${readers.length > 8 ? ', …' : ''}` : 'no node reads it'}`, {
        hint: readers.length ? `e.g. hodu inspect MODEL --node '${readers[0]}'` : '`hodu inspect MODEL --graph` lists every node',
      });
    }
    const names = [...places.map((p) => p.node.name), ...places.flatMap((p) => p.node.outputs.filter(Boolean))];
    const close = closeMatches(name, names);
    throw new HoduError('E_NODE_NAME', `no node named '${name}' (nor producing a value of that name) in the model`, {
      hint: close.length ? `close names: ${close.map((c) => `'${c}'`).join(', ')}` : '`hodu inspect MODEL --graph` lists every node',
    });
  }
  const { node, graph, path } = place;
  const facts = scopes.get(graph);
  const type = (v: string) => formatValueType(facts?.get(v));
  return {
    name: node.name,
    op: node.op,
    domain: domainDisplayName(node.domain),
    graph: path,
    attributes: Object.fromEntries(Object.entries(node.attributes).map(([k, a]) => [k, summarizeAttribute(a)])),
    inputs: node.inputs.map((v) => ({ name: v, type: v ? type(v) : '', from: v ? producerOf(v, place) : null })),
    outputs: node.outputs.map((v) => ({ name: v, type: v ? type(v) : '', to: v ? consumersOf(v, graph, path, node) : [] })),
  };
}

function allPlaces(g: Graph, path: string, outer: Place['outer']): Place[] {
  const places: Place[] = [];
  for (const node of g.nodes) {
    places.push({ node, graph: g, path, outer });
    for (const [attr, body] of namedSubgraphs(node)) for (const p of allPlaces(body, `${path}/${node.name}.${attr}`, [{ graph: g, path }, ...outer])) places.push(p);
  }
  return places;
}

/** The node (or graph input, initializer) that makes `name` as `place` sees it: its own graph, then the enclosing ones. */
function producerOf(name: string, place: Place): ValueEnd {
  for (const { graph, path } of [{ graph: place.graph, path: place.path }, ...place.outer]) {
    const maker = graph.nodes.find((n) => n.outputs.includes(name));
    if (maker) return { kind: 'node', node: maker.name, op: opId(maker.domain, maker.op), graph: path };
    if (graph.initializers.has(name)) return { kind: 'initializer', graph: path };
    if (graph.inputs.some((i) => i.name === name)) return { kind: 'input', graph: path };
  }
  return { kind: 'undefined' };
}

/** Nodes reading `name` in `g` and in the bodies nested in it that do not define that name themselves. */
function consumersOf(name: string, g: Graph, path: string, except?: Node): ValueEnd[] {
  const ends: ValueEnd[] = [];
  for (const n of g.nodes) {
    if (n !== except && n.inputs.includes(name)) ends.push({ kind: 'node', node: n.name, op: opId(n.domain, n.op), graph: path });
    for (const [attr, body] of namedSubgraphs(n)) {
      if (outerReads(body).has(name)) for (const c of consumersOf(name, body, `${path}/${n.name}.${attr}`)) ends.push(c);
    }
  }
  if (g.outputs.some((o) => o.name === name)) ends.push({ kind: 'output', graph: path });
  return ends;
}

function summarizeAttribute(a: Attribute): unknown {
  switch (a.type) {
    case 'floats':
    case 'ints':
    case 'strings':
      return a.value.length > LIST_SHOWN ? { length: a.value.length, first: a.value.slice(0, LIST_SHOWN) } : a.value;
    case 'tensor':
    case 'sparse_tensor':
      return summarizeTensor(a.value);
    case 'tensors':
      return a.value.map(summarizeTensor);
    case 'graph':
      return summarizeGraph(a.value);
    case 'graphs':
      return a.value.map(summarizeGraph);
    case 'type_proto':
      return a.value.kind === 'tensor' ? formatValueType(a.value) : a.value.kind;
    case 'ref':
      return `@${a.value}`;
    default:
      return a.value;
  }
}

export interface TensorSummary {
  tensor: string;
  stats: TensorStats | null;
  /** The first elements (all when few), in storage order; 64-bit integers as strings, float16 decoded. */
  values: (number | string | boolean)[];
}

function summarizeTensor(t: Tensor): TensorSummary {
  const n = Math.min(t.size, TENSOR_VALUES_SHOWN);
  const values: (number | string | boolean)[] = [];
  for (let i = 0; i < n; i++) {
    const v = t.data[i]!;
    if (typeof v === 'bigint') values.push(v.toString());
    else if (t.dtype === 'bool') values.push(Boolean(v));
    else if (t.dtype === 'float16') values.push(halfToFloat(v as number));
    else if (t.dtype === 'bfloat16') values.push(bfloatToFloat(v as number));
    else values.push(v);
  }
  // Statistics only say more than the values when some are not shown.
  return { tensor: formatValueType({ dtype: t.dtype, shape: [...t.dims] }), stats: t.size > n ? tensorStats(t) : null, values };
}

function summarizeGraph(g: Graph): { graph: string; nodes: number; inputs: string[]; outputs: string[] } {
  return { graph: g.name, nodes: g.nodes.length, inputs: g.inputs.map((i) => i.name), outputs: g.outputs.map((o) => o.name) };
}
