import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'non zero 2-d', op: 'NonZero', inputs: [t('float32', [2, 2], [1, 0, 1, 1])], outputs: [t('int64', [2, 3], [0, 1, 1, 0, 0, 1])] },
  { name: 'non zero bool 1-d', op: 'NonZero', inputs: [t('bool', [4], [0, 1, 0, 1])], outputs: [t('int64', [1, 2], [1, 3])] },
  { name: 'non zero float16 treats -0 as zero', op: 'NonZero', inputs: [t('float16', [3], [-0, 2, 0])], outputs: [t('int64', [1, 1], [1])] },
  { name: 'non zero int64 none', op: 'NonZero', inputs: [t('int64', [2], [0, 0])], outputs: [t('int64', [1, 0], [])] },
  { name: 'non zero strings are non-empty', op: 'NonZero', inputs: [t('string', [3], ['', 'a', ''])], outputs: [t('int64', [1, 1], [1])] },
];
