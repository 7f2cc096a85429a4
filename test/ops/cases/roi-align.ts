import { attr, t, type OpCase } from '../op-case';

// X = 1 + x + 2y on a 2x2 map, so any bilinear sample inside it is that plane.
const X = t('float32', [1, 1, 2, 2], [1, 2, 3, 4]);
const roi = (v: number[]) => t('float32', [1, 4], v);
const batch0 = t('int64', [1], [0]);

export const cases: OpCase[] = [
  {
    // [0,4]² scaled by 0.5 is [0,2]², shifted by half a pixel to [-0.5,1.5]²; one sample at its center (0.5, 0.5).
    name: 'half_pixel, spatial_scale, one sample',
    op: 'RoiAlign',
    opset: 16,
    attrs: { sampling_ratio: attr.int(1), spatial_scale: attr.float(0.5) },
    inputs: [X, roi([0, 0, 4, 4]), batch0],
    outputs: [t('float32', [1, 1, 1, 1], [2.5])],
  },
  {
    name: '2x2 output samples the pixel centers',
    op: 'RoiAlign',
    opset: 16,
    attrs: { sampling_ratio: attr.int(1), output_height: attr.int(2), output_width: attr.int(2) },
    inputs: [X, roi([0, 0, 2, 2]), batch0],
    outputs: [t('float32', [1, 1, 2, 2], [1, 2, 3, 4])],
  },
  {
    // Opset 10 (output_half_pixel): a 0.5-wide ROI is widened to 1; samples at 0.25/0.75 average to the plane at (0.5, 0.5).
    name: 'opset 10: ROI at least one pixel',
    op: 'RoiAlign',
    opset: 10,
    attrs: { sampling_ratio: attr.int(2) },
    inputs: [X, roi([0, 0, 0.5, 0.5]), batch0],
    outputs: [t('float32', [1, 1, 1, 1], [2.5])],
  },
  {
    // half_pixel: ROI [-0.5, 0]²; samples at -0.375/-0.125 clamp to 0 and read X[0,0].
    name: 'opset 16 half_pixel: same ROI, no widening',
    op: 'RoiAlign',
    opset: 16,
    attrs: { sampling_ratio: attr.int(2) },
    inputs: [X, roi([0, 0, 0.5, 0.5]), batch0],
    outputs: [t('float32', [1, 1, 1, 1], [1])],
  },
  {
    // One sample at (0.5, 0.5), weights 0.25 each: max of the weighted taps is 0.25·4.
    name: 'max mode takes the max weighted tap',
    op: 'RoiAlign',
    opset: 16,
    attrs: { mode: attr.string('max'), sampling_ratio: attr.int(1), coordinate_transformation_mode: attr.string('output_half_pixel') },
    inputs: [X, roi([0, 0, 1, 1]), batch0],
    outputs: [t('float32', [1, 1, 1, 1], [1])],
  },
  { name: 'batch index out of range', op: 'RoiAlign', opset: 16, inputs: [X, roi([0, 0, 1, 1]), t('int64', [1], [1])], throws: 'E_INPUT' },
  { name: 'unknown mode', op: 'RoiAlign', opset: 16, attrs: { mode: attr.string('min') }, inputs: [X, roi([0, 0, 1, 1]), batch0], throws: 'E_UNSUPPORTED_ATTR' },
];
