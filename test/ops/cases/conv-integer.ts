import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: '1x1 kernel, no zero points',
    op: 'ConvInteger',
    opset: 10,
    inputs: [t('uint8', [1, 1, 2, 2], [1, 2, 3, 4]), t('uint8', [1, 1, 1, 1], [2])],
    outputs: [t('int32', [1, 1, 2, 2], [2, 4, 6, 8])],
  },
  {
    // x - 1 = [[1,2],[3,4]]; padding reads as the zero point (0 once centred); 2x2 box sums over the padded 4x4.
    name: 'x_zero_point with padding',
    op: 'ConvInteger',
    opset: 10,
    attrs: { pads: attr.ints([1, 1, 1, 1]) },
    inputs: [t('uint8', [1, 1, 2, 2], [2, 3, 4, 5]), t('uint8', [1, 1, 2, 2], [1, 1, 1, 1]), t('uint8', [], [1])],
    outputs: [t('int32', [1, 1, 3, 3], [1, 3, 2, 4, 10, 6, 3, 7, 4])],
  },
  {
    name: 'per-output-channel w_zero_point',
    op: 'ConvInteger',
    opset: 10,
    inputs: [t('uint8', [1, 1, 1, 2], [1, 2]), t('uint8', [2, 1, 1, 1], [3, 5]), null, t('uint8', [2], [1, 5])],
    outputs: [t('int32', [1, 2, 1, 2], [2, 4, 0, 0])],
  },
  {
    name: 'strides 2, int8',
    op: 'ConvInteger',
    opset: 10,
    attrs: { strides: attr.ints([2]) },
    inputs: [t('int8', [1, 1, 4], [-1, 2, -3, 4]), t('int8', [1, 1, 1], [-2])],
    outputs: [t('int32', [1, 1, 2], [2, 6])],
  },
  { name: 'group does not divide channels', op: 'ConvInteger', opset: 10, attrs: { group: attr.int(2) }, inputs: [t('uint8', [1, 1, 1, 1], [1]), t('uint8', [1, 1, 1, 1], [1])], throws: 'E_SHAPE' },
];
