/**
 * Types through control flow, for the inference engine (infer-values.ts): an If/Loop/Scan body is inferred like
 * a graph, with the enclosing graph's facts in scope and its own inputs typed from the node's inputs, and the
 * node's schema `infer` (if.ts, loop.ts, scan.ts) then reads the body outputs' inferred types in place of the
 * declared ones (exporters often declare none, or only symbolic dims). So an If whose branches both produce
 * float32[1,1] has a float32[1,1] output, and what follows it can be planned.
 * An If whose condition is a known constant (the feeds' shapes decide it, as in `if x.shape[1] == 1`) is
 * replaced by its taken branch's nodes when the caller asks (`inlineIfs`): they run in the enclosing graph, so
 * nothing of the branch stays behind a control-flow node.
 */
import type { Dim, Graph, Node, TensorType, ValueInfo } from '../../ir/graph';
import { mapSubgraphs, outerReads, renameCaptures } from '../../ir/subgraphs';
import { normalizeAxis } from '../../ir/axis';
import { storeOf } from '../../backends/interp/util/copy';
import type { ValueFact } from './infer-values';

/** Infers a body: `inputs` types its graph inputs; everything the enclosing scopes know is visible. */
export type InferBody = (g: Graph, inputs: ReadonlyMap<string, ValueFact>) => { facts: Map<string, ValueFact>; remaining: Node[]; inlined: InlinedIf[] };

/** An If replaced by its taken branch (for --explain). */
export interface InlinedIf {
  node: string;
  branch: 'then_branch' | 'else_branch';
}

/** Names a graph defines at its own level: inputs, initializers, node outputs. */
export function definedNames(g: Graph): string[] {
  return [...g.inputs.map((i) => i.name), ...g.initializers.keys(), ...g.nodes.flatMap((n) => n.outputs.filter((o) => o !== ''))];
}

/** A copy of `g` whose outputs are typed from `facts` where they know a dtype (the declared shape fills in what they do not). */
function typedOutputs(g: Graph, facts: ReadonlyMap<string, ValueFact>): Graph {
  const outputs = g.outputs.map((o): ValueInfo => {
    const f = facts.get(o.name);
    if (!f?.dtype) return o;
    const declared = o.type?.kind === 'tensor' ? (o.type as TensorType).shape : undefined;
    return { ...o, type: { kind: 'tensor', dtype: f.dtype, shape: f.shape ? [...f.shape] : declared } };
  });
  return { ...g, outputs };
}

const tensorFact = (f: ValueFact | undefined): ValueFact => ({ dtype: f?.dtype, shape: f?.shape });

/** The dims two shapes agree on ('?' where they differ); undefined when the ranks differ. */
function mergeShapes(a: Dim[] | undefined, b: Dim[] | undefined): Dim[] | undefined {
  if (!a || !b || a.length !== b.length) return undefined;
  return a.map((d, i) => (d === b[i] ? d : '?'));
}

