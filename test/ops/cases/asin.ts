import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Asin', inputs: [t('float32', [3], [-0.5, 0.5, 2])], outputs: [t('float32', [3], [-0.5235987755982989, 0.5235987755982989, NaN])] },
];
