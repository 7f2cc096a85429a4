import { attr, t, type OpCase } from '../op-case';

const eps0 = { epsilon: attr.float(0) };

export const cases: OpCase[] = [
  {
    // ch0: (x−2)/1·1+0, ch1: (x−3)/2·2+1.
    name: 'per-channel inference',
    op: 'BatchNormalization',
    attrs: eps0,
    inputs: [
      t('float32', [1, 2, 1, 2], [1, 3, 2, 4]),
      t('float32', [2], [1, 2]), t('float32', [2], [0, 1]), t('float32', [2], [2, 3]), t('float32', [2], [1, 4]),
    ],
    outputs: [t('float32', [1, 2, 1, 2], [-1, 1, 0, 2])],
  },
  {
    name: 'epsilon is added to the variance',
    op: 'BatchNormalization',
    attrs: { epsilon: attr.float(0.25) },
    inputs: [t('float32', [1, 1, 1, 1], [5]), t('float32', [1], [2]), t('float32', [1], [1]), t('float32', [1], [3]), t('float32', [1], [0.75])],
    outputs: [t('float32', [1, 1, 1, 1], [5])],
  },
  {
    name: 'rank-2 input [N, C]',
    op: 'BatchNormalization',
    attrs: eps0,
    inputs: [t('float64', [2, 2], [1, 2, 3, 4]), t('float64', [2], [1, 1]), t('float64', [2], [0, 0]), t('float64', [2], [1, 0]), t('float64', [2], [1, 1])],
    outputs: [t('float64', [2, 2], [0, 2, 2, 4])],
  },
  {
    // Batch statistics: mean 2, population variance 1; running = input·0.9 + batch·0.1.
    name: 'training_mode (opset 15) updates running statistics',
    op: 'BatchNormalization',
    opset: 15,
    attrs: { ...eps0, training_mode: attr.int(1) },
    inputs: [t('float32', [2, 1, 1, 2], [1, 3, 1, 3]), t('float32', [1], [1]), t('float32', [1], [0]), t('float32', [1], [0]), t('float32', [1], [2])],
    outputs: [t('float32', [2, 1, 1, 2], [-1, 1, -1, 1]), t('float32', [1], [0.2]), t('float32', [1], [1.9])],
  },
  {
    name: 'spatial=0 per-activation parameters (opset 7)',
    op: 'BatchNormalization',
    opset: 7,
    attrs: { ...eps0, spatial: attr.int(0) },
    inputs: [
      t('float32', [2, 1, 2], [1, 2, 3, 4]),
      t('float32', [1, 2], [1, 2]), t('float32', [1, 2], [0, 0]), t('float32', [1, 2], [2, 3]), t('float32', [1, 2], [1, 1]),
    ],
    outputs: [t('float32', [2, 1, 2], [-1, -2, 1, 2])],
  },
  {
    name: 'float16',
    op: 'BatchNormalization',
    attrs: eps0,
    inputs: [t('float16', [1, 1, 2], [1, 3]), t('float16', [1], [1]), t('float16', [1], [0]), t('float16', [1], [2]), t('float16', [1], [1])],
    outputs: [t('float16', [1, 1, 2], [-1, 1])],
  },
  {
    name: 'scale of the wrong size',
    op: 'BatchNormalization',
    inputs: [t('float32', [1, 2, 1], [1, 2]), t('float32', [3], [1, 1, 1]), t('float32', [2], [0, 0]), t('float32', [2], [0, 0]), t('float32', [2], [1, 1])],
    throws: 'E_SHAPE',
  },
];
