import { normalizeAxis } from '../../ir/axis';
import { floatBits, need, type Builder } from './context';

const MODES = ['nearest', 'linear', 'cubic'];
const COORDINATE_MODES = ['half_pixel', 'half_pixel_symmetric', 'pytorch_half_pixel', 'align_corners', 'asymmetric', 'tf_half_pixel_for_nn', 'tf_crop_and_resize'];
const NEAREST_MODES = ['round_prefer_floor', 'round_prefer_ceil', 'floor', 'ceil', 'legacy'];
const POLICIES = ['stretch', 'not_larger', 'not_smaller'];

// [mode, coordinate_mode, nearest_mode, cubic_coeff_a_bits, exclude_outside, extrapolation_value_bits, antialias,
//  keep_aspect_ratio_policy, legacy, n_axes, axes(n)]: each string as its index in the lists above (−1 for an
// unknown spelling, which the kernel refuses), the attributes a given opset does not have at their meaning
// there (before 11: asymmetric coordinates, the 'legacy' nearest rounding, inputs (X, scales) = legacy 1;
// before 18: no antialias, stretch, every axis). roi, scales and sizes stay inputs, read by the kernel.
export const resize: Builder = (c) => {
  const rank = need(c, 0).length;
  const legacy = c.opset < 11;
  const index = (list: string[], v: string) => list.indexOf(v);
  const modern = c.opset >= 18;
  const axes = ((modern ? c.attr<number[] | undefined>('axes') : undefined) ?? Array.from({ length: rank }, (_, i) => i))
    .map((a) => normalizeAxis(a, rank, c.node, 'axes value'));
  return [
    index(MODES, c.attr<string>('mode')),
    legacy ? COORDINATE_MODES.indexOf('asymmetric') : index(COORDINATE_MODES, c.attr<string>('coordinate_transformation_mode')),
    legacy ? NEAREST_MODES.indexOf('legacy') : index(NEAREST_MODES, c.attr<string>('nearest_mode')),
    floatBits(c.attr<number>('cubic_coeff_a')),
    c.attr<number>('exclude_outside') === 1 ? 1 : 0,
    floatBits(c.attr<number>('extrapolation_value')),
    modern && c.attr<number>('antialias') === 1 ? 1 : 0,
    modern ? index(POLICIES, c.attr<string>('keep_aspect_ratio_policy')) : 0,
    legacy ? 1 : 0,
    axes.length,
    ...axes,
  ];
};

/**
 * Upsample (7, 9; deprecated by Resize-10 with the same semantics) as Resize's legacy form: inputs (X, scales),
 * asymmetric coordinates, legacy nearest rounding, every axis; 'bilinear' (opset 7's spelling) is linear.
 * Upsample-7's scales are an attribute: appended after the axes as float bits (one per axis), which the
 * kernel reads when the node has no scales input.
 */
export const upsample: Builder = (c) => {
  const rank = need(c, 0).length;
  const mode = c.attr<string>('mode');
  // One per axis or none (the kernel then finds no scales and refuses; the interp reports the bad attribute).
  const given = c.opset < 9 ? c.attr<number[] | undefined>('scales') : undefined;
  const attrScales = given?.length === rank ? given.map(floatBits) : [];
  return [
    MODES.indexOf(mode === 'bilinear' ? 'linear' : mode),
    COORDINATE_MODES.indexOf('asymmetric'),
    NEAREST_MODES.indexOf('legacy'),
    floatBits(-0.75),
    0,
    floatBits(0),
    0,
    0,
    1,
    rank,
    ...Array.from({ length: rank }, (_, i) => i),
    ...attrScales,
  ];
};
