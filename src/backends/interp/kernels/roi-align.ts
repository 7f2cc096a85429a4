import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

/** One bilinear sample: the 4 pixel offsets and weights (all-zero weights for a point outside the map). */
interface Sample { pos: [number, number, number, number]; w: [number, number, number, number] }

// The bilinear sample point rules of the ONNX reference / onnxruntime: points beyond [-1, size] read nothing,
// points in [-1, 0] clamp to 0, points on the last row/column read it alone.
function sampleAt(y: number, x: number, H: number, W: number): Sample {
  if (y < -1 || y > H || x < -1 || x > W) return { pos: [0, 0, 0, 0], w: [0, 0, 0, 0] };
  if (y <= 0) y = 0;
  if (x <= 0) x = 0;
  let yLow = Math.trunc(y);
  let xLow = Math.trunc(x);
  let yHigh: number;
  let xHigh: number;
  if (yLow >= H - 1) {
    yHigh = yLow = H - 1;
    y = yLow;
  } else yHigh = yLow + 1;
  if (xLow >= W - 1) {
    xHigh = xLow = W - 1;
    x = xLow;
  } else xHigh = xLow + 1;
  const [ly, lx] = [y - yLow, x - xLow];
  const [hy, hx] = [1 - ly, 1 - lx];
  return { pos: [yLow * W + xLow, yLow * W + xHigh, yHigh * W + xLow, yHigh * W + xHigh], w: [hy * hx, hy * lx, ly * hx, ly * lx] };
}

// Each output bin averages (avg) or takes the max of (max) a grid of bilinear samples over its part of the ROI.
// In max mode each sample contributes max(w_i·v_i) over its 4 taps, as the ONNX reference and onnxruntime do.
export default defineKernel('RoiAlign', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const rois = tensorInput(inputs, 1, ctx);
  const batchIdx = tensorInput(inputs, 2, ctx);
  if (x.rank !== 4 || rois.rank !== 2 || rois.dims[1] !== 4 || batchIdx.rank !== 1 || batchIdx.dims[0] !== rois.dims[0]) {
    throw nodeError(ctx.node, 'E_SHAPE', `need X [N,C,H,W], rois [R,4], batch_indices [R]; got [${x.dims}], [${rois.dims}], [${batchIdx.dims}]`);
  }
  const mode = ctx.attr<string>('mode');
  const ctm = ctx.opset >= 16 ? ctx.attr<string>('coordinate_transformation_mode') : 'output_half_pixel';
  if (mode !== 'avg' && mode !== 'max') throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown mode '${mode}'`, 'expected avg or max');
  if (ctm !== 'half_pixel' && ctm !== 'output_half_pixel') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown coordinate_transformation_mode '${ctm}'`, 'expected half_pixel or output_half_pixel');
  }
  const [N, C, H, W] = x.dims as [number, number, number, number];
  const [oh, ow] = [ctx.attr<number>('output_height'), ctx.attr<number>('output_width')];
  const ratio = ctx.attr<number>('sampling_ratio');
  const scale = ctx.attr<number>('spatial_scale');
  const offset = ctm === 'half_pixel' ? 0.5 : 0;
  const R = rois.dims[0]!;
  const xv = toNumbers(x);
  const rv = toNumbers(rois);
  const bv = toNumbers(batchIdx);
  const out = new Float64Array(R * C * oh * ow);
  for (let r = 0; r < R; r++) {
    const b = Number(bv[r]);
    if (!(b >= 0 && b < N)) throw nodeError(ctx.node, 'E_INPUT', `batch index ${b} of roi ${r} is outside [0, ${N})`);
    const x0 = rv[r * 4]! * scale - offset;
    const y0 = rv[r * 4 + 1]! * scale - offset;
    let roiW = rv[r * 4 + 2]! * scale - offset - x0;
    let roiH = rv[r * 4 + 3]! * scale - offset - y0;
    // The legacy pixel model forces a ROI of at least one pixel.
    if (ctm === 'output_half_pixel') {
      roiW = Math.max(roiW, 1);
      roiH = Math.max(roiH, 1);
    }
    const binH = roiH / oh;
    const binW = roiW / ow;
    const gridH = ratio > 0 ? ratio : Math.ceil(roiH / oh);
    const gridW = ratio > 0 ? ratio : Math.ceil(roiW / ow);
    const count = Math.max(gridH * gridW, 1);
    const samples: Sample[] = [];
    for (let ph = 0; ph < oh; ph++) {
      for (let pw = 0; pw < ow; pw++) {
        for (let iy = 0; iy < gridH; iy++) {
          const yy = y0 + ph * binH + ((iy + 0.5) * binH) / gridH;
          for (let ix = 0; ix < gridW; ix++) samples.push(sampleAt(yy, x0 + pw * binW + ((ix + 0.5) * binW) / gridW, H, W));
        }
      }
    }
    for (let c = 0; c < C; c++) {
      const img = (b * C + c) * H * W;
      let s = 0;
      for (let bin = 0; bin < oh * ow; bin++) {
        let acc = mode === 'avg' ? 0 : -Infinity;
        for (let k = 0; k < gridH * gridW; k++, s++) {
          const { pos, w } = samples[s]!;
          if (mode === 'avg') {
            for (let t = 0; t < 4; t++) acc += w[t]! * xv[img + pos[t]!]!;
          } else {
            for (let t = 0; t < 4; t++) acc = Math.max(acc, w[t]! * xv[img + pos[t]!]!);
          }
        }
        out[(r * C + c) * oh * ow + bin] = mode === 'avg' ? acc / count : gridH * gridW > 0 ? acc : 0;
      }
    }
  }
  return [fromNumbers(x.dtype, [R, C, oh, ow], out)];
});
