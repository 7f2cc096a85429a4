import { HoduError } from '../../errors';
import type { Graph, Node } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import { readAttr } from '../../ops/attrs';
import { getOpSchema } from '../../ops/registry';
import type { OpSchema } from '../../ops/schema';

/** A runtime value: a tensor, a sequence of tensors, or an absent optional. */
export type Value = Tensor | Tensor[] | null;

export interface KernelContext {
  node: Node;
  schema: OpSchema | undefined;
  /** Opset version of the node's domain in the model being run. */
  opset: number;
  /** Attribute value with the schema default applied. */
  attr<T = unknown>(name: string): T;
  /** Runs a subgraph (If/Loop/Scan body) with the given inputs; outer-scope values are visible. */
  runSubgraph(graph: Graph, inputs: Value[]): Value[];
}

/**
 * An interp kernel: takes the node's inputs (`undefined` for omitted optional ones) and returns its outputs
 * in order. Kernels are synchronous, pure functions of their inputs: they never mutate an input's storage.
 */
export type Kernel = (inputs: (Value | undefined)[], ctx: KernelContext) => Value[];

const kernels = new Map<string, Kernel>();

function key(domain: string, op: string): string {
  return `${domain === 'ai.onnx' ? '' : domain}::${op}`;
}

export function registerKernel(op: string, kernel: Kernel, domain = ''): Kernel {
  const k = key(domain, op);
  if (kernels.has(k)) throw new HoduError('E_INTERNAL', `interp kernel ${op} registered twice`);
  kernels.set(k, kernel);
  return kernel;
}

export function getKernel(op: string, domain = ''): Kernel | undefined {
  return kernels.get(key(domain, op));
}

export function kernelOps(): string[] {
  return [...kernels.keys()].map((k) => k.split('::')[1]!).sort();
}

/** Builds the context for one node (the executor supplies runSubgraph). */
export function makeContext(node: Node, opset: number, runSubgraph: KernelContext['runSubgraph']): KernelContext {
  const schema = getOpSchema(node.op, node.domain);
  return { node, schema, opset, attr: (name) => readAttr(node, schema, name), runSubgraph };
}

/** Narrows a kernel input to a tensor, with an error that names the node. */
export function tensorInput(inputs: (Value | undefined)[], i: number, ctx: KernelContext): Tensor {
  const v = inputs[i];
  if (v === undefined || v === null || Array.isArray(v)) {
    throw new HoduError('E_INPUT', `${ctx.node.op} node '${ctx.node.name}': input ${i} must be a tensor`);
  }
  return v;
}

/** An optional tensor input (undefined when omitted or empty-named). */
export function optionalInput(inputs: (Value | undefined)[], i: number): Tensor | undefined {
  const v = inputs[i];
  if (v === undefined || v === null || Array.isArray(v)) return undefined;
  return v;
}
