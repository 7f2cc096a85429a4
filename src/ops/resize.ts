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
    const xs = x.shape;
    const rank = xs.length;
    const given = ctx.opset >= 18 ? ctx.attr<number[] | undefined>('axes') : undefined;
    if (given && given.some((a) => a < -rank || a >= rank)) return [{ dtype }];
    const axes = (given ?? xs.map((_, i) => i)).map((a) => (a < 0 ? a + rank : a));
    const policy = ctx.opset >= 18 ? ctx.attr<string>('keep_aspect_ratio_policy') : 'stretch';
    const shape: Dim[] = [...xs];
    if (sizes && sizes.size === axes.length) {
      const sz = Array.from(toNumbers(sizes), Number);
      if (policy === 'stretch') {
        axes.forEach((a, i) => (shape[a] = sz[i]!));
        return [{ dtype, shape }];
      }
      // not_larger / not_smaller: one scale for every axis, as the kernel computes it (needs the input dims).
      const ins = axes.map((a) => xs[a]);
      if (ins.some((d) => typeof d !== 'number') || (policy !== 'not_larger' && policy !== 'not_smaller')) return [{ dtype }];
      const ratios = axes.map((_, i) => sz[i]! / (ins[i] as number));
      const s = policy === 'not_larger' ? Math.min(...ratios) : Math.max(...ratios);
      axes.forEach((a, i) => (shape[a] = Math.round(s * (ins[i] as number))));
      return [{ dtype, shape }];
    }
    if (scales && scales.size === axes.length) {
      const s = toNumbers(scales);
      axes.forEach((a, i) => {
        const d = xs[a]!;
        shape[a] = typeof d === 'number' ? Math.floor(d * s[i]!) : '?';
      });
      return [{ dtype, shape }];
    }
    return [{ dtype }];
  },
});
