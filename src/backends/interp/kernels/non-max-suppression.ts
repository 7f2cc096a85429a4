import { nodeError } from '../../../ir/node-error';
import { Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';

/** A box as [ymin, xmin, ymax, xmax] whatever the input format (corners may come flipped). */
function corners(b: ArrayLike<number>, off: number, centerFormat: boolean, out: Float64Array): void {
  if (centerFormat) {
    // [x_center, y_center, width, height]
    const [xc, yc, w, h] = [b[off]!, b[off + 1]!, b[off + 2]!, b[off + 3]!];
    out[0] = yc - h / 2;
    out[1] = xc - w / 2;
    out[2] = yc + h / 2;
    out[3] = xc + w / 2;
    return;
  }
  out[0] = Math.min(b[off]!, b[off + 2]!);
  out[1] = Math.min(b[off + 1]!, b[off + 3]!);
  out[2] = Math.max(b[off]!, b[off + 2]!);
  out[3] = Math.max(b[off + 1]!, b[off + 3]!);
}

/** IoU > threshold, with degenerate boxes (no area, no overlap) never suppressing (as onnxruntime). */
function suppresses(a: Float64Array, b: Float64Array, threshold: number): boolean {
  const ih = Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!);
  const iw = Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!);
  if (ih <= 0 || iw <= 0) return false;
  const inter = ih * iw;
  const areaA = (a[2]! - a[0]!) * (a[3]! - a[1]!);
  const areaB = (b[2]! - b[0]!) * (b[3]! - b[1]!);
  const union = areaA + areaB - inter;
  if (areaA <= 0 || areaB <= 0 || union <= 0) return false;
  return inter / union > threshold;
}

// Greedy NMS per (batch, class): candidates with score > score_threshold, highest score first (ties: lower box
// index first), each kept unless it overlaps an already kept box by IoU > iou_threshold.
export default defineKernel('NonMaxSuppression', (inputs, ctx) => {
  const boxes = tensorInput(inputs, 0, ctx);
  const scores = tensorInput(inputs, 1, ctx);
  const maxOut = optionalInput(inputs, 2);
  const iouT = optionalInput(inputs, 3);
  const scoreT = optionalInput(inputs, 4);
  if (boxes.rank !== 3 || boxes.dims[2] !== 4 || scores.rank !== 3 || scores.dims[0] !== boxes.dims[0] || scores.dims[2] !== boxes.dims[1]) {
    throw nodeError(ctx.node, 'E_SHAPE', `boxes [${boxes.dims}] must be [B, N, 4] and scores [${scores.dims}] [B, C, N]`);
  }
  const centerFormat = ctx.attr<number>('center_point_box') === 1;
  const limit = maxOut && maxOut.size > 0 ? Number(toNumbers(maxOut)[0]) : 0;
  const iouThreshold = iouT && iouT.size > 0 ? toNumbers(iouT)[0]! : 0;
  const scoreThreshold = scoreT && scoreT.size > 0 ? toNumbers(scoreT)[0]! : -Infinity;
  if (iouThreshold < 0 || iouThreshold > 1) {
    throw nodeError(ctx.node, 'E_INPUT', `iou_threshold ${iouThreshold} must be in [0, 1]`);
  }
  const [batches, numBoxes] = [boxes.dims[0]!, boxes.dims[1]!];
  const classes = scores.dims[1]!;
  const bv = toNumbers(boxes);
  const sv = toNumbers(scores);
  const all = Array.from({ length: numBoxes }, () => new Float64Array(4));
  const selected: number[] = [];
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < numBoxes; i++) corners(bv, (b * numBoxes + i) * 4, centerFormat, all[i]!);
    for (let c = 0; c < classes; c++) {
      if (limit <= 0) continue;
      const off = (b * classes + c) * numBoxes;
      const order: number[] = [];
      for (let i = 0; i < numBoxes; i++) if (sv[off + i]! > scoreThreshold) order.push(i);
      order.sort((x, y) => sv[off + y]! - sv[off + x]! || x - y);
      const kept: number[] = [];
      for (const i of order) {
        if (kept.length >= limit) break;
        if (kept.some((k) => suppresses(all[k]!, all[i]!, iouThreshold))) continue;
        kept.push(i);
        selected.push(b, c, i);
      }
    }
  }
  const out = BigInt64Array.from(selected, (v) => BigInt(v));
  return [new Tensor('int64', [selected.length / 3, 3], out)];
});
