import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Softplus', inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [0.1269280110429725, 0.4740769841801067, 0.6931471805599453, 0.9740769841801067, 2.1269280110429727])] },
  { name: 'large inputs stay finite', op: 'Softplus', inputs: [t('float64', [2], [1000, -1000])], outputs: [t('float64', [2], [1000, 0])] },
];
