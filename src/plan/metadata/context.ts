import type { Node } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';

type Shape = readonly number[];

/** What a metadata builder sees of one step: the node, its static shapes, the opset, schema-aware attributes. */
interface MetaContext {
  node: Node;
  inputs: (Shape | undefined)[];
  outputs: readonly Shape[];
  opset: number;
  /** Attribute value with the schema default applied (the schema is the one source of defaults). */
  attr<T>(name: string): T;
}

/** Builds the int64 metadata of one op family's step (layouts: docs/dispatch-manifest.md, "Metadata"). */
export type Builder = (c: MetaContext) => number[];

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** The float32 bit pattern of `v` as a non-negative integer (C: memcpy into a float). */
export function floatBits(v: number): number {
  f32[0] = v;
  return u32[0]!;
}

/** Element strides of `dims` broadcast into `out` (0 along broadcast axes), right-aligned. */
export function broadcastStrides(dims: Shape, out: Shape): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let acc = 1;
  for (let i = dims.length - 1, j = out.length - 1; i >= 0; i--, j--) {
    strides[j] = dims[i] === 1 && out[j] !== 1 ? 0 : acc;
    acc *= dims[i]!;
  }
  return strides;
}

/** The static shape of input `i` (E_PLAN when the planner could not make it static). */
export function need(c: MetaContext, i: number): Shape {
  const s = c.inputs[i];
  if (!s) throw nodeError(c.node, 'E_PLAN', `input ${i} has no static shape`);
  return s;
}
