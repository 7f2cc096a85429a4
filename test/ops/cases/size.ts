import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'size of 2x3', op: 'Size', inputs: [t('bool', [2, 3], [1, 0, 1, 0, 1, 0])], outputs: [t('int64', [], [6])] },
  { name: 'size of a scalar', op: 'Size', inputs: [t('string', [], ['x'])], outputs: [t('int64', [], [1])] },
  { name: 'size of an empty tensor', op: 'Size', inputs: [t('float32', [3, 0], [])], outputs: [t('int64', [], [0])] },
];
