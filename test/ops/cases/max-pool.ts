import { attr, t, type OpCase } from '../op-case';

// X = [[1,2,3],[4,5,6],[7,8,9]].
const x33 = t('float32', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const k22 = { kernel_shape: attr.ints([2, 2]) };
// An unordered 3×3 so that argmax positions are distinguishable: [[3,1,2],[9,5,4],[0,8,7]].
const shuffled = t('float32', [1, 1, 3, 3], [3, 1, 2, 9, 5, 4, 0, 8, 7]);

export const cases: OpCase[] = [
  { name: '2x2 kernel stride 1', op: 'MaxPool', attrs: k22, inputs: [x33], outputs: [t('float32', [1, 1, 2, 2], [5, 6, 8, 9])] },
  {
    name: 'pads 1 stride 2 (padding never wins)',
    op: 'MaxPool',
    attrs: { ...k22, pads: attr.ints([1, 1, 1, 1]), strides: attr.ints([2, 2]) },
    inputs: [t('float32', [1, 1, 3, 3], [-1, -2, -3, -4, -5, -6, -7, -8, -9])],
    outputs: [t('float32', [1, 1, 2, 2], [-1, -2, -4, -5])],
  },
  {
    name: 'ceil_mode keeps the partial last window',
    op: 'MaxPool',
    opset: 10,
    attrs: { ...k22, strides: attr.ints([2, 2]), ceil_mode: attr.int(1) },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 2, 2], [5, 6, 8, 9])],
  },
  {
    name: 'floor mode drops the partial window',
    op: 'MaxPool',
    attrs: { ...k22, strides: attr.ints([2, 2]) },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 1, 1], [5])],
  },
  { name: 'dilations 2', op: 'MaxPool', attrs: { ...k22, dilations: attr.ints([2, 2]) }, inputs: [x33], outputs: [t('float32', [1, 1, 1, 1], [9])] },
  {
    name: 'auto_pad SAME_UPPER',
    op: 'MaxPool',
    attrs: { ...k22, auto_pad: attr.string('SAME_UPPER') },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 3, 3], [5, 6, 6, 8, 9, 9, 8, 9, 9])],
  },
  {
    name: 'auto_pad SAME_LOWER',
    op: 'MaxPool',
    attrs: { ...k22, auto_pad: attr.string('SAME_LOWER') },
    inputs: [x33],
    outputs: [t('float32', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
  },
  {
    name: 'Indices row-major',
    op: 'MaxPool',
    attrs: k22,
    inputs: [shuffled],
    outputs: [t('float32', [1, 1, 2, 2], [9, 5, 9, 8]), t('int64', [1, 1, 2, 2], [3, 4, 3, 7])],
  },
  {
    name: 'Indices column-major (storage_order 1)',
    op: 'MaxPool',
    attrs: { ...k22, storage_order: attr.int(1) },
    inputs: [shuffled],
    outputs: [t('float32', [1, 1, 2, 2], [9, 5, 9, 8]), t('int64', [1, 1, 2, 2], [1, 4, 1, 5])],
  },
  {
    name: 'Indices count the (N, C) plane offset',
    op: 'MaxPool',
    attrs: k22,
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 8, 7, 6, 5])],
    outputs: [t('float32', [1, 2, 1, 1], [4, 8]), t('int64', [1, 2, 1, 1], [3, 4])],
  },
  {
    name: '1-D stride 2',
    op: 'MaxPool',
    attrs: { kernel_shape: attr.ints([2]), strides: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 5], [1, 3, 2, 5, 4])],
    outputs: [t('float32', [1, 1, 2], [3, 5])],
  },
  {
    name: '3-D',
    op: 'MaxPool',
    attrs: { kernel_shape: attr.ints([2, 2, 2]) },
    inputs: [t('float64', [1, 1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])],
    outputs: [t('float64', [1, 1, 1, 1, 1], [8])],
  },
  {
    name: 'uint8 (opset 12)',
    op: 'MaxPool',
    opset: 12,
    attrs: { kernel_shape: attr.ints([1, 2]) },
    inputs: [t('uint8', [1, 1, 1, 4], [1, 200, 3, 4])],
    outputs: [t('uint8', [1, 1, 1, 3], [200, 200, 4])],
  },
  {
    name: 'float16',
    op: 'MaxPool',
    attrs: k22,
    inputs: [t('float16', [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
    outputs: [t('float16', [1, 1, 2, 2], [5, 6, 8, 9])],
  },
  { name: 'kernel_shape is required', op: 'MaxPool', inputs: [x33], throws: 'E_ATTR' },
];
