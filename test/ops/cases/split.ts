import { attr, t, type OpCase } from '../op-case';

const x6 = t('float32', [6], [1, 2, 3, 4, 5, 6]);

export const cases: OpCase[] = [
  {
    name: 'split equal parts',
    op: 'Split',
    inputs: [x6],
    outputs: [t('float32', [2], [1, 2]), t('float32', [2], [3, 4]), t('float32', [2], [5, 6])],
  },
  {
    name: 'split sizes input (opset 13)',
    op: 'Split',
    opset: 13,
    inputs: [x6, t('int64', [2], [2, 4])],
    outputs: [t('float32', [2], [1, 2]), t('float32', [4], [3, 4, 5, 6])],
  },
  {
    name: 'split sizes attribute (opset 11), axis 1',
    op: 'Split',
    opset: 11,
    attrs: { axis: attr.int(1), split: attr.ints([1, 2]) },
    inputs: [t('int64', [2, 3], [1, 2, 3, 4, 5, 6])],
    outputs: [t('int64', [2, 1], [1, 4]), t('int64', [2, 2], [2, 3, 5, 6])],
  },
  {
    name: 'split num_outputs uneven last chunk (opset 18)',
    op: 'Split',
    opset: 18,
    attrs: { num_outputs: attr.int(3) },
    inputs: [t('string', [7], ['a', 'b', 'c', 'd', 'e', 'f', 'g'])],
    outputs: [t('string', [3], ['a', 'b', 'c']), t('string', [3], ['d', 'e', 'f']), t('string', [1], ['g'])],
  },
  {
    name: 'split negative axis with zero-size part',
    op: 'Split',
    attrs: { axis: attr.int(-1) },
    inputs: [t('bool', [1, 2], [true, false]), t('int64', [3], [1, 0, 1])],
    outputs: [t('bool', [1, 1], [true]), t('bool', [1, 0], []), t('bool', [1, 1], [false])],
  },
  { name: 'split uneven without num_outputs (opset 13)', op: 'Split', opset: 13, inputs: [t('float32', [5], [1, 2, 3, 4, 5])], outputs: [t('float32', [3], []), t('float32', [2], [])], throws: 'E_SHAPE' },
  { name: 'split sizes do not sum to dim', op: 'Split', inputs: [x6, t('int64', [2], [2, 2])], outputs: [t('float32', [2], []), t('float32', [2], [])], throws: 'E_SHAPE' },
];
