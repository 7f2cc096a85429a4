/** Types and layout constants of the DispatchManifest (see manifest.ts and docs/dispatch-manifest.md). */
import type { DType } from '../ir/dtype';

export type TensorRole = 'input' | 'output' | 'weight' | 'intermediate';

export interface ManifestTensor {
  /** Index in the tensor table (steps refer to tensors by id). */
  id: number;
  name: string;
  dtype: DType;
  role: TensorRole;
  dims: number[];
  /**
   * Where the bytes are: intermediate → arena byte offset; weight → byte offset in the weights blob;
   * input → index into the run's input pointers; output → index into the run's output pointers.
   */
  offset: number;
  byteSize: number;
}

export interface ManifestStep {
  /** From `opToKernelName(op, dtypes)`. */
  kernel: string;
  /** The graph node this step came from (for error messages). */
  node: string;
  /** Tensor ids; -1 marks an omitted optional input (or an unused optional output). */
  inputs: number[];
  outputs: number[];
  /** Per-op int64 metadata (layouts: docs/dispatch-manifest.md, "Metadata"; built by the planner). */
  metadata: bigint[];
}

export interface DispatchManifest {
  version: number;
  tensors: ManifestTensor[];
  steps: ManifestStep[];
  /** Tensor ids of the graph inputs, in the order the runner receives input pointers. */
  inputs: number[];
  /** Tensor ids of the graph outputs, in the order the runner receives output pointers. */
  outputs: number[];
  /** Bytes of the intermediate arena (a multiple of 64). */
  arenaSize: number;
  /** All weight bytes; each weight starts at a 64-byte aligned offset. */
  weights: Uint8Array;
}

export const MANIFEST_MAGIC = 'HODUMNFT';
export const HEADER_SIZE = 128;
export const TENSOR_RECORD_SIZE = 48;
export const STEP_RECORD_SIZE = 48;
/** Weights and arena tensors are aligned to this (cache line, widest SIMD load). */
export const MANIFEST_ALIGN = 64;

export const ROLE_CODES: Readonly<Record<TensorRole, number>> = { input: 0, output: 1, weight: 2, intermediate: 3 };

/** ONNX TensorProto.DataType codes. */
export const ONNX_DTYPE_CODES: Readonly<Record<DType, number>> = {
  float32: 1, uint8: 2, int8: 3, uint16: 4, int16: 5, int32: 6, int64: 7, string: 8,
  bool: 9, float16: 10, float64: 11, uint32: 12, uint64: 13, bfloat16: 16,
};

export function alignUp(n: number, to = MANIFEST_ALIGN): number {
  return Math.ceil(n / to) * to;
}

