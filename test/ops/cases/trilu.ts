import { attr, t, type OpCase } from '../op-case';

const x = t('int64', [3, 4], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

export const cases: OpCase[] = [
  { name: 'trilu upper default', op: 'Trilu', inputs: [x], outputs: [t('int64', [3, 4], [1, 2, 3, 4, 0, 6, 7, 8, 0, 0, 11, 12])] },
  { name: 'trilu lower', op: 'Trilu', attrs: { upper: attr.int(0) }, inputs: [x], outputs: [t('int64', [3, 4], [1, 0, 0, 0, 5, 6, 0, 0, 9, 10, 11, 0])] },
  { name: 'trilu upper k=1', op: 'Trilu', inputs: [x, t('int64', [], [1])], outputs: [t('int64', [3, 4], [0, 2, 3, 4, 0, 0, 7, 8, 0, 0, 0, 12])] },
  { name: 'trilu lower k=-1', op: 'Trilu', attrs: { upper: attr.int(0) }, inputs: [x, t('int64', [], [-1])], outputs: [t('int64', [3, 4], [0, 0, 0, 0, 5, 0, 0, 0, 9, 10, 0, 0])] },
  {
    name: 'trilu batched float32',
    op: 'Trilu',
    inputs: [t('float32', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])],
    outputs: [t('float32', [2, 2, 2], [1, 2, 0, 4, 5, 6, 0, 8])],
  },
  { name: 'trilu rank 1', op: 'Trilu', inputs: [t('float32', [2], [1, 2])], throws: 'E_SHAPE' },
];
