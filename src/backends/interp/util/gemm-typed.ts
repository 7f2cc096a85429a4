/**
 * The innermost loops that read tensor storage, written once per storage type on purpose.
 *
 * JavaScriptCore records, per function, which typed-array class each indexed access has seen. A hot loop that
 * has seen both Float32Array and Float64Array falls back to a generic (slow) access, and a function that keeps
 * being deoptimized by new types may stop being optimized at all. So each leaf exists in three copies with
 * identical bodies: one that only ever sees Float32Array, one only Float64Array, and one for every other
 * numeric storage (int arrays, plain arrays), which may be slow. `typedLeaves(src)` picks the copy once per
 * call; the destination is always a Float64Array (packed panels, column buffers, accumulators).
 * Keep the three bodies identical when editing.
 */
interface TypedLeaves {
  /**
   * Packs one panel of `width` lanes × `depth`: dst[w + p·width + l] = src[off + l·ls + p·ds] for l < lanes,
   * zero for lanes ≤ l < width (edge panels).
   */
  packPanel(src: ArrayLike<number>, off: number, ls: number, ds: number, lanes: number, width: number, depth: number, dst: Float64Array, w: number): void;
  /** dst[d + i] = src[s + i·step] for i < n. */
  gather(src: ArrayLike<number>, s: number, step: number, dst: Float64Array, d: number, n: number): void;
  /** dst[d + i] += alpha · src[s + i·step] for i < n. */
  axpy(src: ArrayLike<number>, s: number, step: number, alpha: number, dst: Float64Array, d: number, n: number): void;
}

function packPanelF32(src: Float32Array, off: number, ls: number, ds: number, lanes: number, width: number, depth: number, dst: Float64Array, w: number): void {
  for (let p = 0; p < depth; p++) {
    const s = off + p * ds;
    let l = 0;
    for (; l < lanes; l++) dst[w + l] = src[s + l * ls]!;
    for (; l < width; l++) dst[w + l] = 0;
    w += width;
  }
}
function packPanelF64(src: Float64Array, off: number, ls: number, ds: number, lanes: number, width: number, depth: number, dst: Float64Array, w: number): void {
  for (let p = 0; p < depth; p++) {
    const s = off + p * ds;
    let l = 0;
    for (; l < lanes; l++) dst[w + l] = src[s + l * ls]!;
    for (; l < width; l++) dst[w + l] = 0;
    w += width;
  }
}
function packPanelAny(src: ArrayLike<number>, off: number, ls: number, ds: number, lanes: number, width: number, depth: number, dst: Float64Array, w: number): void {
  for (let p = 0; p < depth; p++) {
    const s = off + p * ds;
    let l = 0;
    for (; l < lanes; l++) dst[w + l] = src[s + l * ls]!;
    for (; l < width; l++) dst[w + l] = 0;
    w += width;
  }
}

function gatherF32(src: Float32Array, s: number, step: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = src[s + i * step]!;
}
function gatherF64(src: Float64Array, s: number, step: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = src[s + i * step]!;
}
function gatherAny(src: ArrayLike<number>, s: number, step: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = src[s + i * step]!;
}

function axpyF32(src: Float32Array, s: number, step: number, alpha: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] += alpha * src[s + i * step]!;
}
function axpyF64(src: Float64Array, s: number, step: number, alpha: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] += alpha * src[s + i * step]!;
}
function axpyAny(src: ArrayLike<number>, s: number, step: number, alpha: number, dst: Float64Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] += alpha * src[s + i * step]!;
}

const F32: TypedLeaves = { packPanel: packPanelF32 as TypedLeaves['packPanel'], gather: gatherF32 as TypedLeaves['gather'], axpy: axpyF32 as TypedLeaves['axpy'] };
const F64: TypedLeaves = { packPanel: packPanelF64 as TypedLeaves['packPanel'], gather: gatherF64 as TypedLeaves['gather'], axpy: axpyF64 as TypedLeaves['axpy'] };
const ANY: TypedLeaves = { packPanel: packPanelAny, gather: gatherAny, axpy: axpyAny };

/** The leaf loops specialized for `src`'s storage class. */
export function typedLeaves(src: ArrayLike<number>): TypedLeaves {
  if (src instanceof Float32Array) return F32;
  if (src instanceof Float64Array) return F64;
  return ANY;
}

/** c[off + i] += alpha · t[i] for a row of n, into either float storage (the only C types gemm writes). */
function addRowF32(c: Float32Array, off: number, t: Float64Array, tOff: number, n: number, alpha: number): void {
  for (let j = 0; j < n; j++) c[off + j] += alpha * t[tOff + j]!;
}
function addRowF64(c: Float64Array, off: number, t: Float64Array, tOff: number, n: number, alpha: number): void {
  for (let j = 0; j < n; j++) c[off + j] += alpha * t[tOff + j]!;
}

type AddRow = (c: Float32Array | Float64Array, off: number, t: Float64Array, tOff: number, n: number, alpha: number) => void;

export function addRowFor(c: Float32Array | Float64Array): AddRow {
  return (c instanceof Float32Array ? addRowF32 : addRowF64) as AddRow;
}
