import type { DType } from '../ir/dtype';
import type { AttributeType, Dim, Node } from '../ir/graph';
import type { Tensor } from '../ir/tensor';

export interface AttrSpec {
  /** The attribute's type; a list when it changed across opsets (e.g. LpPool `p`: float at 1, int from 2). */
  type: AttributeType | AttributeType[];
  /** Default used when the node omits the attribute (absent: required or no default). */
  default?: unknown;
  required?: boolean;
}

export interface IOSpec {
  name: string;
  /**
   * Its ONNX type: the name of a type constraint in the schema's `types` ('T'), or a fixed dtype ('int64').
   * A sequence or optional value is typed by its element dtype.
   */
  type: string;
  optional?: boolean;
  /** Last input/output may be variadic (e.g. Concat inputs). */
  variadic?: boolean;
}

/** What shape inference knows about one input. */
export interface InferInput {
  dtype?: DType;
  /** undefined: rank unknown. */
  shape?: Dim[];
  /** The value, when it is a constant (initializer or folded), so e.g. Reshape can infer its output. */
  value?: Tensor;
}

export interface InferContext {
  node: Node;
  opset: number;
  /** One entry per node input; `undefined` for an omitted optional input. */
  inputs: (InferInput | undefined)[];
  /** Attribute value with the schema default applied. */
  attr<T = unknown>(name: string): T;
}

export interface InferOutput {
  dtype?: DType;
  shape?: Dim[];
}

/** An op's version history and type constraints, as helpers that define families of ops (Reduce*, …) take them. */
export type OpFacts = Pick<OpSchema, 'versions' | 'types'>;

/**
 * The schema of one ONNX op: its signature, attributes, the opset range hodu implements, and
 * shape/dtype inference. No backend code here (see src/backends/<name>/kernels/).
 */
export interface OpSchema {
  op: string;
  /** '' for the default ONNX domain. */
  domain: string;
  /** Lowest opset version whose semantics hodu implements. */
  sinceVersion: number;
  /**
   * Highest opset version in which the op exists, set only for ops ONNX deprecated (Upsample, Scatter). Otherwise
   * the op is supported up to the newest opset of its domain that hodu reads (see `opsetRange`).
   */
  untilVersion?: number;
  /** The opset versions, from `sinceVersion` on, in which ONNX changed the op (its version history). */
  versions: number[];
  /**
   * ONNX type constraints, restricted to the dtypes the interp kernel handles: name → dtypes (ONNX's
   * `T: tensor(float16), tensor(float), tensor(double)` is `T: ['float32', 'float64', 'float16']`).
   */
  types: Record<string, readonly DType[]>;
  inputs: IOSpec[];
  outputs: IOSpec[];
  attributes: Record<string, AttrSpec>;
  /** Output types; may return fewer/unknown dims. Absent: outputs unknown. */
  infer?(ctx: InferContext): InferOutput[];
  doc?: string;
}

/**
 * Defines an op schema (domain '' unless given). Pure: the op file exports the result as its default, and
 * the registry (registry.ts) collects every default export through the generated list in index.ts.
 */
export function defineOp(schema: Omit<OpSchema, 'domain'> & { domain?: string }): OpSchema {
  return { domain: '', ...schema };
}
