/**
 * What an opset upgrade rule is and the helpers rules share. A rule rewrites one node of one op at the opset
 * where ONNX changed that op (`at`), from the form the op had at `at - 1` to its form at `at`: attribute →
 * input moves, renames, explicit attributes where a default changed. A rule that cannot keep the meaning
 * throws (ctx.refuse) naming the node: nothing is ever converted by guess.
 */
import type { DType } from '../../ir/dtype';
import type { Attribute, Graph, Node } from '../../ir/graph';
import { int64Tensor, type Tensor } from '../../ir/tensor';

export interface RuleContext {
  /** The graph the node lives in (the main graph or an If/Loop/Scan body). */
  graph: Graph;
  /** A value or node name not used anywhere in the model yet. */
  fresh(base: string): string;
  /** Adds `t` as an initializer of the node's graph under a fresh name based on `base`; returns the name. */
  constant(base: string, t: Tensor): string;
  /** What shape inference on the original model knows (undefined: unknown). */
  dtypeOf(value: string): DType | undefined;
  rankOf(value: string): number | undefined;
  /** The value of an initializer of the node's graph, or of the main graph. */
  constantOf(value: string): Tensor | undefined;
  /** Throws E_CONVERT_OPSET naming the node. */
  refuse(node: Node, why: string, hint?: string): never;
}

export interface UpgradeRule {
  /** Op type in the default domain; '*' applies to every op. */
  op: string;
  /** The opset whose form of the op the rule produces. */
  at: number;
  /** The nodes that replace `node` (usually `[node]` after editing it in place). */
  apply(node: Node, ctx: RuleContext): Node[];
}

/** A rule that only refuses: ONNX changed the op at `at` in a way that has no mechanical rewrite. */
export function refuseAt(op: string, at: number, why: string): UpgradeRule {
  return { op, at, apply: (node, ctx) => ctx.refuse(node, `${why} (changed at opset ${at})`) };
}

/** Removes an attribute from the node and returns it. */
export function takeAttr(node: Node, name: string): Attribute | undefined {
  const a = node.attributes[name];
  delete node.attributes[name];
  return a;
}

/** Puts `value` at input `index`, padding skipped optional inputs with ''. */
export function setInput(node: Node, index: number, value: string): void {
  while (node.inputs.length < index) node.inputs.push('');
  node.inputs[index] = value;
}

/**
 * The common move of opsets 5/10/11/13/18: an ints attribute becomes an int64 1-D input. An absent attribute
 * leaves the optional input absent, which has the same meaning by the ONNX spec (e.g. "reduce all axes").
 */
export function intsAttrToInput(node: Node, ctx: RuleContext, attr: string, index: number): void {
  const a = takeAttr(node, attr);
  if (!a) return;
  if (a.type !== 'ints' && a.type !== 'int') throw ctx.refuse(node, `attribute '${attr}' is ${a.type}, expected ints`);
  const values = a.type === 'ints' ? a.value : [a.value];
  setInput(node, index, ctx.constant(`${node.name || node.op}_${attr}`, int64Tensor(values)));
}

/** An int attribute with its default. */
export function intAttr(node: Node, name: string, fallback: number): number {
  const a = node.attributes[name];
  return a?.type === 'int' ? a.value : fallback;
}

export function stringAttr(node: Node, name: string, fallback: string): string {
  const a = node.attributes[name];
  return a?.type === 'string' ? a.value : fallback;
}

/** A new default-domain node with a fresh name and output. */
export function newNode(ctx: RuleContext, op: string, inputs: string[], attributes: Record<string, Attribute> = {}, base = op.toLowerCase()): Node {
  return { name: ctx.fresh(base), op, domain: '', inputs, outputs: [ctx.fresh(`${base}_out`)], attributes };
}
