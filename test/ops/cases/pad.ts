import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [2, 3], [1, 2, 3, 4, 5, 6]);

export const cases: OpCase[] = [
  {
    name: 'pad constant with value',
    op: 'Pad',
    inputs: [x, t('int64', [4], [0, 1, 1, 0]), t('float32', [], [9])],
    // rows: +0 before, +1 after; cols: +1 before, +0 after
    outputs: [t('float32', [3, 4], [9, 1, 2, 3, 9, 4, 5, 6, 9, 9, 9, 9])],
  },
  {
    name: 'pad constant default zero, int64',
    op: 'Pad',
    inputs: [t('int64', [2], [1, 2]), t('int64', [2], [1, 1])],
    outputs: [t('int64', [4], [0, 1, 2, 0])],
  },
  {
    name: 'pad reflect',
    op: 'Pad',
    attrs: { mode: attr.string('reflect') },
    inputs: [t('int32', [4], [1, 2, 3, 4]), t('int64', [2], [2, 3])],
    // numpy.pad([1,2,3,4], (2,3), 'reflect')
    outputs: [t('int32', [9], [3, 2, 1, 2, 3, 4, 3, 2, 1])],
  },
  {
    name: 'pad edge',
    op: 'Pad',
    attrs: { mode: attr.string('edge') },
    inputs: [x, t('int64', [4], [1, 0, 0, 2])],
    outputs: [t('float32', [3, 5], [1, 2, 3, 3, 3, 1, 2, 3, 3, 3, 4, 5, 6, 6, 6])],
  },
  {
    name: 'pad wrap (opset 19)',
    op: 'Pad',
    opset: 19,
    attrs: { mode: attr.string('wrap') },
    inputs: [t('string', [3], ['a', 'b', 'c']), t('int64', [2], [2, 4])],
    outputs: [t('string', [9], ['b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'])],
  },
  {
    name: 'pad negative pads crop',
    op: 'Pad',
    inputs: [x, t('int64', [4], [0, -1, 0, 1]), t('float32', [], [0])],
    outputs: [t('float32', [2, 3], [2, 3, 0, 5, 6, 0])],
  },
  {
    name: 'pad axes input (opset 18)',
    op: 'Pad',
    opset: 18,
    inputs: [x, t('int64', [2], [1, 1]), t('float32', [], [7]), t('int64', [1], [-1])],
    outputs: [t('float32', [2, 5], [7, 1, 2, 3, 7, 7, 4, 5, 6, 7])],
  },
  {
    name: 'pad opset 2 attributes',
    op: 'Pad',
    opset: 2,
    attrs: { pads: attr.ints([1, 0]), value: attr.float(-1) },
    inputs: [t('float16', [2], [0.5, 1.5])],
    outputs: [t('float16', [3], [-1, 0.5, 1.5])],
  },
  {
    name: 'pad opset 1 paddings attribute',
    op: 'Pad',
    opset: 1,
    attrs: { paddings: attr.ints([0, 1]) },
    inputs: [t('float32', [1], [3])],
    outputs: [t('float32', [2], [3, 0])],
  },
  { name: 'pad wrap before opset 19', op: 'Pad', opset: 18, attrs: { mode: attr.string('wrap') }, inputs: [x, t('int64', [4], [0, 0, 0, 0])], throws: 'E_UNSUPPORTED_ATTR' },
  { name: 'pad wrong pads length', op: 'Pad', inputs: [x, t('int64', [2], [1, 1])], throws: 'E_INPUT' },
];
