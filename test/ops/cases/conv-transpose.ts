import { attr, t, type OpCase } from '../op-case';

const x22 = t('float32', [1, 1, 2, 2], [1, 2, 3, 4]);
const ones22 = t('float32', [1, 1, 2, 2], [1, 1, 1, 1]);
// Stride 2 with a 2×2 kernel of ones: each input value fills its own 2×2 block.
const blocks = [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4];
// The same with one extra (zero) row and column at the end.
const blocksPadded = [1, 1, 2, 2, 0, 1, 1, 2, 2, 0, 3, 3, 4, 4, 0, 3, 3, 4, 4, 0, 0, 0, 0, 0, 0];

export const cases: OpCase[] = [
  {
    name: '1-D full correlation',
    op: 'ConvTranspose',
    inputs: [t('float32', [1, 1, 3], [1, 2, 3]), t('float32', [1, 1, 2], [1, 1])],
    outputs: [t('float32', [1, 1, 4], [1, 3, 5, 3])],
  },
  {
    name: '1-D stride 2',
    op: 'ConvTranspose',
    attrs: { strides: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 3], [1, 2, 3]), t('float32', [1, 1, 2], [1, 1])],
    outputs: [t('float32', [1, 1, 6], [1, 1, 2, 2, 3, 3])],
  },
  {
    name: '2-D overlapping windows add up',
    op: 'ConvTranspose',
    inputs: [x22, ones22],
    outputs: [t('float32', [1, 1, 3, 3], [1, 3, 2, 4, 10, 6, 3, 7, 4])],
  },
  {
    name: 'pads crop the output',
    op: 'ConvTranspose',
    attrs: { pads: attr.ints([1, 1, 1, 1]) },
    inputs: [x22, ones22],
    outputs: [t('float32', [1, 1, 1, 1], [10])],
  },
  {
    name: 'strides 2',
    op: 'ConvTranspose',
    attrs: { strides: attr.ints([2, 2]) },
    inputs: [x22, ones22],
    outputs: [t('float32', [1, 1, 4, 4], blocks)],
  },
  {
    name: 'output_padding adds zeros at the end',
    op: 'ConvTranspose',
    attrs: { strides: attr.ints([2, 2]), output_padding: attr.ints([1, 1]) },
    inputs: [x22, ones22],
    outputs: [t('float32', [1, 1, 5, 5], blocksPadded)],
  },
  {
    name: 'output_shape derives (negative) pads',
    op: 'ConvTranspose',
    attrs: { strides: attr.ints([2, 2]), output_shape: attr.ints([5, 5]) },
    inputs: [x22, ones22],
    outputs: [t('float32', [1, 1, 5, 5], blocksPadded)],
  },
  {
    name: 'group 2',
    op: 'ConvTranspose',
    attrs: { group: attr.int(2) },
    inputs: [t('float32', [1, 2, 1, 1], [1, 2]), t('float32', [2, 1, 1, 1], [3, 4])],
    outputs: [t('float32', [1, 2, 1, 1], [3, 8])],
  },
  {
    name: 'two output channels with bias',
    op: 'ConvTranspose',
    inputs: [t('float32', [1, 1, 1, 1], [2]), t('float32', [1, 2, 1, 2], [1, 2, 3, 4]), t('float32', [2], [1, -1])],
    outputs: [t('float32', [1, 2, 1, 2], [3, 5, 5, 7])],
  },
  {
    name: 'dilations 2',
    op: 'ConvTranspose',
    attrs: { dilations: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 2], [1, 2]), t('float32', [1, 1, 2], [1, 1])],
    outputs: [t('float32', [1, 1, 4], [1, 2, 1, 2])],
  },
  {
    // Full output [1,1,3,2,5,3,3] (length 7) cropped to in·stride = 6; SAME_UPPER drops the last element.
    name: 'auto_pad SAME_UPPER',
    op: 'ConvTranspose',
    attrs: { auto_pad: attr.string('SAME_UPPER'), strides: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 3], [1, 2, 3]), t('float32', [1, 1, 3], [1, 1, 1])],
    outputs: [t('float32', [1, 1, 6], [1, 1, 3, 2, 5, 3])],
  },
  {
    name: 'auto_pad SAME_LOWER',
    op: 'ConvTranspose',
    attrs: { auto_pad: attr.string('SAME_LOWER'), strides: attr.ints([2]) },
    inputs: [t('float32', [1, 1, 3], [1, 2, 3]), t('float32', [1, 1, 3], [1, 1, 1])],
    outputs: [t('float32', [1, 1, 6], [1, 3, 2, 5, 3, 3])],
  },
  {
    name: 'float16',
    op: 'ConvTranspose',
    inputs: [t('float16', [1, 1, 3], [1, 2, 3]), t('float16', [1, 1, 2], [1, 1])],
    outputs: [t('float16', [1, 1, 4], [1, 3, 5, 3])],
  },
  {
    name: 'W channels do not match X',
    op: 'ConvTranspose',
    inputs: [t('float32', [1, 2, 1, 1], [1, 2]), ones22],
    throws: 'E_SHAPE',
  },
];
