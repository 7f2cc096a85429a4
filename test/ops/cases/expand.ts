import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'expand column to matrix', op: 'Expand', inputs: [t('float32', [3, 1], [1, 2, 3]), t('int64', [2], [3, 2])], outputs: [t('float32', [3, 2], [1, 1, 2, 2, 3, 3])] },
  {
    name: 'expand bidirectional (shape smaller than input)',
    op: 'Expand',
    inputs: [t('int64', [2, 1], [1, 2]), t('int64', [1], [3])],
    outputs: [t('int64', [2, 3], [1, 1, 1, 2, 2, 2])],
  },
  { name: 'expand with shape 1s keeps input', op: 'Expand', inputs: [t('string', [2], ['a', 'b']), t('int64', [2], [2, 1])], outputs: [t('string', [2, 2], ['a', 'b', 'a', 'b'])] },
  { name: 'expand incompatible', op: 'Expand', inputs: [t('float32', [3], [1, 2, 3]), t('int64', [1], [2])], throws: 'E_SHAPE' },
];

cases.push({ name: 'a negative dim in shape is refused', op: 'Expand', inputs: [t('float32', [1], [1]), t('int64', [2], [2, -3])], throws: 'E_SHAPE' });
