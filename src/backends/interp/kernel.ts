import type { Graph, Node } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';
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

/** One interp kernel file's default export: the op it implements and the kernel. */
export interface KernelDef {
  op: string;
  /** '' for the default ONNX domain. */
  domain: string;
  run: Kernel;
}

/**
 * Defines the interp kernel of one op. Pure: the kernel file exports the result as its default, and
 * kernel-registry.ts collects every default export through the generated list in kernels/index.ts.
 */
export function defineKernel(op: string, run: Kernel, domain = ''): KernelDef {
  return { op, domain, run };
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
    throw nodeError(ctx.node, 'E_INPUT', `input ${i} must be a tensor`);
  }
  return v;
}

/** An optional tensor input (undefined when omitted or empty-named). */
export function optionalInput(inputs: (Value | undefined)[], i: number): Tensor | undefined {
  const v = inputs[i];
  if (v === undefined || v === null || Array.isArray(v)) return undefined;
  return v;
}
