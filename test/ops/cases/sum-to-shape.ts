import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'sum a [2,3] gradient down to a [3] input',
    op: 'SumToShape',
    domain: 'ai.hodu',
    opset: 1,
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3], [0, 0, 0])],
    outputs: [t('float32', [3], [5, 7, 9])],
  },
  {
    name: 'to [2,1] keeps rows, sums columns',
    op: 'SumToShape',
    domain: 'ai.hodu',
    opset: 1,
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2, 1], [0, 0])],
    outputs: [t('float32', [2, 1], [6, 15])],
  },
  {
    name: 'to a scalar sums everything',
    op: 'SumToShape',
    domain: 'ai.hodu',
    opset: 1,
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [], [0])],
    outputs: [t('float32', [], [10])],
  },
  {
    name: 'same shape passes through',
    op: 'SumToShape',
    domain: 'ai.hodu',
    opset: 1,
    inputs: [t('float32', [2], [1, 2]), t('float32', [2], [0, 0])],
    outputs: [t('float32', [2], [1, 2])],
  },
  {
    name: 'shapes that do not broadcast',
    op: 'SumToShape',
    domain: 'ai.hodu',
    opset: 1,
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2], [0, 0])],
    throws: 'E_SHAPE',
  },
];
