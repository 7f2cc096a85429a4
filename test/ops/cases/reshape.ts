import { attr, t, type OpCase } from '../op-case';

const x6 = t('float32', [2, 3], [1, 2, 3, 4, 5, 6]);

export const cases: OpCase[] = [
  { name: 'reshape 2x3 to 3x2', op: 'Reshape', inputs: [x6, t('int64', [2], [3, 2])], outputs: [t('float32', [3, 2], [1, 2, 3, 4, 5, 6])] },
  { name: 'reshape infers -1', op: 'Reshape', inputs: [x6, t('int64', [2], [-1, 2])], outputs: [t('float32', [3, 2], [1, 2, 3, 4, 5, 6])] },
  { name: 'reshape 0 copies the input dim', op: 'Reshape', inputs: [x6, t('int64', [3], [0, 3, 1])], constInputs: [1], outputs: [t('float32', [2, 3, 1], [1, 2, 3, 4, 5, 6])] },
  {
    name: 'reshape allowzero=1 keeps 0 as a size',
    op: 'Reshape',
    attrs: { allowzero: attr.int(1) },
    inputs: [t('float32', [0, 3], []), t('int64', [2], [3, 0])],
    outputs: [t('float32', [3, 0], [])],
  },
  {
    name: 'reshape allowzero=0 with 0 copies (opset 14)',
    op: 'Reshape',
    opset: 14,
    inputs: [t('float32', [0, 3], []), t('int64', [2], [0, 3])],
    outputs: [t('float32', [0, 3], [])],
  },
  { name: 'reshape to scalar', op: 'Reshape', inputs: [t('int64', [1, 1], [7]), t('int64', [0], [])], outputs: [t('int64', [], [7])] },
  { name: 'reshape strings', op: 'Reshape', inputs: [t('string', [4], ['a', 'b', 'c', 'd']), t('int64', [2], [2, 2])], outputs: [t('string', [2, 2], ['a', 'b', 'c', 'd'])] },
  { name: 'reshape opset 1 shape attribute', op: 'Reshape', opset: 4, attrs: { shape: attr.ints([6]) }, inputs: [x6], outputs: [t('float32', [6], [1, 2, 3, 4, 5, 6])] },
  { name: 'reshape wrong element count', op: 'Reshape', inputs: [x6, t('int64', [2], [4, 2])], throws: 'E_SHAPE' },
  { name: 'reshape two -1', op: 'Reshape', inputs: [x6, t('int64', [2], [-1, -1])], throws: 'E_SHAPE' },
];
