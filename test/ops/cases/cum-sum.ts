import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [5], [1, 2, 3, 4, 5]);

export const cases: OpCase[] = [
  { name: 'cumsum 1-d', op: 'CumSum', inputs: [x, t('int32', [], [0])], outputs: [t('float32', [5], [1, 3, 6, 10, 15])] },
  { name: 'cumsum exclusive', op: 'CumSum', attrs: { exclusive: attr.int(1) }, inputs: [x, t('int64', [], [0])], outputs: [t('float32', [5], [0, 1, 3, 6, 10])] },
  { name: 'cumsum reverse', op: 'CumSum', attrs: { reverse: attr.int(1) }, inputs: [x, t('int64', [], [0])], outputs: [t('float32', [5], [15, 14, 12, 9, 5])] },
  {
    name: 'cumsum reverse exclusive',
    op: 'CumSum',
    attrs: { reverse: attr.int(1), exclusive: attr.int(1) },
    inputs: [x, t('int64', [], [0])],
    outputs: [t('float32', [5], [14, 12, 9, 5, 0])],
  },
  {
    name: 'cumsum 2-d axis -1, int64',
    op: 'CumSum',
    inputs: [t('int64', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [], [-1])],
    outputs: [t('int64', [2, 3], [1, 3, 6, 4, 9, 15])],
  },
  { name: 'cumsum 2-d axis 0', op: 'CumSum', inputs: [t('int32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int32', [], [0])], outputs: [t('int32', [2, 3], [1, 2, 3, 5, 7, 9])] },
  { name: 'cumsum axis out of range', op: 'CumSum', inputs: [x, t('int64', [], [1])], throws: 'E_ATTR' },
];
