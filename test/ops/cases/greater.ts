import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Greater', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [2])], outputs: [t('bool', [3], [0, 0, 1])] },
  { name: 'NaN compares false', op: 'Greater', inputs: [t('float32', [2], [NaN, 1]), t('float32', [2], [0, NaN])], outputs: [t('bool', [2], [0, 0])] },
  { name: 'int64', op: 'Greater', inputs: [t('int64', [2], [-1, 5]), t('int64', [2], [-2, 5])], outputs: [t('bool', [2], [1, 0])] },
];
