import { attr, t, type OpCase } from '../op-case';

// x[i,j] = 10i + j over [3,3].
const x = t('float32', [3, 3], [0, 1, 2, 10, 11, 12, 20, 21, 22]);

export const cases: OpCase[] = [
  {
    name: 'gather rows with 2-d indices',
    op: 'Gather',
    inputs: [x, t('int64', [2, 2], [0, 1, 1, 2])],
    outputs: [t('float32', [2, 2, 3], [0, 1, 2, 10, 11, 12, 10, 11, 12, 20, 21, 22])],
  },
  {
    name: 'gather axis 1 with negative index',
    op: 'Gather',
    attrs: { axis: attr.int(1) },
    inputs: [x, t('int32', [2], [-1, 0])],
    outputs: [t('float32', [3, 2], [2, 0, 12, 10, 22, 20])],
  },
  {
    name: 'gather scalar index from a shape vector',
    op: 'Gather',
    inputs: [t('int64', [4], [1, 3, 224, 224]), t('int64', [], [1])],
    outputs: [t('int64', [], [3])],
  },
  { name: 'gather strings', op: 'Gather', inputs: [t('string', [3], ['a', 'b', 'c']), t('int64', [2], [2, 2])], outputs: [t('string', [2], ['c', 'c'])] },
  { name: 'gather index out of range', op: 'Gather', inputs: [x, t('int64', [1], [3])], throws: 'E_INPUT' },
];
