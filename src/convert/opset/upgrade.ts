/**
 * `hodu convert M out.onnx --opset N`: raises the model's default-domain (ai.onnx) opset to N. Every node of
 * the default domain, inside If/Loop/Scan bodies too, goes through the rules of each opset it crosses, in order
 * (an Upsample becomes a Resize at 10 and then takes Resize's rule at 11). A change ONNX made to an op that no
 * rule rewrites mechanically is refused with the node named (E_CONVERT_OPSET); version bumps that only added
 * types, negative axes or attributes whose defaults keep the old meaning need no rule. Downgrades are refused.
 */
import { HoduError } from '../../errors';
import { opsetFor, type Graph, type Model, type Node } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';
import { subgraphsOf } from '../../ir/subgraphs';
import type { Tensor } from '../../ir/tensor';
import { NEWEST_OPSETS } from '../../ops/_opsets';
import { getOpSchema } from '../../ops/registry';
import { inferValues, type ValueFact } from '../../passes/analysis/infer-values';
import { rulesFor } from './rules';
import type { RuleContext } from './rule';

/** The lowest IR version whose readers know opset N (the ONNX versioning table); the IR version is raised to it. */
const MIN_IR_VERSION: Record<number, number> = { 9: 4, 10: 5, 11: 6, 12: 7, 13: 7, 14: 7, 15: 8, 16: 8, 17: 8, 18: 8, 19: 9, 20: 9, 21: 10 };

export interface OpsetUpgradeReport {
  from: number;
  to: number;
  /** Nodes a rule rewrote: name, op as it was, and the opsets whose rules changed it. */
  rewritten: { node: string; op: string; opsets: number[] }[];
  /** Nodes added (Flatten/Shape/Reshape around a Softmax) and constants added as initializers. */
  addedNodes: number;
  addedConstants: number;
}

/** Upgrades `model` in place (the caller loaded it for this) and returns what changed. */
export function upgradeOpset(model: Model, to: number): OpsetUpgradeReport {
  const from = opsetFor(model, '');
  const newest = NEWEST_OPSETS['']!;
  if (from === undefined) throw new HoduError('E_CONVERT_OPSET', 'the model imports no ai.onnx opset, so there is nothing to upgrade');
  if (to > newest) throw new HoduError('E_CONVERT_OPSET', `opset ${to} is newer than hodu knows (${newest})`, { hint: `use --opset ${newest} or lower` });
  if (to < from) {
    throw new HoduError('E_CONVERT_OPSET', `the model is at opset ${from}; downgrading to ${to} is not supported`, {
      hint: 'hodu only upgrades; re-export the model at the older opset',
    });
  }
  const report: OpsetUpgradeReport = { from, to, rewritten: [], addedNodes: 0, addedConstants: 0 };
  if (to === from) return report;
  const fn = model.functions.find((f) => f.opsetImports.some((o) => o.domain === '' && o.version !== to));
  if (fn) {
    throw new HoduError('E_CONVERT_OPSET', `model-local function '${fn.name}' imports ai.onnx at its own opset, which --opset does not rewrite`, {
      hint: 'inline the functions first (hodu convert in.onnx inlined.onnx -O0), then convert that with --opset',
    });
  }
  const facts = safeFacts(model);
  const used = new Set<string>();
  collectNames(model.graph, used);
  const upgradeGraph = (graph: Graph): void => {
    const ctx = contextFor(graph, model.graph, facts, used, report);
    const out: Node[] = [];
    for (const node of graph.nodes) {
      for (const body of subgraphsOf(node)) upgradeGraph(body);
      if (node.domain !== '') {
        out.push(node);
        continue;
      }
      const changed: number[] = [];
      let current = [node];
      if (!getOpSchema(node.op)) throw ctx.refuse(node, `hodu does not know the op ${node.op}, so it cannot tell whether opsets ${from + 1}-${to} changed it`);
      for (let v = from + 1; v <= to; v++) current = current.flatMap((n) => applyAt(n, v, ctx, changed));
      report.addedNodes += current.length - 1;
      if (changed.length) report.rewritten.push({ node: node.name, op: node.op, opsets: [...new Set(changed)] });
      for (const n of current) out.push(n);
    }
    graph.nodes = out;
  };
  upgradeGraph(model.graph);
  model.opsetImports = model.opsetImports.map((o) => (o.domain === '' ? { domain: '', version: to } : o));
  model.irVersion = Math.max(model.irVersion, MIN_IR_VERSION[to] ?? 3);
  return report;
}

