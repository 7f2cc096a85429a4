import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'LessOrEqual', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [2])], outputs: [t('bool', [3], [1, 1, 0])] },
  { name: 'NaN compares false', op: 'LessOrEqual', inputs: [t('float64', [1], [NaN]), t('float64', [1], [NaN])], outputs: [t('bool', [1], [0])] },
];
