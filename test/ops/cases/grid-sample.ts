import { attr, t, type OpCase } from '../op-case';

const X = t('float32', [1, 1, 2, 2], [1, 2, 3, 4]);
const grid = (pts: number[]) => t('float32', [1, 1, pts.length / 2, 2], pts);
const out = (vals: number[]) => t('float32', [1, 1, 1, vals.length], vals);

export const cases: OpCase[] = [
  {
    name: 'bilinear, align_corners=1: corners and center',
    op: 'GridSample',
    opset: 16,
    attrs: { align_corners: attr.int(1) },
    inputs: [X, grid([0, 0, -1, -1, 1, 1, 1, -1])],
    outputs: [out([2.5, 1, 4, 2])],
  },
  {
    // align_corners=0: (-1,-1) is the outer edge (-0.5,-0.5); three of four taps are zero padding.
    name: 'bilinear, align_corners=0, zeros padding',
    op: 'GridSample',
    opset: 16,
    inputs: [X, grid([-1, -1, 0, 0])],
    outputs: [out([0.25, 2.5])],
  },
  {
    name: 'border padding clamps the taps',
    op: 'GridSample',
    opset: 16,
    attrs: { padding_mode: attr.string('border') },
    inputs: [X, grid([-1, -1])],
    outputs: [out([1])],
  },
  {
    // x = -1.5 → pixel -1, mirrored at -0.5 to 0; y = -1 → -0.5 (in range), the tap row -1 mirrors to row 0.
    name: 'reflection padding',
    op: 'GridSample',
    opset: 16,
    attrs: { padding_mode: attr.string('reflection') },
    inputs: [X, grid([-1.5, -1])],
    outputs: [out([1])],
  },
  {
    name: 'nearest rounds half to even',
    op: 'GridSample',
    opset: 16,
    attrs: { mode: attr.string('nearest'), align_corners: attr.int(1) },
    inputs: [X, grid([0, 0, 0.2, 0.6])],
    outputs: [out([1, 4])],
  },
  {
    // t = 0.5: Keys weights (A=-0.75) are [-0.09375, 0.59375, 0.59375, -0.09375]; outer taps are zero padding.
    name: 'bicubic at the center, zeros padding',
    op: 'GridSample',
    opset: 16,
    attrs: { mode: attr.string('bicubic'), align_corners: attr.int(1) },
    inputs: [X, grid([0, 0, -1, -1])],
    outputs: [out([3.525390625, 1])],
  },
  {
    name: 'opset-20 mode name linear, float64',
    op: 'GridSample',
    opset: 20,
    attrs: { mode: attr.string('linear'), align_corners: attr.int(1) },
    inputs: [t('float64', [1, 1, 2, 2], [1, 2, 3, 4]), t('float64', [1, 1, 1, 2], [0, 0])],
    outputs: [t('float64', [1, 1, 1, 1], [2.5])],
  },
  { name: 'unknown mode', op: 'GridSample', opset: 16, attrs: { mode: attr.string('area') }, inputs: [X, grid([0, 0])], throws: 'E_UNSUPPORTED_ATTR' },
  { name: 'grid not [N,H,W,2]', op: 'GridSample', opset: 16, inputs: [X, t('float32', [1, 1, 1, 3], [0, 0, 0])], throws: 'E_SHAPE' },
];
