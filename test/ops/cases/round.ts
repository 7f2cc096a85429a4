import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'half to even',
    op: 'Round',
    inputs: [t('float32', [10], [0.1, 0.5, 0.9, 1.2, 1.5, 1.8, 2.5, -1.5, -2.5, -2.6])],
    outputs: [t('float32', [10], [0, 0, 1, 1, 2, 2, 2, -2, -2, -3])],
  },
  { name: 'float64 large and special', op: 'Round', inputs: [t('float64', [3], [4503599627370497, Infinity, NaN])], outputs: [t('float64', [3], [4503599627370497, Infinity, NaN])] },
];
