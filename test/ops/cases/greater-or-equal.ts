import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'GreaterOrEqual', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [2])], outputs: [t('bool', [3], [0, 1, 1])] },
  { name: 'int32 column x row', op: 'GreaterOrEqual', inputs: [t('int32', [2, 1], [1, 2]), t('int32', [2], [1, 2])], outputs: [t('bool', [2, 2], [1, 0, 1, 1])] },
];
