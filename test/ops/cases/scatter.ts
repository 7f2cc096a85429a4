import { attr, t, type OpCase } from '../op-case';

const op = 'Scatter';

export const cases: OpCase[] = [
  {
    name: 'axis 0 (opset 9)',
    op,
    opset: 9,
    inputs: [t('float32', [3, 3], [0, 0, 0, 0, 0, 0, 0, 0, 0]), t('int64', [2, 3], [1, 0, 2, 0, 2, 1]), t('float32', [2, 3], [1, 1.1, 1.2, 2, 2.1, 2.2])],
    outputs: [t('float32', [3, 3], [2, 1.1, 0, 1, 0, 2.2, 0, 2.1, 1.2])],
  },
  {
    name: 'axis 1 with a negative index (opset 10)',
    op,
    opset: 10,
    attrs: { axis: attr.int(1) },
    inputs: [t('int32', [1, 5], [1, 2, 3, 4, 5]), t('int32', [1, 2], [1, -2]), t('int32', [1, 2], [11, 21])],
    outputs: [t('int32', [1, 5], [1, 11, 3, 21, 5])],
  },
  {
    name: 'index out of range',
    op,
    opset: 9,
    inputs: [t('float32', [2], [0, 0]), t('int64', [1], [2]), t('float32', [1], [1])],
    throws: 'E_INPUT',
  },
];
