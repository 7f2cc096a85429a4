import { attr, t, type OpCase } from '../op-case';

// X = [[1,2,3],[4,5,6],[7,8,9]].
const x33 = t('float32', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const k22 = { kernel_shape: attr.ints([2, 2]) };
const padded = { ...k22, pads: attr.ints([1, 1, 1, 1]), strides: attr.ints([2, 2]) };

export const cases: OpCase[] = [
  { name: '2x2 kernel', op: 'AveragePool', attrs: k22, inputs: [x33], outputs: [t('float32', [1, 1, 2, 2], [3, 4, 6, 7])] },
  {
    // Windows cover {1}, {2,3}, {4,7}, {5,6,8,9}.
    name: 'pads excluded from the count',
    op: 'AveragePool',
    attrs: padded,
    inputs: [x33],
    outputs: [t('float32', [1, 1, 2, 2], [1, 2.5, 5.5, 7])],
  },
  {
    name: 'count_include_pad divides by the full window',
    op: 'AveragePool',
    opset: 7,
    attrs: { ...padded, count_include_pad: attr.int(1) },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 2, 2], [0.25, 1.25, 2.75, 7])],
  },
  {
    name: 'ceil_mode partial windows average what they cover',
    op: 'AveragePool',
    opset: 10,
    attrs: { ...k22, strides: attr.ints([2, 2]), ceil_mode: attr.int(1) },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 2, 2], [3, 4.5, 7.5, 9])],
  },
  {
    name: 'auto_pad SAME_UPPER 3x3',
    op: 'AveragePool',
    attrs: { kernel_shape: attr.ints([3, 3]), auto_pad: attr.string('SAME_UPPER') },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 3, 3], [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7])],
  },
  {
    name: 'dilations (opset 19)',
    op: 'AveragePool',
    opset: 19,
    attrs: { ...k22, dilations: attr.ints([2, 2]) },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 1, 1], [5])],
  },
  {
    name: '1-D float64',
    op: 'AveragePool',
    attrs: { kernel_shape: attr.ints([2]), strides: attr.ints([2]) },
    inputs: [t('float64', [1, 1, 4], [1, 2, 3, 4])],
    outputs: [t('float64', [1, 1, 2], [1.5, 3.5])],
  },
  {
    name: 'float16',
    op: 'AveragePool',
    attrs: k22,
    inputs: [t('float16', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
    outputs: [t('float16', [1, 1, 2, 2], [3, 4, 6, 7])],
  },
  {
    name: 'pads length must match the rank',
    op: 'AveragePool',
    attrs: { ...k22, pads: attr.ints([1, 1]) },
    inputs: [x33],
    throws: 'E_ATTR',
  },
];
