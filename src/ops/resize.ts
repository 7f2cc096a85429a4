import type { Dim } from '../ir/graph';
import { toNumbers } from '../ir/tensor';
import { defineOp } from './schema';
import { FLOATS, NUMERIC_BOOL } from './_types';

// Resize-10: (X, scales), asymmetric coordinates; -11: (X, roi, scales, sizes) with coordinate_transformation_mode,
// cubic, nearest_mode; -13: roi/scales optional; -18: axes, antialias, keep_aspect_ratio_policy;
// -19: half_pixel_symmetric.
export default defineOp({
  op: 'Resize',
  sinceVersion: 10,
  versions: [10, 11, 13, 18, 19], types: { T1: NUMERIC_BOOL, T2: FLOATS },
  inputs: [{ name: 'X', type: 'T1' }, { name: 'roi', type: 'T2', optional: true }, { name: 'scales', type: 'float32', optional: true }, { name: 'sizes', type: 'int64', optional: true }],
  outputs: [{ name: 'Y', type: 'T1' }],
  attributes: {
    antialias: { type: 'int', default: 0 },
    axes: { type: 'ints' },
    coordinate_transformation_mode: { type: 'string', default: 'half_pixel' },
    cubic_coeff_a: { type: 'float', default: -0.75 },
    exclude_outside: { type: 'int', default: 0 },
    extrapolation_value: { type: 'float', default: 0 },
    keep_aspect_ratio_policy: { type: 'string', default: 'stretch' },
    mode: { type: 'string', default: 'nearest' },
    nearest_mode: { type: 'string', default: 'round_prefer_floor' },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const dtype = x?.dtype;
    if (!x?.shape) return [{ dtype }];
    const scales = ctx.opset < 11 ? ctx.inputs[1]?.value : ctx.inputs[2]?.value;
    const sizes = ctx.opset < 11 ? undefined : ctx.inputs[3]?.value;
    const axes = ctx.attr<number[] | undefined>('axes');
    // Only the plain cases are inferred statically; keep_aspect_ratio_policy needs the kernel's arithmetic.
    if (axes || ctx.attr<string>('keep_aspect_ratio_policy') !== 'stretch') return [{ dtype }];
    if (sizes && sizes.size === x.shape.length) return [{ dtype, shape: Array.from(toNumbers(sizes), Number) }];
    if (scales && scales.size === x.shape.length) {
      const s = toNumbers(scales);
      const shape: Dim[] = x.shape.map((d, i) => (typeof d === 'number' ? Math.floor(d * s[i]!) : '?'));
      return [{ dtype, shape }];
    }
    return [{ dtype }];
  },
});
