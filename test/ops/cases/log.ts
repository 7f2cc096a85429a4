import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Log', inputs: [t('float32', [4], [0.5, 1, 2, 10])], outputs: [t('float32', [4], [-0.6931471805599453, 0, 0.6931471805599453, 2.302585092994046])] },
  { name: 'zero and negative', op: 'Log', inputs: [t('float32', [2], [0, -1])], outputs: [t('float32', [2], [-Infinity, NaN])] },
];
