import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'three inputs',
    op: 'Mean',
    inputs: [t('float32', [3], [3, 0, 2]), t('float32', [3], [1, 3, 4]), t('float32', [3], [2, 6, 6])],
    outputs: [t('float32', [3], [2, 3, 4])],
  },
  { name: 'broadcast', op: 'Mean', inputs: [t('float64', [2], [1, 2]), t('float64', [2, 1], [3, 4])], outputs: [t('float64', [2, 2], [2, 2.5, 2.5, 3])] },
];
