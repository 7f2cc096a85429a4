import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // spec example 1: data [1..8], indices [[4],[3],[1],[7]], updates [9,10,11,12]
    name: 'scatter nd elements',
    op: 'ScatterND',
    inputs: [t('float32', [8], [1, 2, 3, 4, 5, 6, 7, 8]), t('int64', [4, 1], [4, 3, 1, 7]), t('float32', [4], [9, 10, 11, 12])],
    outputs: [t('float32', [8], [1, 11, 3, 10, 9, 6, 7, 12])],
  },
  {
    name: 'scatter nd row slabs',
    op: 'ScatterND',
    inputs: [t('int64', [3, 2], [1, 2, 3, 4, 5, 6]), t('int64', [2, 1], [2, 0]), t('int64', [2, 2], [50, 60, 10, 20])],
    outputs: [t('int64', [3, 2], [10, 20, 3, 4, 50, 60])],
  },
  {
    name: 'scatter nd reduction add (opset 16)',
    op: 'ScatterND',
    opset: 16,
    attrs: { reduction: attr.string('add') },
    inputs: [t('float32', [4], [1, 2, 3, 4]), t('int64', [2, 1], [0, 0]), t('float32', [2], [10, 20])],
    outputs: [t('float32', [4], [31, 2, 3, 4])],
  },
  {
    name: 'scatter nd reduction mul (opset 16)',
    op: 'ScatterND',
    opset: 16,
    attrs: { reduction: attr.string('mul') },
    inputs: [t('int32', [2, 2], [1, 2, 3, 4]), t('int64', [1, 2], [1, 1]), t('int32', [1], [5])],
    outputs: [t('int32', [2, 2], [1, 2, 3, 20])],
  },
  { name: 'scatter nd negative index, bool', op: 'ScatterND', inputs: [t('bool', [2], [0, 0]), t('int64', [1, 1], [-1]), t('bool', [1], [1])], outputs: [t('bool', [2], [0, 1])] },
  { name: 'scatter nd bad updates shape', op: 'ScatterND', inputs: [t('float32', [4], [1, 2, 3, 4]), t('int64', [2, 1], [0, 1]), t('float32', [3], [1, 2, 3])], throws: 'E_SHAPE' },
];
