import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'same shape float32',
    op: 'Add',
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2, 2], [10, 20, 30, 40])],
    outputs: [t('float32', [2, 2], [11, 22, 33, 44])],
  },
  {
    name: 'broadcast row over matrix',
    op: 'Add',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3], [10, 20, 30])],
    outputs: [t('float32', [2, 3], [11, 22, 33, 14, 25, 36])],
  },
  {
    name: 'broadcast column and row to matrix (int32)',
    op: 'Add',
    inputs: [t('int32', [2, 1], [1, 2]), t('int32', [1, 3], [10, 20, 30])],
    outputs: [t('int32', [2, 3], [11, 21, 31, 12, 22, 32])],
  },
  {
    name: 'int64',
    op: 'Add',
    inputs: [t('int64', [2], [5, -7]), t('int64', [], [3])],
    outputs: [t('int64', [2], [8, -4])],
  },
  {
    name: 'incompatible shapes',
    op: 'Add',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2], [1, 2])],
    throws: 'E_SHAPE',
  },
];
