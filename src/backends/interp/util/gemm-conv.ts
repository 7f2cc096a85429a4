/**
 * Conv forward as the kernel runs it: Y[n, g·Mg + m] = W_g[m, :] · im2col(X[n, group g]) + B[m].
 * Picks the cheapest lowering per shape:
 *  - pointwise (1×1, stride 1, no padding): X already is the column matrix, straight to gemm;
 *  - one input channel per output channel (depthwise): a direct sliding window (depthwise2d);
 *  - 1-D / 2-D: im2col2d into a bounded column buffer, a slice of output positions at a time, each slice
 *    one gemm (the buffer stays cache-sized instead of kSize× the image);
 *  - more spatial dims: the N-D im2col over all positions, then one gemm.
 * The bias is written into Y first and the gemms accumulate onto it (beta = 1), saving a pass.
 * The work is a list of independent tasks (one per image × group × slice, or image × channel when depthwise),
 * so that big convs can be split across the worker pool (parallel/worker-pool.ts).
 */
import { sizeOf } from '../../../ir/tensor';
import { PARALLEL_MIN_MACS, runSplit, shareCopy, threadCount } from '../parallel/worker-pool';
import { depthwise2d, im2col, im2col2d, window2d, type ConvGeometry } from './conv';
import { gemm, type FloatArray } from './gemm';

interface ConvProblem {
  x: ArrayLike<number>;
  w: ArrayLike<number>;
  bias?: ArrayLike<number>;
  batch: number;
  channels: number;
  /** Output channels. */
  m: number;
  group: number;
  geom: ConvGeometry;
  /** [batch, m, ...outDims], overwritten. */
  y: FloatArray;
}

/** A problem with its sizes resolved (plain data: it is posted to workers as is). */
interface ConvPlan extends ConvProblem {
  cg: number; mg: number; kSize: number; inSize: number; outSize: number;
  depthwise: boolean; flat: boolean; pointwise: boolean;
  /** Column-matrix rows (cg·kSize) and output positions per gemm slice. */
  rows: number; slice: number; slices: number;
}

// Column buffer budget in doubles (2 MiB): large enough for long gemm slices, small enough for L2/L3.
const COL_BUDGET = 1 << 18;
let colBuf = new Float64Array(0);

function columns(n: number): Float64Array {
  if (colBuf.length < n) colBuf = new Float64Array(n);
  return colBuf;
}

/** `parts`: at least this many tasks are wanted (to balance threads), if slicing can provide them. */
function planConv(p: ConvProblem, parts: number): ConvPlan {
  // `| 0`: model dims may be integral doubles; int32 offsets keep the callees on their fast path.
  const [batch, channels, m, group] = [p.batch | 0, p.channels | 0, p.m | 0, p.group | 0];
  const { geom } = p;
  const cg = (channels / group) | 0;
  const kSize = sizeOf(geom.kernel) | 0;
  const inSize = sizeOf(geom.inDims) | 0;
  const outSize = sizeOf(geom.outDims) | 0;
  const flat = geom.inDims.length <= 2;
  const pointwise = kSize === 1 && outSize === inSize && geom.strides.every((s) => s === 1) && geom.padsBegin.every((q) => q === 0);
  const rows = cg * kSize;
  // Output positions per gemm slice, a multiple of the micro-kernel's 8 columns; ≥ 64 keeps A's repacking
  // per slice under ~2 % of the work.
  const budget = Math.max(64, Math.floor(COL_BUDGET / rows / 8) * 8);
  const perImage = Math.ceil(parts / (batch * group));
  const balanced = Math.max(64, Math.ceil(outSize / perImage / 8) * 8);
  const slice = pointwise || !flat ? outSize : Math.max(1, Math.min(outSize, budget, balanced));
  return {
    ...p, batch, channels, m, group, cg, mg: (m / group) | 0, kSize, inSize, outSize,
    depthwise: cg === 1 && flat, flat, pointwise, rows, slice, slices: Math.ceil(outSize / slice),
  };
}

export function runConv(p: ConvProblem): void {
  const macs = p.batch * p.m * sizeOf(p.geom.outDims) * (p.channels / p.group) * sizeOf(p.geom.kernel);
  const threads = macs < PARALLEL_MIN_MACS ? 1 : threadCount();
  // With several threads, ~4 tasks per thread even out shares of unequal speed.
  const plan = planConv(p, threads === 1 ? 1 : 4 * threads);
  const { batch, m, outSize, y } = plan;
  for (let i = 0; i < batch * m; i++) y.fill(p.bias ? p.bias[i % m]! : 0, i * outSize, (i + 1) * outSize);
  if (outSize === 0) return;
  const tasks = plan.depthwise ? batch * m : batch * plan.group * plan.slices;
  if (threads === 1 || tasks < 2) return convTasks(plan, 0, tasks);
  const shared: ConvPlan = { ...plan, x: shareCopy(plan.x), w: shareCopy(plan.w), bias: undefined, y: shareCopy(y) };
  runSplit('conv', shared, tasks, 1, (from, to) => convTasks(shared, from, to));
  y.set(shared.y);
}

/** Runs tasks [from, to) of a plan; Y must already hold the bias. */
export function convTasks(p: ConvPlan, from: number, to: number): void {
  if (p.depthwise) return depthwiseTasks(p, from, to);
  const { x, w, y, cg, mg, rows, inSize, outSize, slice } = p;
  const win = p.flat ? window2d(p.geom) : undefined;
  const col = p.pointwise ? undefined : columns(rows * slice);
  for (let t = from; t < to; t++) {
    const s = t % p.slices;
    const g = Math.floor(t / p.slices) % p.group;
    const n = Math.floor(t / p.slices / p.group);
    const imgOff = (n * p.channels + g * cg) * inSize;
    const j0 = s * slice;
    const cols = Math.min(slice, outSize - j0);
    if (col && win) im2col2d(x, imgOff, cg, win, j0, cols, col);
    else if (col) im2col(x, imgOff, cg, p.geom, col);
    gemm({
      m: mg, n: cols, k: rows,
      a: w, aOffset: g * mg * rows,
      b: col ?? x, bOffset: col ? 0 : imgOff + j0, ldb: col ? cols : inSize,
      c: y, cOffset: (n * p.m + g * mg) * outSize + j0, ldc: outSize,
      beta: 1,
    });
  }
}

/** Task t is (image, output channel) = divmod(t, m). */
function depthwiseTasks(p: ConvPlan, from: number, to: number): void {
  const win = window2d(p.geom);
  const acc = new Float64Array(p.outSize);
  for (let t = from; t < to; t++) {
    const n = Math.floor(t / p.m);
    const oc = t % p.m;
    const yOff = t * p.outSize;
    acc.set(p.y.subarray(yOff, yOff + p.outSize)); // the bias
    // Output channel oc belongs to group floor(oc / mg), whose single input channel has that index.
    depthwise2d(p.x, (n * p.channels + Math.floor(oc / p.mg)) * p.inSize, p.w, oc * p.kSize, win, acc);
    p.y.set(acc, yOff);
  }
}