const sameDims = (a: Dim[] | undefined, b: Dim[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((d, i) => d === b[i]));

/**
 * Loop: the body sees iter_num int64[], cond bool[] and each carried value as it enters (no constant value: it
 * changes every iteration). A carried value whose shape the body changes is inferred again with the dims both
 * agree on, until the shapes stop changing, so every iteration's facts hold.
 */
function loopBody(node: Node, inputs: (ValueFact | undefined)[], body: Graph, inferBody: InferBody): Graph {
  const carried = body.inputs.slice(2).map((_, k) => tensorFact(inputs[2 + k]));
  for (let round = 0; round < 4; round++) {
    const typed = new Map<string, ValueFact>();
    const [iter, cond] = body.inputs;
    if (iter) typed.set(iter.name, { dtype: 'int64', shape: [] });
    if (cond) typed.set(cond.name, { dtype: 'bool', shape: [] });
    body.inputs.slice(2).forEach((inp, k) => carried[k]?.dtype && typed.set(inp.name, carried[k]!));
    const { facts } = inferBody(body, typed);
    let changed = false;
    carried.forEach((c, k) => {
      const out = facts.get(body.outputs[1 + k]?.name ?? '');
      if (sameDims(c.shape, out?.shape) || round === 3) return;
      carried[k] = { dtype: c.dtype, shape: mergeShapes(c.shape, out?.shape) };
      changed = true;
    });
    if (!changed || round === 3) return typedOutputs(body, facts);
  }
  return body;
}

/** Scan (opset ≥ 9): states as they enter, each scan input without its scan axis. */
function scanBody(node: Node, opset: number, inputs: (ValueFact | undefined)[], body: Graph, inferBody: InferBody, attr: <T>(name: string) => T): Graph {
  if (opset < 9) return body;
  const scans = attr<number>('num_scan_inputs');
  const states = inputs.length - scans;
  const axes = attr<number[] | undefined>('scan_input_axes') ?? [];
  const typed = new Map<string, ValueFact>();
  body.inputs.forEach((inp, i) => {
    const f = inputs[i];
    if (!f?.dtype) return;
    if (i < states) return typed.set(inp.name, tensorFact(f));
    if (!f.shape) return typed.set(inp.name, { dtype: f.dtype });
    const axis = normalizeAxis(axes[i - states] ?? 0, f.shape.length, node, 'scan_input_axes entry');
    typed.set(inp.name, { dtype: f.dtype, shape: f.shape.filter((_, d) => d !== axis) });
  });
  return typedOutputs(body, inferBody(body, typed).facts);
}

/**
 * The node's body attributes with their outputs typed by inference, for its schema's `infer` to read
 * (attribute name → graph). An If's two branches are inferred alike: which one runs is not known here.
 */
export function typedBodies(node: Node, opset: number, inputs: (ValueFact | undefined)[], inferBody: InferBody, attr: <T>(name: string) => T): Map<string, Graph> {
  const out = new Map<string, Graph>();
  if (node.domain !== '') return out;
  if (node.op === 'If') {
    for (const name of ['then_branch', 'else_branch']) {
      const g = attr<Graph>(name);
      out.set(name, typedOutputs(g, inferBody(g, new Map()).facts));
    }
  } else if (node.op === 'Loop') out.set('body', loopBody(node, inputs, attr<Graph>('body'), inferBody));
  else if (node.op === 'Scan') out.set('body', scanBody(node, opset, inputs, attr<Graph>('body'), inferBody, attr));
  return out;
}

/** Which branch an If takes when its condition is a known one-element constant. */
export function constantBranch(node: Node, inputs: (ValueFact | undefined)[]): 'then_branch' | 'else_branch' | undefined {
  const cond = inputs[0]?.value;
  if (node.op !== 'If' || node.domain !== '' || !cond || cond.size !== 1) return undefined;
  return storeOf(cond.data)[0] ? 'then_branch' : 'else_branch';
}

/**
 * The taken branch of an If as nodes of the enclosing graph: the branch is inferred with the enclosing facts,
 * its facts join them, and the node producing each branch output is renamed to produce the If's output instead
 * (an Identity stands in when the output is an outer value or is returned twice; a folded output is a fact with
 * its value and no node). Undefined when a name the branch defines is already used around it (ONNX lets
 * separate bodies reuse names): the If then stays.
 */
export function inlineBranch(
  node: Node, branch: Graph, facts: Map<string, ValueFact>, taken: Set<string>, inferBody: InferBody,
): { nodes: Node[]; inlined: InlinedIf[] } | undefined {
  const own = definedNames(branch);
  if (own.some((n) => taken.has(n)) || branch.outputs.length !== node.outputs.length) return undefined;
  const inferred = inferBody(branch, new Map());
  for (const [name, f] of inferred.facts) if (!facts.has(name)) facts.set(name, f);
  for (const name of inferred.facts.keys()) taken.add(name);
  const producedBy = new Map<string, number>();
  inferred.remaining.forEach((n, i) => n.outputs.forEach((o) => o && producedBy.set(o, i)));
  const rename = new Map<string, string>();
  const extra: Node[] = [];
  branch.outputs.forEach((b, i) => {
    const o = node.outputs[i]!;
    if (!o) return;
    const f = inferred.facts.get(b.name);
    facts.set(o, f ? { ...f } : {});
    if (f?.value && !producedBy.has(b.name)) return;
    if (producedBy.has(b.name) && !rename.has(b.name)) rename.set(b.name, o);
    else extra.push({ name: `${node.name}/${o}`, op: 'Identity', domain: '', inputs: [rename.get(b.name) ?? b.name], outputs: [o], attributes: {} });
  });
  const map = (n: string) => rename.get(n) ?? n;
  const nodes = inferred.remaining.map((n) => {
    const renamed = { ...n, inputs: n.inputs.map(map), outputs: n.outputs.map(map) };
    return mapSubgraphs(renamed, (s) => ([...outerReads(s)].some((r) => rename.has(r)) ? renameCaptures(s, rename) : s));
  });
  const branchName = node.attributes.then_branch?.value === branch ? 'then_branch' : 'else_branch';
  return { nodes: [...nodes, ...extra], inlined: [...inferred.inlined, { node: node.name, branch: branchName }] };
}
