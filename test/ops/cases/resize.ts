import { attr, t, type OpCase } from '../op-case';

const x22 = t('float32', [1, 1, 2, 2], [1, 2, 3, 4]);
const row13 = t('float32', [1, 1, 1, 2], [1, 3]);
const row1234 = t('float32', [1, 1, 1, 4], [1, 2, 3, 4]);
const up2 = t('float32', [4], [1, 1, 2, 2]);
const up2last = t('float32', [4], [1, 1, 1, 2]);
const down2last = t('float32', [4], [1, 1, 1, 0.5]);
const s = (v: string) => attr.string(v);
// Cubic (A = −0.75) at half-way points weighs its 4 neighbours [−0.09375, 0.59375, 0.59375, −0.09375].
const spike = t('float32', [1, 1, 1, 4], [0, 0, 1, 0]);

export const cases: OpCase[] = [
  {
    // half_pixel: x = j/2 − 0.25 → −0.25, 0.25, 0.75, 1.25 → nearest 0, 0, 1, 1.
    name: 'nearest upsample x2 (half_pixel, round_prefer_floor)',
    op: 'Resize',
    opset: 13,
    inputs: [x22, null, up2],
    outputs: [t('float32', [1, 1, 4, 4], [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])],
  },
  {
    name: 'linear upsample x2 (half_pixel)',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('linear') },
    inputs: [x22, null, up2],
    outputs: [t('float32', [1, 1, 4, 4], [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4])],
  },
  {
    name: 'linear align_corners',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('linear'), coordinate_transformation_mode: s('align_corners') },
    inputs: [row13, null, up2last],
    outputs: [t('float32', [1, 1, 1, 4], [1, 5 / 3, 7 / 3, 3])],
  },
  {
    // asymmetric: x = j/2 → 0, 0.5, 1, 1.5.
    name: 'nearest from sizes, asymmetric, round_prefer_floor',
    op: 'Resize',
    opset: 13,
    attrs: { coordinate_transformation_mode: s('asymmetric') },
    inputs: [row13, null, null, t('int64', [4], [1, 1, 1, 4])],
    outputs: [t('float32', [1, 1, 1, 4], [1, 1, 3, 3])],
  },
  {
    name: 'nearest_mode round_prefer_ceil',
    op: 'Resize',
    opset: 13,
    attrs: { coordinate_transformation_mode: s('asymmetric'), nearest_mode: s('round_prefer_ceil') },
    inputs: [row13, null, null, t('int64', [4], [1, 1, 1, 4])],
    outputs: [t('float32', [1, 1, 1, 4], [1, 3, 3, 3])],
  },
  {
    name: 'nearest_mode floor',
    op: 'Resize',
    opset: 13,
    attrs: { coordinate_transformation_mode: s('asymmetric'), nearest_mode: s('floor') },
    inputs: [row13, null, null, t('int64', [4], [1, 1, 1, 4])],
    outputs: [t('float32', [1, 1, 1, 4], [1, 1, 3, 3])],
  },
  {
    name: 'nearest_mode ceil',
    op: 'Resize',
    opset: 13,
    attrs: { coordinate_transformation_mode: s('asymmetric'), nearest_mode: s('ceil') },
    inputs: [row13, null, null, t('int64', [4], [1, 1, 1, 4])],
    outputs: [t('float32', [1, 1, 1, 4], [1, 3, 3, 3])],
  },
  {
    // half_pixel: x = 2j + 0.5 → 0.5, 2.5.
    name: 'nearest downsample',
    op: 'Resize',
    opset: 13,
    inputs: [row1234, null, down2last],
    outputs: [t('float32', [1, 1, 1, 2], [1, 3])],
  },
  { name: 'linear downsample', op: 'Resize', opset: 13, attrs: { mode: s('linear') }, inputs: [row1234, null, down2last], outputs: [t('float32', [1, 1, 1, 2], [1.5, 3.5])] },
  {
    name: 'cubic, asymmetric',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('cubic'), coordinate_transformation_mode: s('asymmetric') },
    inputs: [spike, null, up2last],
    outputs: [t('float32', [1, 1, 1, 8], [0, -0.09375, 0, 0.59375, 1, 0.59375, 0, -0.09375])],
  },
  {
    name: 'cubic exclude_outside renormalizes edge taps',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('cubic'), coordinate_transformation_mode: s('asymmetric'), exclude_outside: attr.int(1) },
    inputs: [spike, null, up2last],
    outputs: [t('float32', [1, 1, 1, 8], [0, -3 / 35, 0, 0.59375, 1, 19 / 35, 0, -0.1875])],
  },
  {
    // x = 2.25·j over roi [0, 1.5] of the last axis: 0 → 1, 2.25 → 3.25, 4.5 is outside → extrapolation_value.
    name: 'tf_crop_and_resize with extrapolation',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('linear'), coordinate_transformation_mode: s('tf_crop_and_resize'), extrapolation_value: attr.float(10) },
    inputs: [row1234, t('float32', [8], [0, 0, 0, 0, 1, 1, 1, 1.5]), null, t('int64', [4], [1, 1, 1, 3])],
    outputs: [t('float32', [1, 1, 1, 3], [1, 3.25, 10])],
  },
  {
    name: 'pytorch_half_pixel to a single output',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('linear'), coordinate_transformation_mode: s('pytorch_half_pixel') },
    inputs: [row1234, null, null, t('int64', [4], [1, 1, 1, 1])],
    outputs: [t('float32', [1, 1, 1, 1], [1])],
  },
  {
    name: 'half_pixel to a single output',
    op: 'Resize',
    opset: 13,
    attrs: { mode: s('linear') },
    inputs: [row1234, null, null, t('int64', [4], [1, 1, 1, 1])],
    outputs: [t('float32', [1, 1, 1, 1], [2.5])],
  },
  {
    // sizes 3×6 with not_larger → scale min(1.5, 3) = 1.5 → 3×3; asymmetric x = j/1.5 → 0, 0.67, 1.33 → 0, 1, 1.
    name: 'keep_aspect_ratio_policy not_larger with axes (opset 18)',
    op: 'Resize',
    opset: 18,
    attrs: { axes: attr.ints([2, 3]), keep_aspect_ratio_policy: s('not_larger'), coordinate_transformation_mode: s('asymmetric') },
    inputs: [x22, null, null, t('int64', [2], [3, 6])],
    outputs: [t('float32', [1, 1, 3, 3], [1, 2, 2, 3, 4, 4, 3, 4, 4])],
  },
  {
    name: 'axes with scales (opset 18)',
    op: 'Resize',
    opset: 18,
    attrs: { axes: attr.ints([-1]), coordinate_transformation_mode: s('asymmetric') },
    inputs: [row13, null, t('float32', [1], [2])],
    outputs: [t('float32', [1, 1, 1, 4], [1, 1, 3, 3])],
  },
  {
    // Downscale 0.5 widens the linear filter to 4 taps, weights [1,3,3,1]/8.
    name: 'antialias linear downsample (opset 18)',
    op: 'Resize',
    opset: 18,
    attrs: { mode: s('linear'), antialias: attr.int(1) },
    inputs: [row1234, null, down2last],
    outputs: [t('float32', [1, 1, 1, 2], [1.625, 3.375])],
  },
  { name: 'opset 10 nearest (asymmetric, floor when upsampling)', op: 'Resize', opset: 10, inputs: [row13, up2last], outputs: [t('float32', [1, 1, 1, 4], [1, 1, 3, 3])] },
  { name: 'opset 10 nearest downsample', op: 'Resize', opset: 10, inputs: [row1234, down2last], outputs: [t('float32', [1, 1, 1, 2], [1, 3])] },
  { name: 'opset 10 linear', op: 'Resize', opset: 10, attrs: { mode: s('linear') }, inputs: [row13, up2last], outputs: [t('float32', [1, 1, 1, 4], [1, 2, 3, 3])] },
  {
    name: 'scales and sizes both given',
    op: 'Resize',
    opset: 13,
    inputs: [row13, null, up2last, t('int64', [4], [1, 1, 1, 4])],
    throws: 'E_INPUT',
  },
  { name: 'unknown mode', op: 'Resize', opset: 13, attrs: { mode: s('area') }, inputs: [row13, null, up2last], throws: 'E_UNSUPPORTED_ATTR' },
];
