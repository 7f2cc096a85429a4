import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'one hot default axis -1',
    op: 'OneHot',
    inputs: [t('int64', [3], [0, 2, 1]), t('int64', [], [3]), t('float32', [2], [0, 1])],
    outputs: [t('float32', [3, 3], [1, 0, 0, 0, 0, 1, 0, 1, 0])],
  },
  {
    name: 'one hot axis 0, negative and out-of-range indices, float depth',
    op: 'OneHot',
    attrs: { axis: attr.int(0) },
    inputs: [t('int32', [3], [-1, 5, 0]), t('float32', [], [3]), t('int64', [2], [-2, 7])],
    // column per index: -1 -> 2, 5 -> none, 0 -> 0
    outputs: [t('int64', [3, 3], [-2, -2, 7, -2, -2, -2, 7, -2, -2])],
  },
  {
    name: 'one hot 2-d indices, axis 1, string values',
    op: 'OneHot',
    attrs: { axis: attr.int(1) },
    inputs: [t('int64', [1, 2], [1, 0]), t('int64', [1], [2]), t('string', [2], ['n', 'y'])],
    outputs: [t('string', [1, 2, 2], ['n', 'y', 'y', 'n'])],
  },
  { name: 'one hot values not a pair', op: 'OneHot', inputs: [t('int64', [1], [0]), t('int64', [], [2]), t('float32', [3], [0, 1, 2])], throws: 'E_INPUT' },
];
