import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [1, 1, 1, 3], [3, -4, 0]);

export const cases: OpCase[] = [
  { name: 'p = 2 (default)', op: 'LpPool', attrs: { kernel_shape: attr.ints([1, 2]) }, inputs: [x], outputs: [t('float32', [1, 1, 1, 2], [5, 4])] },
  {
    name: 'p = 1 sums absolute values',
    op: 'LpPool',
    attrs: { kernel_shape: attr.ints([1, 2]), p: attr.int(1) },
    inputs: [x],
    outputs: [t('float32', [1, 1, 1, 2], [7, 4])],
  },
  {
    name: 'opset 1 float p',
    op: 'LpPool',
    opset: 1,
    attrs: { kernel_shape: attr.ints([1, 2]), p: attr.float(1) },
    inputs: [x],
    outputs: [t('float32', [1, 1, 1, 2], [7, 4])],
  },
  {
    name: 'padding contributes zero',
    op: 'LpPool',
    attrs: { kernel_shape: attr.ints([1, 2]), pads: attr.ints([0, 1, 0, 0]), strides: attr.ints([1, 2]) },
    inputs: [x],
    outputs: [t('float32', [1, 1, 1, 2], [3, 4])],
  },
];
