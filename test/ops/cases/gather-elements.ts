import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // spec example: data [[1,2],[3,4]], indices [[0,0],[1,0]], axis 1 -> [[1,1],[4,3]]
    name: 'gather elements axis 1',
    op: 'GatherElements',
    attrs: { axis: attr.int(1) },
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('int64', [2, 2], [0, 0, 1, 0])],
    outputs: [t('float32', [2, 2], [1, 1, 4, 3])],
  },
  {
    // spec example with negative indices: axis 0, indices [[-1,-2,0],[-2,0,0]] -> [[7,5,3],[4,2,3]]
    name: 'gather elements axis 0 negative indices',
    op: 'GatherElements',
    inputs: [t('int32', [3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]), t('int32', [2, 3], [-1, -2, 0, -2, 0, 0])],
    outputs: [t('int32', [2, 3], [7, 5, 3, 4, 2, 3])],
  },
  { name: 'gather elements strings', op: 'GatherElements', inputs: [t('string', [3], ['a', 'b', 'c']), t('int64', [2], [2, 0])], outputs: [t('string', [2], ['c', 'a'])] },
  { name: 'gather elements index out of range', op: 'GatherElements', inputs: [t('float32', [2], [1, 2]), t('int64', [1], [2])], throws: 'E_INPUT' },
];
