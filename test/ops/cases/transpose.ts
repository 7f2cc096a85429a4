import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'transpose default reverses axes', op: 'Transpose', inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [3, 2], [1, 4, 2, 5, 3, 6])] },
  {
    // x[i,j,k] = 100i + 10j + k over [2,2,3]; perm [1,2,0] gives y[j,k,i] = x[i,j,k].
    name: 'transpose 3d perm [1,2,0]',
    op: 'Transpose',
    attrs: { perm: attr.ints([1, 2, 0]) },
    inputs: [t('int64', [2, 2, 3], [0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112])],
    outputs: [t('int64', [2, 3, 2], [0, 100, 1, 101, 2, 102, 10, 110, 11, 111, 12, 112])],
  },
  { name: 'transpose bool', op: 'Transpose', inputs: [t('bool', [1, 2], [true, false])], outputs: [t('bool', [2, 1], [true, false])] },
  { name: 'transpose float16', op: 'Transpose', inputs: [t('float16', [2, 2], [0.5, 1.5, 2.5, 3.5])], outputs: [t('float16', [2, 2], [0.5, 2.5, 1.5, 3.5])] },
  { name: 'transpose strings', op: 'Transpose', attrs: { perm: attr.ints([1, 0]) }, inputs: [t('string', [2, 2], ['a', 'b', 'c', 'd'])], outputs: [t('string', [2, 2], ['a', 'c', 'b', 'd'])] },
  { name: 'transpose bad perm', op: 'Transpose', attrs: { perm: attr.ints([0, 0]) }, inputs: [t('float32', [2, 2], [1, 2, 3, 4])], throws: 'E_ATTR' },
];