/** The nodes `node` becomes at opset `v`. */
function applyAt(node: Node, v: number, ctx: RuleContext, changed: number[]): Node[] {
  const rules = rulesFor(node.op, v);
  const schema = getOpSchema(node.op);
  if (schema?.untilVersion !== undefined && v > schema.untilVersion && !rules.some((r) => r.op === node.op)) {
    ctx.refuse(node, `${node.op} was removed at opset ${v} and has no mechanical replacement`);
  }
  let nodes = [node];
  for (const rule of rules) {
    const before = JSON.stringify(describe(nodes));
    nodes = nodes.flatMap((n) => (n.op === rule.op || rule.op === '*' ? rule.apply(n, ctx) : [n]));
    if (JSON.stringify(describe(nodes)) !== before) changed.push(v);
  }
  return nodes;
}

/** What a rule can change, for telling whether it did (attributes by name and type: values are not rewritten in place). */
function describe(nodes: Node[]): unknown {
  return nodes.map((n) => [n.op, n.inputs, n.outputs, Object.entries(n.attributes).map(([k, a]) => [k, a.type, a.type === 'string' || a.type === 'int' ? a.value : 0])]);
}

function contextFor(graph: Graph, main: Graph, facts: Map<string, ValueFact>, used: Set<string>, report: OpsetUpgradeReport): RuleContext {
  const declared = new Map<string, ValueFact>();
  for (const v of [...graph.inputs, ...graph.valueInfo, ...graph.outputs]) if (v.type?.kind === 'tensor') declared.set(v.name, { dtype: v.type.dtype, shape: v.type.shape });
  for (const [name, t] of graph.initializers) declared.set(name, { dtype: t.dtype, shape: [...t.dims] });
  const fact = (v: string): ValueFact | undefined => facts.get(v) ?? declared.get(v);
  const constantNode = (v: string): Tensor | undefined => {
    const producer = graph.nodes.find((n) => n.op === 'Constant' && n.domain === '' && n.outputs[0] === v);
    const a = producer?.attributes.value;
    return a?.type === 'tensor' ? a.value : undefined;
  };
  const fresh = (base: string): string => {
    const clean = base.replace(/[^A-Za-z0-9_.:/-]/g, '_') || 'v';
    let name = clean;
    for (let i = 1; used.has(name); i++) name = `${clean}_${i}`;
    used.add(name);
    return name;
  };
  return {
    graph,
    fresh,
    constant(base, t) {
      const name = fresh(base);
      graph.initializers.set(name, t);
      report.addedConstants++;
      return name;
    },
    dtypeOf: (v) => fact(v)?.dtype,
    rankOf: (v) => fact(v)?.shape?.length,
    constantOf: (v) => graph.initializers.get(v) ?? main.initializers.get(v) ?? constantNode(v) ?? facts.get(v)?.value,
    refuse(node, why, hint) {
      throw nodeError(node, 'E_CONVERT_OPSET', `cannot be upgraded to opset ${report.to}: ${why}`, hint ?? 'convert to an opset before that change, or re-export the model at the newer opset');
    },
  };
}

/** Shape inference on the model as loaded (best effort: an op it cannot infer leaves its outputs unknown). */
function safeFacts(model: Model): Map<string, ValueFact> {
  try {
    return inferValues(model, { fold: true, maxFoldElements: 1 << 16 }).facts;
  } catch {
    return new Map();
  }
}

function collectNames(g: Graph, used: Set<string>): void {
  for (const v of [...g.inputs, ...g.outputs, ...g.valueInfo]) used.add(v.name);
  for (const name of g.initializers.keys()) used.add(name);
  for (const n of g.nodes) {
    used.add(n.name);
    for (const o of n.outputs) used.add(o);
    for (const body of subgraphsOf(n)) collectNames(body, used);
  }
}
