/**
 * The one shape and constant inference engine. It walks the top-level nodes in file order (ONNX requires
 * topological order) and, for each, either
 *   - folds it (`fold`): Shape/Size of a static shape give its dims; a deterministic node whose inputs are all
 *     constants is evaluated with its interp kernel, and its outputs become constants; or
 *   - infers its outputs' dtype and shape with the op schema's `infer`.
 * The optimization passes use it best effort (value-facts.ts, fold-constants.ts): what cannot be known is
 * left unknown and the runtime reports it in context. The planner (src/plan/static-shapes.ts) uses it
 * `strict`: every value must come out static, and anything else is an E_PLAN error naming the node.
 */
import { makeContext } from '../../backends/interp/kernel';
import { getKernel } from '../../backends/interp/kernel-registry';
import { HoduError } from '../../errors';
import type { DType } from '../../ir/dtype';
import { feedInputs, opsetFor, type Dim, type Graph, type Model, type Node } from '../../ir/graph';
import { hasSubgraph } from '../../ir/subgraphs';
import { Tensor } from '../../ir/tensor';
import { readAttr } from '../../ops/attrs';
import { getOpSchema } from '../../ops/registry';
import type { InferInput } from '../../ops/schema';
import { shapeOrSizeValue } from '../../ops/shape';
import { constantValue, isDefaultDomain } from './graph-queries';
import { nodeLabel } from '../../ir/node-label';
import { opId } from '../../ir/op-id';
import { constantBranch, definedNames, inlineBranch, typedBodies, type InferBody, type InlinedIf } from './body-facts';

export interface ValueFact {
  dtype?: DType;
  shape?: Dim[];
  /** Present when the value is a constant (initializer or folded). */
  value?: Tensor;
}

interface InferOptions {
  /** Evaluate what does not depend on the feeds (see above). Off: only types and shapes are inferred. */
  fold?: boolean;
  /** Largest folded result kept as a constant; a larger one stays a node (folding would bloat the model). */
  maxFoldElements?: number;
  /**
   * Planner mode: the feeds are the graph inputs that are not initializers, with the shapes in `inputShapes`
   * or their declared static ones; every initializer is a constant (the plan bakes it in); every value must
   * come out with a static dtype and shape, and control flow, unknown ops and failed folds are E_PLAN errors.
   */
  strict?: boolean;
  inputShapes?: ReadonlyMap<string, readonly number[]>;
  /**
   * Replace an If whose condition folds to a constant by its taken branch's nodes (body-facts.ts), in
   * `remaining` (needs `fold`). For callers that run `remaining` with `facts`' constants (partitioning): the
   * branch's folded values are facts, not initializers of the model.
   */
  inlineIfs?: boolean;
}

export interface Inference {
  facts: Map<string, ValueFact>;
  /** The nodes that still have to run (all but the folded ones), in order. */
  remaining: Node[];
  /** The Ifs replaced by their taken branch (inlineIfs), nested ones included. */
  inlined: InlinedIf[];
}

// Folding these would bake one sample of their randomness into the model.
const NONDETERMINISTIC = new Set(['RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Bernoulli', 'Multinomial']);

const where = nodeLabel;

export function inferValues(model: Model, options: InferOptions = {}): Inference {
  const facts = options.strict ? feedFacts(model, options.inputShapes ?? new Map()) : declaredFacts(model);
  return inferGraph(model, model.graph.nodes, facts, new Set(definedNames(model.graph)), options);
}

/**
 * Infers `nodes` into `facts`. `taken`: every name defined around them (enclosing scopes included), so an
 * inlined branch never defines a name twice.
 */
