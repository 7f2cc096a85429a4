import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'per-element slope', op: 'PRelu', inputs: [t('float32', [4], [-2, -1, 0, 3]), t('float32', [4], [0.5, 2, 3, 4])], outputs: [t('float32', [4], [-1, -2, 0, 3])] },
  {
    name: 'channel slope broadcast [C,1,1]',
    op: 'PRelu',
    inputs: [t('float32', [1, 2, 1, 2], [-1, 1, -1, 1]), t('float32', [2, 1, 1], [0.1, 0.2])],
    outputs: [t('float32', [1, 2, 1, 2], [-0.1, 1, -0.2, 1])],
  },
  {
    name: 'opset 6: 1-D slope of size C is per channel',
    op: 'PRelu',
    opset: 6,
    inputs: [t('float32', [1, 2, 1, 3], [-1, 1, -1, -1, 1, -1]), t('float32', [2], [0.1, 0.2])],
    outputs: [t('float32', [1, 2, 1, 3], [-0.1, 1, -0.1, -0.2, 1, -0.2])],
  },
  { name: 'int32 (opset 16)', op: 'PRelu', opset: 16, inputs: [t('int32', [2], [-3, 3]), t('int32', [], [2])], outputs: [t('int32', [2], [-6, 3])] },
  { name: 'slope may not grow X', op: 'PRelu', inputs: [t('float32', [2], [-1, 1]), t('float32', [2, 2], [1, 1, 1, 1])], throws: 'E_SHAPE' },
];
