/**
 * Sliding windows for the pooling kernels. For every output position we list the flat spatial offsets of the
 * input elements its window covers (padding skipped), once per node; each (N, C) plane then reuses the list.
 */
import { nodeError } from '../../../ir/node-error';
import type { NodeRef } from '../../../ir/node-label';
import { sizeOf, stridesOf, type Tensor } from '../../../ir/tensor';
import type { Window } from '../../../ops/_window-geometry';
import { poolWindow } from '../../../ops/_pool';
import type { KernelContext } from '../kernel';

interface PoolWindows {
  outDims: number[];
  /** offsets[starts[o] .. starts[o+1]) are the window of output position o (row-major spatial offsets). */
  starts: Int32Array;
  offsets: Int32Array;
  /** Number of taps inside input plus explicit padding (count_include_pad divisor). */
  padCounts: Int32Array;
}

export function checkPoolInput(x: Tensor, node: NodeRef): void {
  if (x.rank < 3) throw nodeError(node, 'E_SHAPE', `X must be [N,C,spatial...], got [${x.dims}]`);
}

/** The geometry a sliding-window pool kernel (MaxPool, AveragePool, LpPool) works over, from X and the node. */
interface PoolPlan extends PoolWindows {
  spatial: number[];
  /** N·C planes of `inSize` input and `outSize` output elements. */
  planes: number;
  inSize: number;
  outSize: number;
  /** [N, C, out spatial...] */
  yDims: number[];
}

export function planPool(x: Tensor, ctx: KernelContext): PoolPlan {
  const spatial = x.dims.slice(2);
  const windows = poolWindows(spatial, poolWindow(spatial, ctx.attr, ctx.node));
  const planes = x.dims[0]! * x.dims[1]!;
  const yDims = [x.dims[0]!, x.dims[1]!, ...windows.outDims];
  return { ...windows, spatial, planes, inSize: sizeOf(spatial), outSize: sizeOf(windows.outDims), yDims };
}

function poolWindows(inDims: number[], win: Window): PoolWindows {
  const n = inDims.length;
  const outDims = win.out as number[];
  const outSize = sizeOf(outDims);
  const inStrides = stridesOf(inDims);
  // Per axis and output index: the in-range input coordinates of its window, and its padded tap count.
  const taps: number[][][] = [];
  const padded: number[][] = [];
  for (let a = 0; a < n; a++) {
    const axisTaps: number[][] = [];
    const axisPadded: number[] = [];
    for (let o = 0; o < outDims[a]!; o++) {
      const start = o * win.strides[a]! - win.padsBegin[a]!;
      const list: number[] = [];
      let inPad = 0;
      for (let k = 0; k < win.kernel[a]!; k++) {
        const i = start + k * win.dilations[a]!;
        if (i >= 0 && i < inDims[a]!) list.push(i);
        if (i >= -win.padsBegin[a]! && i < inDims[a]! + win.padsEnd[a]!) inPad++;
      }
      axisTaps.push(list);
      axisPadded.push(inPad);
    }
    taps.push(axisTaps);
    padded.push(axisPadded);
  }
  const starts = new Int32Array(outSize + 1);
  const padCounts = new Int32Array(outSize);
  const offsets: number[] = [];
  const o = new Array<number>(n).fill(0);
  for (let flat = 0; flat < outSize; flat++) {
    starts[flat] = offsets.length;
    let pc = 1;
    for (let a = 0; a < n; a++) pc *= padded[a]![o[a]!]!;
    padCounts[flat] = pc;
    // Cartesian product of the per-axis tap lists, row-major.
    const lists = o.map((oi, a) => taps[a]![oi]!);
    if (lists.every((l) => l.length > 0)) {
      const k = new Array<number>(n).fill(0);
      for (;;) {
        let off = 0;
        for (let a = 0; a < n; a++) off += lists[a]![k[a]!]! * inStrides[a]!;
        offsets.push(off);
        let a = n - 1;
        for (; a >= 0; a--) {
          if (++k[a]! < lists[a]!.length) break;
          k[a] = 0;
        }
        if (a < 0) break;
      }
    }
    for (let a = n - 1; a >= 0; a--) {
      if (++o[a]! < outDims[a]!) break;
      o[a] = 0;
    }
  }
  starts[outSize] = offsets.length;
  return { outDims, starts, offsets: Int32Array.from(offsets), padCounts };
}

/** Maps a row-major spatial offset to the column-major one (MaxPool storage_order = 1). */
export function columnMajorOffset(off: number, inDims: number[]): number {
  let rest = off;
  let result = 0;
  const n = inDims.length;
  const rowStrides = stridesOf(inDims);
  let colStride = 1;
  const coords = new Array<number>(n);
  for (let a = 0; a < n; a++) {
    coords[a] = Math.floor(rest / rowStrides[a]!);
    rest -= coords[a]! * rowStrides[a]!;
  }
  for (let a = 0; a < n; a++) {
    result += coords[a]! * colStride;
    colStride *= inDims[a]!;
  }
  return result;
}
