import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'per-channel mean',
    op: 'GlobalAveragePool',
    inputs: [t('float32', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])],
    outputs: [t('float32', [1, 2, 1, 1], [2.5, 6.5])],
  },
  { name: '1-D float64', op: 'GlobalAveragePool', inputs: [t('float64', [1, 1, 3], [1, 2, 6])], outputs: [t('float64', [1, 1, 1], [3])] },
  { name: 'rank 2 input is rejected', op: 'GlobalAveragePool', inputs: [t('float32', [1, 2], [1, 2])], throws: 'E_SHAPE' },
];
