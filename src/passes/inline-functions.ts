/**
 * inline-functions (-O0: needed to run at all): replaces every call of a model-local ONNX function
 * (FunctionProto in `model.functions`) by the function's body, so backends only ever see primitive ops.
 *
 *   y = custom.Foo(a, b) {alpha=2}   with   Foo(x, w) -> (out) { t = Mul(x, w); out = LeakyRelu(t) {alpha=@alpha} }
 *   ──►  Foo_0/t = Mul(a, b);  y = LeakyRelu(Foo_0/t) {alpha=2}
 *
 * Formal inputs/outputs are renamed to the caller's actual names; internal values get the calling node's name as
 * a prefix (unique, since node names are); `ref_attr_name` attributes take the caller's value, or are dropped so
 * the op default applies. Calls inside function bodies and inside subgraphs (If/Loop/Scan) are inlined too.
 * Returns the same model object when it has no functions.
 *
 * Before expanding anything, the size of the result is counted (memoized per function, so counting is linear in
 * the file): a 2 KB file whose functions call each other twice per level (a "function bomb") expands to 2^levels
 * nodes, and recursion never ends. Both are refused with E_GRAPH instead of exhausting memory.
 */
import { HoduError } from '../errors';
import type { Attribute, FunctionDef, Graph, Model, Node, OpsetImport } from '../ir/graph';
import { opId } from '../ir/op-id';
import { mapSubgraphs, renameCaptures, subgraphsOf } from '../ir/subgraphs';
import type { Pass } from './pass';

/** Nesting of calls and subgraphs; deeper means recursion in practice, and deeper JS recursion risks the stack. */
const MAX_DEPTH = 64;
/** Nodes the inlined model may have. The largest real models have tens of thousands; a million nodes already take ~1 GB. */
export const MAX_INLINED_NODES = 1_000_000;

export const inlineFunctions: Pass = { name: 'inline-functions', level: 0, run };

function run(model: Model): Model {
  if (!model.functions.length) return model;
  const byKey = new Map(model.functions.map((f) => [opId(f.domain, f.name), f]));
  checkExpansion(model.graph, byKey);
  const graph = inlineGraph(model.graph, byKey, 0);
  return { ...model, graph, functions: [], opsetImports: mergeOpsets(model.opsetImports, model.functions) };
}

const fnName = (f: FunctionDef) => opId(f.domain, f.name);

/** Throws E_GRAPH when inlining `g` would recurse forever or create more than MAX_INLINED_NODES nodes. */
function checkExpansion(g: Graph, fns: Map<string, FunctionDef>): void {
  const sizes = new Map<FunctionDef, number>();
  const stack: FunctionDef[] = [];
  let caller = ''; // the main-graph node being counted, for messages
  const sizeOfFunction = (fn: FunctionDef): number => {
    const known = sizes.get(fn);
    if (known !== undefined) return known;
    const at = stack.indexOf(fn);
    if (at >= 0) {
      const cycle = [...stack.slice(at), fn].map(fnName).join(' → ');
      throw new HoduError('E_GRAPH', `function ${fnName(fn)} calls itself (${cycle}); it cannot be inlined (called by node '${caller}')`, {
        hint: 'ONNX functions must not be recursive, directly or through other functions; the model is malformed',
      });
    }
    if (stack.length >= MAX_DEPTH) {
      throw new HoduError('E_GRAPH', `function calls are nested deeper than ${MAX_DEPTH} levels (${fnName(stack[0]!)} → … → ${fnName(fn)})`, {
        hint: 'the model is malformed or crafted; real models nest functions a few levels deep',
      });
    }
    stack.push(fn);
    const size = sizeOfNodes(fn.nodes, 0);
    stack.pop();
    sizes.set(fn, size);
    return size;
  };
  const sizeOfNodes = (nodes: Node[], depth: number): number => {
    if (depth > MAX_DEPTH) {
      throw new HoduError('E_GRAPH', `subgraphs are nested deeper than ${MAX_DEPTH} levels`, { hint: 'the model is malformed or crafted' });
    }
    let total = 0;
    for (const n of nodes) {
      for (const sub of subgraphsOf(n)) total += sizeOfNodes(sub.nodes, depth + 1);
      const fn = fns.get(opId(n.domain, n.op));
      if (stack.length === 0 && depth === 0) caller = n.name;
      total += fn ? sizeOfFunction(fn) : 1;
    }
    return total;
  };
  const total = sizeOfNodes(g.nodes, 0);
  if (total <= MAX_INLINED_NODES) return;
  // Name the function that grows the most: in a bomb, the one the graph calls.
  const [worst, worstSize] = [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a));
  throw new HoduError('E_GRAPH', `inlining the model's functions would create ${formatCount(total)} nodes, over the budget of ${formatCount(MAX_INLINED_NODES)} (function ${fnName(worst)} alone expands to ${formatCount(worstSize)})`, {
    hint: 'its local functions call each other so often that inlining them would exhaust memory ("function bomb"); the model is malformed or crafted',
  });
}

