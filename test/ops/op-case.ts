/**
 * Op tests are data: each file in test/ops/cases/ exports `cases: OpCase[]`. test/ops/ops.test.ts runs every
 * case on every registered backend (today: interp) as a one-node model through the real executor.
 * Expected values are hand-derived from the ONNX spec / numpy semantics, never copied from hodu's output.
 */
import type { DType } from '../../src/ir/dtype';
import type { Attribute, Graph } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';

export interface TensorSpec {
  dtype: DType;
  dims: number[];
  /** Row-major values. bool as 0/1 or booleans, int64 as numbers or bigints, float16 as float values. */
  data: (number | bigint | boolean | string)[];
}

export interface OpCase {
  name: string;
  op: string;
  domain?: string;
  /** Opset of the one-node model (default 17). */
  opset?: number;
  attrs?: Record<string, Attribute>;
  /** One per node input; `null` for an omitted optional input; an array for a sequence value. */
  inputs: (TensorSpec | TensorSpec[] | null)[];
  /** Expected outputs, in order (an array for a sequence output); omit when `throws` is set. */
  outputs?: (TensorSpec | TensorSpec[])[];
  /** Expect the run to fail with a HoduError of this code. */
  throws?: string;
  /** Default rtol 1e-5, atol 1e-6 for float outputs; exact for others. */
  rtol?: number;
  atol?: number;
  /** Inputs that are fed as initializers instead of graph inputs (e.g. a shape). Indexes into inputs. */
  constInputs?: number[];
}

/** Attribute constructors, so case files read like the ONNX spec. */
export const attr = {
  int: (value: number): Attribute => ({ type: 'int', value }),
  float: (value: number): Attribute => ({ type: 'float', value }),
  string: (value: string): Attribute => ({ type: 'string', value }),
  ints: (value: number[]): Attribute => ({ type: 'ints', value }),
  floats: (value: number[]): Attribute => ({ type: 'floats', value }),
  strings: (value: string[]): Attribute => ({ type: 'strings', value }),
  tensor: (value: Tensor): Attribute => ({ type: 'tensor', value }),
  graph: (value: Graph): Attribute => ({ type: 'graph', value }),
};

/** Shorthand for a TensorSpec. */
export function t(dtype: DType, dims: number[], data: TensorSpec['data']): TensorSpec {
  return { dtype, dims, data };
}
