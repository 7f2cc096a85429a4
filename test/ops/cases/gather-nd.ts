import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  // spec examples
  { name: 'gather nd full index', op: 'GatherND', inputs: [t('int32', [2, 2], [0, 1, 2, 3]), t('int64', [2, 2], [0, 0, 1, 1])], outputs: [t('int32', [2], [0, 3])] },
  { name: 'gather nd row slices', op: 'GatherND', inputs: [t('int32', [2, 2], [0, 1, 2, 3]), t('int64', [2, 1], [1, 0])], outputs: [t('int32', [2, 2], [2, 3, 0, 1])] },
  {
    name: 'gather nd 3-d data, nested indices',
    op: 'GatherND',
    inputs: [t('float32', [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7]), t('int64', [2, 1, 2], [0, 1, 1, 0])],
    outputs: [t('float32', [2, 1, 2], [2, 3, 4, 5])],
  },
  {
    name: 'gather nd batch_dims 1',
    op: 'GatherND',
    attrs: { batch_dims: attr.int(1) },
    inputs: [t('float32', [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7]), t('int64', [2, 1], [1, 0])],
    outputs: [t('float32', [2, 2], [2, 3, 4, 5])],
  },
  { name: 'gather nd negative index, strings', op: 'GatherND', inputs: [t('string', [2], ['a', 'b']), t('int64', [1, 1], [-1])], outputs: [t('string', [1], ['b'])] },
  { name: 'gather nd index too deep', op: 'GatherND', inputs: [t('int32', [2], [0, 1]), t('int64', [1, 2], [0, 0])], throws: 'E_SHAPE' },
];
