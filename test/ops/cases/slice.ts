import { attr, t, type OpCase } from '../op-case';

// x[i,j] = 10i + j over [3,4].
const x = t('int32', [3, 4], [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);
const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

export const cases: OpCase[] = [
  {
    name: 'slice x[0:2, 1:3]',
    op: 'Slice',
    inputs: [x, t('int64', [2], [0, 1]), t('int64', [2], [2, 3])],
    outputs: [t('int32', [2, 2], [1, 2, 11, 12])],
  },
  {
    name: 'slice with axes and steps x[:, ::2]',
    op: 'Slice',
    inputs: [x, t('int64', [1], [0]), t('int64', [1], [I64_MAX]), t('int64', [1], [1]), t('int64', [1], [2])],
    outputs: [t('int32', [3, 2], [0, 2, 10, 12, 20, 22])],
  },
  {
    name: 'slice negative step reverses x[::-1, -1]',
    op: 'Slice',
    inputs: [x, t('int64', [2], [-1, -1]), t('int64', [2], [I64_MIN, -2]), t('int64', [2], [0, 1]), t('int64', [2], [-1, -1])],
    outputs: [t('int32', [3, 1], [23, 13, 3])],
  },
  {
    name: 'slice negative step 2 from clamped start x[10:0:-2] on axis 1',
    op: 'Slice',
    inputs: [x, t('int64', [1], [10]), t('int64', [1], [0]), t('int64', [1], [-1]), t('int64', [1], [-2])],
    outputs: [t('int32', [3, 2], [3, 1, 13, 11, 23, 21])],
  },
  {
    name: 'slice empty result when start >= end',
    op: 'Slice',
    inputs: [x, t('int64', [1], [3]), t('int64', [1], [1]), t('int64', [1], [1])],
    outputs: [t('int32', [3, 0], [])],
  },
  {
    name: 'slice opset 1 attributes',
    op: 'Slice',
    opset: 9,
    attrs: { starts: attr.ints([1]), ends: attr.ints([1000]), axes: attr.ints([0]) },
    inputs: [t('string', [3], ['a', 'b', 'c'])],
    outputs: [t('string', [2], ['b', 'c'])],
  },
  { name: 'slice step 0', op: 'Slice', inputs: [x, t('int64', [1], [0]), t('int64', [1], [2]), t('int64', [1], [0]), t('int64', [1], [0])], throws: 'E_INPUT' },
];