function inferGraph(model: Model, nodes: readonly Node[], facts: Map<string, ValueFact>, taken: Set<string>, options: InferOptions): Inference {
  const strict = options.strict ?? false;
  const remaining: Node[] = [];
  const inlined: InlinedIf[] = [];
  // A body sees the facts around it (a copy: its own names stay its own) and its inputs as given.
  const inferBody: InferBody = (g, inputs) => {
    const scope = new Map(facts);
    for (const v of g.valueInfo) if (v.type?.kind === 'tensor') scope.set(v.name, { dtype: v.type.dtype, shape: v.type.shape });
    for (const [name, t] of g.initializers) scope.set(name, { dtype: t.dtype, shape: [...t.dims], value: constantValue(g, name) });
    for (const i of g.inputs) if (!inputs.has(i.name) && i.type?.kind === 'tensor') scope.set(i.name, { dtype: i.type.dtype, shape: i.type.shape });
    for (const [name, f] of inputs) scope.set(name, f);
    return inferGraph(model, g.nodes, scope, new Set([...taken, ...definedNames(g)]), { ...options, strict: false });
  };
  for (const node of nodes) {
    if (strict && hasSubgraph(node)) {
      throw new HoduError('E_PLAN', `${where(node)} has a subgraph (control flow); native backends run flat graphs only`);
    }
    const opset = opsetFor(model, node.domain) ?? 1;
    const inputs = node.inputs.map((name): ValueFact | undefined => {
      if (name === '') return undefined;
      const f = facts.get(name);
      if (!f && strict) throw new HoduError('E_PLAN', `${where(node)} reads '${name}', which nothing defines before it`);
      return f ?? {};
    });
    const folded = options.fold ? fold(node, opset, inputs, strict, options.maxFoldElements ?? Infinity) : undefined;
    if (folded) {
      node.outputs.forEach((name, i) => name && facts.set(name, { dtype: folded[i]!.dtype, shape: [...folded[i]!.dims], value: folded[i] }));
      continue;
    }
    const branch = options.fold && options.inlineIfs ? constantBranch(node, inputs) : undefined;
    const inline = branch && inlineBranch(node, node.attributes[branch]!.value as Graph, facts, taken, inferBody);
    if (inline) {
      for (const n of inline.nodes) remaining.push(n);
      for (const i of inline.inlined) inlined.push(i);
      continue;
    }
    infer(node, opset, inputs, strict, hasSubgraph(node) ? inferBody : undefined).forEach((o, i) => {
      const name = node.outputs[i];
      if (!name || !o) return;
      const known = facts.get(name);
      facts.set(name, { dtype: o.dtype ?? known?.dtype, shape: o.shape ?? known?.shape });
    });
    remaining.push(node);
  }
  return { facts, remaining, inlined };
}

/** Best effort: the declared input/value_info types, then the initializers (constant when no feed may replace them). */
function declaredFacts(model: Model): Map<string, ValueFact> {
  const g = model.graph;
  const facts = new Map<string, ValueFact>();
  for (const v of [...g.inputs, ...g.valueInfo]) {
    if (v.type?.kind === 'tensor') facts.set(v.name, { dtype: v.type.dtype, shape: v.type.shape });
  }
  for (const [name, t] of g.initializers) facts.set(name, { dtype: t.dtype, shape: [...t.dims], value: constantValue(g, name) });
  return facts;
}

/** Strict: every initializer is a constant, and each feed has a static shape (given, or declared). */
function feedFacts(model: Model, inputShapes: ReadonlyMap<string, readonly number[]>): Map<string, ValueFact> {
  const facts = new Map<string, ValueFact>();
  for (const [name, t] of model.graph.initializers) facts.set(name, { dtype: t.dtype, shape: [...t.dims], value: t });
  for (const input of feedInputs(model.graph)) {
    const type = input.type;
    if (type?.kind !== 'tensor') {
      throw new HoduError('E_PLAN', `graph input '${input.name}' is not a tensor (${type?.kind ?? 'unknown type'}); native backends take tensors only`);
    }
    const declared = type.shape;
    const given = inputShapes.get(input.name);
    const dims = given ? [...given] : declared;
    if (!dims || dims.some((d) => typeof d !== 'number' || d < 0)) {
      throw new HoduError('E_PLAN', `graph input '${input.name}' has no static shape (declared [${declared?.join(',') ?? '*'}])`, {
        hint: 'pass the concrete input shape (e.g. --shape name=1,3,224,224) so the model can be planned',
      });
    }
    if (given && declared && (declared.length !== given.length || declared.some((d, i) => typeof d === 'number' && d !== given[i]))) {
      throw new HoduError('E_PLAN', `graph input '${input.name}': shape [${given.join(',')}] does not match the declared [${declared.join(',')}]`);
    }
    facts.set(input.name, { dtype: type.dtype, shape: dims });
  }
  return facts;
}

