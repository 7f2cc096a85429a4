import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // Row [1,3]: mean 2, var 1; row [0,4]: mean 2, var 4.
    name: 'last axis with Mean and InvStdDev',
    op: 'LayerNormalization',
    attrs: { epsilon: attr.float(0) },
    inputs: [t('float32', [2, 2], [1, 3, 0, 4]), t('float32', [2], [1, 1])],
    outputs: [t('float32', [2, 2], [-1, 1, -1, 1]), t('float32', [2, 1], [2, 2]), t('float32', [2, 1], [1, 0.5])],
  },
  {
    name: 'axis 0 with full Scale and broadcast B',
    op: 'LayerNormalization',
    attrs: { epsilon: attr.float(0), axis: attr.int(0) },
    inputs: [t('float32', [2, 2], [1, 3, 1, 3]), t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2], [0, 10])],
    outputs: [t('float32', [2, 2], [-1, 12, -3, 14]), t('float32', [1, 1], [2]), t('float32', [1, 1], [1])],
  },
  {
    name: 'axis -2 over a 3-D input',
    op: 'LayerNormalization',
    attrs: { epsilon: attr.float(0), axis: attr.int(-2) },
    inputs: [t('float64', [2, 1, 2], [1, 3, 4, 6]), t('float64', [1, 2], [2, 2])],
    outputs: [t('float64', [2, 1, 2], [-2, 2, -2, 2])],
  },
  {
    name: 'epsilon and float16',
    op: 'LayerNormalization',
    attrs: { epsilon: attr.float(3) },
    inputs: [t('float16', [1, 2], [0, 2]), t('float16', [2], [1, 1]), t('float16', [2], [1, 1])],
    outputs: [t('float16', [1, 2], [0.5, 1.5])],
  },
  {
    name: 'Scale that does not broadcast',
    op: 'LayerNormalization',
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [3], [1, 1, 1])],
    throws: 'E_SHAPE',
  },
];
