import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // ch0 [1,3]: mean 2, var 1; ch1 [0,4]: mean 2, var 4.
    name: 'per (n, c) statistics',
    op: 'InstanceNormalization',
    attrs: { epsilon: attr.float(0) },
    inputs: [t('float32', [1, 2, 1, 2], [1, 3, 0, 4]), t('float32', [2], [1, 2]), t('float32', [2], [0, 1])],
    outputs: [t('float32', [1, 2, 1, 2], [-1, 1, -1, 3])],
  },
  {
    name: 'epsilon',
    op: 'InstanceNormalization',
    attrs: { epsilon: attr.float(3) },
    inputs: [t('float64', [1, 1, 2], [0, 2]), t('float64', [1], [1]), t('float64', [1], [0])],
    outputs: [t('float64', [1, 1, 2], [-0.5, 0.5])],
  },
  {
    name: 'batch of two',
    op: 'InstanceNormalization',
    attrs: { epsilon: attr.float(0) },
    inputs: [t('float32', [2, 1, 2], [2, 4, 10, 0]), t('float32', [1], [3]), t('float32', [1], [0.5])],
    outputs: [t('float32', [2, 1, 2], [-2.5, 3.5, 3.5, -2.5])],
  },
  {
    name: 'scale must have C elements',
    op: 'InstanceNormalization',
    inputs: [t('float32', [1, 2, 1], [1, 2]), t('float32', [1], [1]), t('float32', [1], [0])],
    throws: 'E_SHAPE',
  },
];