/** The node's outputs when it does not depend on the feeds, else undefined. Strict: a failed fold throws. */
function fold(node: Node, opset: number, inputs: (ValueFact | undefined)[], strict: boolean, maxElements: number): Tensor[] | undefined {
  const dims = staticShape(inputs[0]);
  const shape = dims && shapeOrSizeValue(node, opset, dims);
  if (shape) return [shape];
  if (!inputs.every((f) => f === undefined || f.value) || !isDeterministic(node, inputs) || hasSubgraph(node)) return undefined;
  const kernel = getKernel(node.op, node.domain);
  if (!kernel) return undefined;
  let out;
  try {
    out = kernel(inputs.map((f) => f?.value), makeContext(node, opset, () => []));
  } catch (e) {
    if (!strict) return undefined; // the runtime reports it in context
    if (e instanceof HoduError) throw e;
    throw new HoduError('E_PLAN', `${where(node)}: constant folding failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const tensors = node.outputs.map((_, i) => out[i]);
  for (const [i, t] of tensors.entries()) {
    if (!node.outputs[i] || (t instanceof Tensor && t.size <= maxElements)) continue;
    if (strict && !(t instanceof Tensor)) throw new HoduError('E_PLAN', `${where(node)} folds to a sequence or optional; native backends take tensors only`);
    return undefined;
  }
  return tensors as Tensor[];
}

function isDeterministic(node: Node, inputs: (ValueFact | undefined)[]): boolean {
  if (NONDETERMINISTIC.has(node.op)) return false;
  if (node.op !== 'Dropout' || !isDefaultDomain(node)) return true;
  // Dropout drops only in training: opset ≥ 12 input 2 (training_mode), opset < 7 attribute is_test = 0.
  if (node.attributes.is_test?.type === 'int' && node.attributes.is_test.value === 0) return false;
  const mode = inputs[2]?.value;
  return !node.inputs[2] || (mode !== undefined && mode.size === 1 && !Number(mode.data[0]));
}

function infer(node: Node, opset: number, inputs: (ValueFact | undefined)[], strict: boolean, inferBody?: InferBody): (ValueFact | undefined)[] {
  const schema = getOpSchema(node.op, node.domain);
  if (!schema?.infer) {
    if (!strict) return [];
    throw new HoduError('E_PLAN', `${where(node)}: op ${opId(node.domain, node.op)} has no shape inference, so it cannot be planned for a native backend`);
  }
  const attr = <T>(name: string) => readAttr<T>(node, schema, name);
  const ctx = { node, opset, inputs: inputs as (InferInput | undefined)[], attr };
  if (!strict) {
    try {
      // Control flow: the schema reads its bodies' outputs as inferred here rather than as declared.
      const bodies = inferBody ? typedBodies(node, opset, inputs, inferBody, attr) : undefined;
      if (bodies?.size) return schema.infer({ ...ctx, attr: <T>(name: string) => (bodies.get(name) as T | undefined) ?? attr<T>(name) });
      return schema.infer(ctx);
    } catch {
      return []; // an op inference rejects is left for the runtime to report
    }
  }
  const outs = schema.infer(ctx);
  node.outputs.forEach((name, i) => {
    const o = outs[i];
    if (name && (!o?.dtype || !staticShape(o))) {
      throw new HoduError('E_PLAN', `${where(node)}: output '${name}' has no static shape (inferred ${o?.dtype ?? '?'}[${o?.shape?.join(',') ?? '*'}])`, {
        hint: 'native backends need every shape known before running; check the input shapes, or use --backend interp',
      });
    }
  });
  return outs;
}

/** The shape when every dim is a known number. */
function staticShape(f: Pick<ValueFact, 'shape'> | undefined): number[] | undefined {
  if (!f?.shape || f.shape.some((d) => typeof d !== 'number' || d < 0)) return undefined;
  return f.shape as number[];
}
