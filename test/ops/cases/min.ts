import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'three inputs broadcast',
    op: 'Min',
    inputs: [t('float32', [3], [3, 2, 1]), t('float32', [3], [1, 4, 4]), t('float32', [1], [2])],
    outputs: [t('float32', [3], [1, 2, 1])],
  },
  { name: 'int32 matrix and scalar', op: 'Min', inputs: [t('int32', [2, 2], [-5, 5, 0, 10]), t('int32', [], [1])], outputs: [t('int32', [2, 2], [-5, 1, 0, 1])] },
];
