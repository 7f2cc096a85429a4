import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'float32',
    op: 'Sigmoid',
    inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])],
    outputs: [t('float32', [5], [0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.8807970779778823])],
  },
  { name: 'extremes do not overflow', op: 'Sigmoid', inputs: [t('float64', [2], [-1000, 1000])], outputs: [t('float64', [2], [0, 1])] },
];