function formatCount(n: number): string {
  return n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(2).replace('+', '');
}

function inlineGraph(g: Graph, fns: Map<string, FunctionDef>, depth: number): Graph {
  const nodes: Node[] = [];
  for (const node of g.nodes) {
    const withSubgraphs = mapSubgraphs(node, (sub) => inlineGraph(sub, fns, depth));
    const fn = fns.get(opId(node.domain, node.op));
    // A loop, not push(...body): spreading a body of 100k+ nodes as arguments throws RangeError.
    if (fn) for (const n of expandCall(withSubgraphs, fn, fns, depth)) nodes.push(n);
    else nodes.push(withSubgraphs);
  }
  return { ...g, nodes };
}

function expandCall(call: Node, fn: FunctionDef, fns: Map<string, FunctionDef>, depth: number): Node[] {
  if (depth >= MAX_DEPTH) {
    throw new HoduError('E_GRAPH', `node '${call.name}' calls function ${fnName(fn)} recursively (deeper than ${MAX_DEPTH})`, { hint: 'ONNX functions must not be recursive' });
  }
  if (call.inputs.length > fn.inputs.length || call.outputs.length > fn.outputs.length) {
    throw new HoduError('E_GRAPH', `node '${call.name}' passes ${call.inputs.length} inputs / ${call.outputs.length} outputs to function ${fnName(fn)}, which declares ${fn.inputs.length} / ${fn.outputs.length}`, { hint: 'the model is malformed' });
  }
  const rename = new Map<string, string>();
  fn.inputs.forEach((formal, i) => rename.set(formal, call.inputs[i] ?? ''));
  fn.outputs.forEach((formal, i) => rename.set(formal, call.outputs[i] ?? ''));
  const local = (name: string) => {
    if (name === '') return '';
    if (!rename.has(name)) rename.set(name, `${call.name}/${name}`);
    return rename.get(name)!;
  };
  const body = fn.nodes.map((n, i): Node => ({
    ...n,
    name: `${call.name}/${n.name || `${n.op}_${i}`}`,
    inputs: n.inputs.map(local),
    outputs: n.outputs.map(local),
    attributes: bindAttributes(n.attributes, call.attributes),
  }));
  // Outer-scope reads inside the body's subgraphs follow the same renaming.
  const renamed = body.map((n) => mapSubgraphs(n, (sub) => renameCaptures(sub, rename)));
  return inlineGraph({ name: fn.name, nodes: renamed, inputs: [], outputs: [], valueInfo: [], initializers: new Map() }, fns, depth + 1).nodes;
}

function bindAttributes(attrs: Record<string, Attribute>, caller: Record<string, Attribute>): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  for (const [name, a] of Object.entries(attrs)) {
    if (a.type !== 'ref') out[name] = a;
    else if (caller[a.value] !== undefined) out[name] = caller[a.value]!;
    // An unset ref leaves the attribute out, so the op's default applies (ONNX function semantics).
  }
  return out;
}

/** Domains a function body imports that the model does not (e.g. a function using com.microsoft ops). */
function mergeOpsets(model: OpsetImport[], fns: FunctionDef[]): OpsetImport[] {
  const out = [...model];
  for (const f of fns) for (const o of f.opsetImports) if (!out.some((m) => m.domain === o.domain)) out.push(o);
  return out;
}
