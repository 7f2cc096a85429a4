import { attr, t, type OpCase } from '../op-case';

// X = [[1,2,3],[4,5,6],[7,8,9]] as [1,1,3,3]; most cases use a 2×2 kernel of ones (window sums).
const x33 = t('float32', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const ones22 = t('float32', [1, 1, 2, 2], [1, 1, 1, 1]);

export const cases: OpCase[] = [
  {
    name: '3x3 input, 2x2 diagonal kernel, bias',
    op: 'Conv',
    inputs: [x33, t('float32', [1, 1, 2, 2], [1, 0, 0, 1]), t('float32', [1], [10])],
    outputs: [t('float32', [1, 1, 2, 2], [16, 18, 22, 24])],
  },
  {
    name: 'pads 1 on every side',
    op: 'Conv',
    attrs: { pads: attr.ints([1, 1, 1, 1]) },
    inputs: [x33, ones22],
    outputs: [t('float32', [1, 1, 4, 4], [1, 3, 5, 3, 5, 12, 16, 9, 11, 24, 28, 15, 7, 15, 17, 9])],
  },
  {
    name: 'strides 2 with pads and 3x3 kernel',
    op: 'Conv',
    attrs: { strides: attr.ints([2, 2]), pads: attr.ints([1, 1, 1, 1]), kernel_shape: attr.ints([3, 3]) },
    inputs: [x33, t('float32', [1, 1, 3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1])],
    outputs: [t('float32', [1, 1, 2, 2], [12, 16, 24, 28])],
  },
  {
    name: 'auto_pad SAME_UPPER pads at the end',
    op: 'Conv',
    attrs: { auto_pad: attr.string('SAME_UPPER') },
    inputs: [x33, ones22],
    outputs: [t('float32', [1, 1, 3, 3], [12, 16, 9, 24, 28, 15, 15, 17, 9])],
  },
  {
    name: 'auto_pad SAME_LOWER pads at the beginning',
    op: 'Conv',
    attrs: { auto_pad: attr.string('SAME_LOWER') },
    inputs: [x33, ones22],
    outputs: [t('float32', [1, 1, 3, 3], [1, 3, 5, 5, 12, 16, 11, 24, 28])],
  },
  {
    name: 'auto_pad VALID ignores pads',
    op: 'Conv',
    attrs: { auto_pad: attr.string('VALID') },
    inputs: [x33, ones22],
    outputs: [t('float32', [1, 1, 2, 2], [12, 16, 24, 28])],
  },
  {
    name: 'dilations 2 pick the corners',
    op: 'Conv',
    attrs: { dilations: attr.ints([2, 2]) },
    inputs: [x33, ones22],
    outputs: [t('float32', [1, 1, 1, 1], [20])],
  },
  {
    name: 'depthwise 1x1 (group = channels)',
    op: 'Conv',
    attrs: { group: attr.int(2) },
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('float32', [2, 1, 1, 1], [2, -1])],
    outputs: [t('float32', [1, 2, 2, 2], [2, 4, 6, 8, -5, -6, -7, -8])],
  },
  {
    name: 'depthwise 2x2 (group = channels)',
    op: 'Conv',
    attrs: { group: attr.int(2) },
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('float32', [2, 1, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1])],
    outputs: [t('float32', [1, 2, 1, 1], [10, 26])],
  },
  {
    name: 'pointwise mixes channels',
    op: 'Conv',
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('float32', [2, 2, 1, 1], [1, 1, 1, -1])],
    outputs: [t('float32', [1, 2, 2, 2], [6, 8, 10, 12, -4, -4, -4, -4])],
  },
  {
    name: 'two input channels, 2x2 kernel',
    op: 'Conv',
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('float32', [1, 2, 2, 2], [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5])],
    outputs: [t('float32', [1, 1, 1, 1], [23])],
  },
  {
    name: '1-D with stride 2',
    op: 'Conv',
    attrs: { strides: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 5], [1, 2, 3, 4, 5]), t('float32', [1, 1, 3], [1, 0, -1])],
    outputs: [t('float32', [1, 1, 2], [-2, -2])],
  },
  {
    name: '3-D',
    op: 'Conv',
    inputs: [t('float64', [1, 1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('float64', [1, 1, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1])],
    outputs: [t('float64', [1, 1, 1, 1, 1], [36])],
  },
  {
    name: 'batch of two with bias',
    op: 'Conv',
    inputs: [t('float32', [2, 1, 2, 2], [1, 2, 3, 4, 10, 20, 30, 40]), ones22, t('float32', [1], [1])],
    outputs: [t('float32', [2, 1, 1, 1], [11, 101])],
  },
  {
    name: 'float16',
    op: 'Conv',
    inputs: [t('float16', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]), t('float16', [1, 1, 2, 2], [1, 0, 0, 1])],
    outputs: [t('float16', [1, 1, 2, 2], [6, 8, 12, 14])],
  },
  {
    name: 'group does not divide channels',
    op: 'Conv',
    attrs: { group: attr.int(2) },
    inputs: [x33, ones22],
    throws: 'E_SHAPE',
  },
  {
    name: 'unknown auto_pad',
    op: 'Conv',
    attrs: { auto_pad: attr.string('SAME') },
    inputs: [x33, ones22],
    throws: 'E_UNSUPPORTED_ATTR',
  },
];
