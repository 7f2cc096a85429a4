/**
 * The public types of the `hodu` npm package (`import { loadModel, run } from 'hodu'`). They name only
 * onnxruntime-common's types, never hodu's internals, so the package's .d.ts files are these files' own
 * declarations (scripts/build-lib.ts) and a user's editor sees exactly this surface.
 */
import type { Tensor } from 'onnxruntime-common';

/** Graph optimizations applied when the model loads: as `hodu run -O N` (2 by default, as the CLI). */
export type OptLevel = 0 | 1 | 2 | 3;

/** The backends the library runs models on. Only the TypeScript interpreter: see docs/library.md. */
export type LibraryBackend = 'interp';

export interface LoadOptions {
  /** 0 none, 1 constant folding + dead code + identities, 2 (default) also Conv+BatchNorm and MatMul+Add fusion, 3 = 2. */
  optLevel?: OptLevel;
}

/** An input or output of a model, as onnxruntime-common's `InferenceSession.ValueMetadata`. */
export type ValueMetadata =
  | { readonly name: string; readonly isTensor: true; readonly type: Tensor.Type; readonly shape: ReadonlyArray<number | string> }
  | { readonly name: string; readonly isTensor: false };

/** A model ready to run: its inputs (those a caller feeds; initializers excluded) and outputs. */
export interface HoduModel {
  readonly inputs: readonly ValueMetadata[];
  readonly outputs: readonly ValueMetadata[];
  /** Frees the model's sessions; `run` on it afterwards throws. */
  dispose(): void;
}

/**
 * An input tensor: an onnxruntime-common `Tensor`, or any object with its `type`, `dims` and `data`
 * (same storage: int64 as BigInt64Array, bool as Uint8Array, float16 as Uint16Array bits or Float16Array).
 */
export interface TensorLike {
  readonly type: Tensor.Type;
  readonly dims: readonly number[];
  readonly data: Tensor.DataType;
}

export interface RunOptions {
  /** 'interp' (the default and, for now, the only one). */
  backend?: LibraryBackend;
  /** The outputs to return (default: every output of the model). */
  outputs?: readonly string[];
}

/** What hodu throws (tell it apart with isHoduError): the CLI's error `code` (README error table) and a `hint`. */
export interface HoduErrorInfo extends Error {
  readonly name: 'HoduError';
  readonly code: string;
  readonly hint: string;
}

export type Feeds = Readonly<Record<string, TensorLike>>;
/** Outputs are onnxruntime-common `Tensor`s, keyed by output name. */
export type Outputs = Record<string, Tensor>;
