import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'three inputs broadcast',
    op: 'Max',
    inputs: [t('float32', [3], [3, 2, 1]), t('float32', [3], [1, 4, 4]), t('float32', [1], [2])],
    outputs: [t('float32', [3], [3, 4, 4])],
  },
  { name: 'single input', op: 'Max', inputs: [t('float32', [2], [1, -1])], outputs: [t('float32', [2], [1, -1])] },
  { name: 'NaN propagates', op: 'Max', inputs: [t('float32', [2], [NaN, 1]), t('float32', [2], [1, 2])], outputs: [t('float32', [2], [NaN, 2])] },
  { name: 'int64 column x row', op: 'Max', inputs: [t('int64', [2, 1], [1, 5]), t('int64', [3], [0, 3, 9])], outputs: [t('int64', [2, 3], [1, 3, 9, 5, 5, 9])] },
  { name: 'uint8', op: 'Max', opset: 12, inputs: [t('uint8', [2], [200, 3]), t('uint8', [2], [100, 4])], outputs: [t('uint8', [2], [200, 4])] },
];
