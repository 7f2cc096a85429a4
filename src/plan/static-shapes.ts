/**
 * Static shape inference with constant folding, the first half of planning. Walks the nodes in file order
 * (ONNX requires topological order): a node whose inputs are all constants is evaluated with the interp
 * kernel and becomes a constant itself; Shape/Size of a tensor with a static shape fold without its data;
 * every other node gets its output types from the op schema's `infer`, which must come out fully static.
 */
import { makeContext, type Value } from '../backends/interp/kernel';
import { getKernel } from '../backends/interp/kernel-registry';
import { HoduError } from '../errors';
import type { DType } from '../ir/dtype';
import { feedInputs, opsetFor, type Model, type Node } from '../ir/graph';
import { hasSubgraph } from '../ir/subgraphs';
import { Tensor } from '../ir/tensor';
import { readAttr } from '../ops/attrs';
import { getOpSchema } from '../ops/registry';
import type { InferInput } from '../ops/schema';
import { shapeOrSizeValue } from '../ops/shape';

export interface StaticValue {
  dtype: DType;
  dims: number[];
  /** Present when the value is a constant (initializer or folded). */
  value?: Tensor;
}

/** A node that survives folding and must run on the backend. */
export interface PlannedNode {
  node: Node;
  opset: number;
}

export interface StaticGraph {
  values: Map<string, StaticValue>;
  nodes: PlannedNode[];
}

const where = (n: Node) => `${n.op} node '${n.name}'`;

function inputValues(model: Model, inputShapes: ReadonlyMap<string, readonly number[]>): Map<string, StaticValue> {
  const values = new Map<string, StaticValue>();
  for (const [name, t] of model.graph.initializers) values.set(name, { dtype: t.dtype, dims: [...t.dims], value: t });
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
    values.set(input.name, { dtype: type.dtype, dims: dims as number[] });
  }
  return values;
}

function foldShapeOf(node: Node, x: StaticValue, opset: number): Tensor | undefined {
  return shapeOrSizeValue(node, opset, x.dims);
}

function evaluate(node: Node, opset: number, inputs: (StaticValue | undefined)[]): Tensor[] | undefined {
  const kernel = getKernel(node.op, node.domain);
  if (!kernel) return undefined;
  const ctx = makeContext(node, opset, () => {
    throw new HoduError('E_PLAN', `${where(node)}: subgraphs cannot be folded`);
  });
  let out: Value[];
  try {
    out = kernel(inputs.map((v) => v?.value), ctx);
  } catch (e) {
    if (e instanceof HoduError) throw e;
    throw new HoduError('E_PLAN', `${where(node)}: constant folding failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return out.map((v) => {
    if (!(v instanceof Tensor)) throw new HoduError('E_PLAN', `${where(node)} folds to a sequence or optional; native backends take tensors only`);
    return v;
  });
}

function infer(node: Node, opset: number, inputs: (StaticValue | undefined)[]): StaticValue[] {
  const schema = getOpSchema(node.op, node.domain);
  if (!schema?.infer) {
    throw new HoduError('E_PLAN', `${where(node)}: op ${node.domain ? node.domain + '.' : ''}${node.op} has no shape inference, so it cannot be planned for a native backend`);
  }
  const inferInputs: (InferInput | undefined)[] = inputs.map((v) => v && { dtype: v.dtype, shape: v.dims, value: v.value });
  const outs = schema.infer({ node, opset, inputs: inferInputs, attr: (name) => readAttr(node, schema, name) });
  return node.outputs.map((name, i) => {
    const o = outs[i];
    if (name === '') return { dtype: o?.dtype ?? 'float32', dims: [] };
    if (!o?.dtype || !o.shape || o.shape.some((d) => typeof d !== 'number')) {
      throw new HoduError('E_PLAN', `${where(node)}: output '${name}' has no static shape (inferred ${o?.dtype ?? '?'}[${o?.shape?.join(',') ?? '*'}])`, {
        hint: 'native backends need every shape known before running; check the input shapes, or use --backend interp',
      });
    }
    return { dtype: o.dtype, dims: o.shape as number[] };
  });
}

/** Infers every value's static dtype and dims, folding constant subgraphs away. Throws HoduError('E_PLAN'). */
export function inferStaticGraph(model: Model, inputShapes: ReadonlyMap<string, readonly number[]>): StaticGraph {
  const values = inputValues(model, inputShapes);
  const nodes: PlannedNode[] = [];
  for (const node of model.graph.nodes) {
    if (hasSubgraph(node)) {
      throw new HoduError('E_PLAN', `${where(node)} has a subgraph (control flow); native backends run flat graphs only`, { hint: 'use --backend interp for this model' });
    }
    const opset = opsetFor(model, node.domain) ?? 1;
    const inputs = node.inputs.map((name) => {
      if (name === '') return undefined;
      const v = values.get(name);
      if (!v) throw new HoduError('E_PLAN', `${where(node)} reads '${name}', which nothing defines before it`);
      return v;
    });
    const shapeOnly = inputs[0] && (node.op === 'Shape' || node.op === 'Size') && (node.domain === '' || node.domain === 'ai.onnx') ? foldShapeOf(node, inputs[0], opset) : undefined;
    const folded = shapeOnly ? [shapeOnly] : inputs.every((v) => v === undefined || v.value) ? evaluate(node, opset, inputs) : undefined;
    if (folded) {
      node.outputs.forEach((name, i) => {
        const t = folded[i];
        if (name && t) values.set(name, { dtype: t.dtype, dims: [...t.dims], value: t });
      });
      continue;
    }
    infer(node, opset, inputs).forEach((v, i) => {
      const name = node.outputs[i]!;
      if (name) values.set(name, v);
    });
    nodes.push({ node, opset });
  }
  return { values, nodes };
}
