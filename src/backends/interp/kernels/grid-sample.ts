import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

type Padding = 'zeros' | 'border' | 'reflection';

/** Normalized [-1, 1] grid coordinate → pixel coordinate along an axis of `size` pixels. */
function denormalize(n: number, size: number, alignCorners: boolean): number {
  return alignCorners ? ((n + 1) / 2) * (size - 1) : ((n + 1) * size - 1) / 2;
}

/** Reflects x into [lo, hi] by repeated mirroring at the bounds (onnxruntime's GsReflect). */
function reflect(x: number, lo: number, hi: number): number {
  const range = hi - lo;
  if (range <= 0) return lo;
  if (x < lo) {
    const dx = lo - x;
    const n = Math.trunc(dx / range);
    const r = dx - n * range;
    return n % 2 === 0 ? lo + r : hi - r;
  }
  if (x > hi) {
    const dx = x - hi;
    const n = Math.trunc(dx / range);
    const r = dx - n * range;
    return n % 2 === 0 ? hi - r : lo + r;
  }
  return x;
}

/** Keys cubic convolution weights with A = -0.75 for the 4 taps around fraction t in [0, 1). */
function cubicWeights(t: number, w: Float64Array): void {
  const A = -0.75;
  const x = Math.abs(t);
  w[0] = ((A * (x + 1) - 5 * A) * (x + 1) + 8 * A) * (x + 1) - 4 * A;
  w[1] = ((A + 2) * x - (A + 3)) * x * x + 1;
  w[2] = ((A + 2) * (1 - x) - (A + 3)) * (1 - x) * (1 - x) + 1;
  w[3] = ((A * (2 - x) - 5 * A) * (2 - x) + 8 * A) * (2 - x) - 4 * A;
}

// Y[n, c, h, w] = X[n, c] sampled at grid[n, h, w] = (x, y) in [-1, 1]. Follows the ONNX reference / onnxruntime:
// nearest rounds half to even; out-of-range sample points are clamped (border) or mirrored (reflection) first,
// then every tap outside the image reads 0 (zeros), the clamped pixel (border) or the mirrored pixel (reflection).
export default defineKernel('GridSample', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const grid = tensorInput(inputs, 1, ctx);
  if (x.rank !== 4 || grid.rank !== 4 || grid.dims[0] !== x.dims[0] || grid.dims[3] !== 2) {
    throw nodeError(ctx.node, 'E_SHAPE', `X [${x.dims}] must be [N,C,H,W] and grid [${grid.dims}] [N,Hout,Wout,2]`,
      'only 4-D GridSample is implemented');
  }
  const modeAttr = ctx.attr<string>('mode');
  const mode = modeAttr === 'bilinear' ? 'linear' : modeAttr === 'bicubic' ? 'cubic' : modeAttr;
  const padding = ctx.attr<string>('padding_mode') as Padding;
  if (!['linear', 'nearest', 'cubic'].includes(mode)) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown mode '${modeAttr}'`, 'expected bilinear, nearest or bicubic');
  }
  if (!['zeros', 'border', 'reflection'].includes(padding)) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown padding_mode '${padding}'`, 'expected zeros, border or reflection');
  }
  const align = ctx.attr<number>('align_corners') === 1;
  const [N, C, H, W] = x.dims as [number, number, number, number];
  const [Ho, Wo] = [grid.dims[1]!, grid.dims[2]!];
  // Sample points beyond these bounds are out of the image (pixel centers vs pixel edges).
  const [xMin, xMax] = align ? [0, W - 1] : [-0.5, W - 0.5];
  const [yMin, yMax] = align ? [0, H - 1] : [-0.5, H - 0.5];
  const xv = toNumbers(x);
  const gv = toNumbers(grid);
  const out = new Float64Array(N * C * Ho * Wo);
  let img = 0;
  const pixel = (r: number, c: number): number => {
    if (padding === 'zeros') return r >= 0 && r < H && c >= 0 && c < W ? xv[img + r * W + c]! : 0;
    if (padding === 'border') {
      r = Math.min(Math.max(r, 0), H - 1);
      c = Math.min(Math.max(c, 0), W - 1);
    } else {
      r = Math.trunc(reflect(r, yMin, yMax));
      c = Math.trunc(reflect(c, xMin, xMax));
    }
    return xv[img + r * W + c]!;
  };
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < Ho; oy++) {
      for (let ox = 0; ox < Wo; ox++) {
        const g = ((n * Ho + oy) * Wo + ox) * 2;
        let px = denormalize(gv[g]!, W, align);
        let py = denormalize(gv[g + 1]!, H, align);
        if (mode === 'nearest') {
          px = roundHalfEven(px);
          py = roundHalfEven(py);
        }
        if (px < xMin || px > xMax || py < yMin || py > yMax) {
          if (padding === 'border') {
            px = Math.min(Math.max(px, 0), W - 1);
            py = Math.min(Math.max(py, 0), H - 1);
          } else if (padding === 'reflection') {
            px = reflect(px, xMin, xMax);
            py = reflect(py, yMin, yMax);
          }
        }
        for (let c = 0; c < C; c++) {
          img = (n * C + c) * H * W;
          let v: number;
          if (mode === 'nearest') {
            v = pixel(Math.trunc(py), Math.trunc(px));
          } else if (mode === 'linear') {
            const x1 = Math.floor(px);
            const y1 = Math.floor(py);
            const dx = px - x1;
            const dy = py - y1;
            v = (1 - dy) * ((1 - dx) * pixel(y1, x1) + dx * pixel(y1, x1 + 1)) +
              dy * ((1 - dx) * pixel(y1 + 1, x1) + dx * pixel(y1 + 1, x1 + 1));
          } else {
            const x0 = Math.floor(px) - 1;
            const y0 = Math.floor(py) - 1;
            cubicWeights(px - x0 - 1, wx);
            cubicWeights(py - y0 - 1, wy);
            v = 0;
            for (let i = 0; i < 4; i++) {
              let row = 0;
              for (let j = 0; j < 4; j++) row += wx[j]! * pixel(y0 + i, x0 + j);
              v += wy[i]! * row;
            }
          }
          out[((n * C + c) * Ho + oy) * Wo + ox] = v;
        }
      }
    }
  }
  return [fromNumbers(x.dtype, [N, C, Ho, Wo], out)];
});

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  // Math.round rounds .5 up; step back when that lands on an odd number.
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
