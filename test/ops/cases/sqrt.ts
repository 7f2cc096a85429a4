import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Sqrt', inputs: [t('float32', [4], [0, 1, 4, 2.25])], outputs: [t('float32', [4], [0, 1, 2, 1.5])] },
  { name: 'negative gives NaN', op: 'Sqrt', inputs: [t('float32', [1], [-1])], outputs: [t('float32', [1], [NaN])] },
];
