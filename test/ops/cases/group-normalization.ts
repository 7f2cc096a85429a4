import { attr, t, type OpCase } from '../op-case';

// Four channels in two groups: group 0 = [1,3] (mean 2, var 1), group 1 = [0,4] (mean 2, var 4).
const x = t('float32', [1, 4, 1], [1, 3, 0, 4]);
const attrs = { epsilon: attr.float(0), num_groups: attr.int(2) };

export const cases: OpCase[] = [
  {
    name: 'per-group scale (opset 18)',
    op: 'GroupNormalization',
    opset: 18,
    attrs,
    inputs: [x, t('float32', [2], [1, 2]), t('float32', [2], [0, 1])],
    outputs: [t('float32', [1, 4, 1], [-1, 1, -1, 3])],
  },
  {
    name: 'per-channel scale (opset 21)',
    op: 'GroupNormalization',
    opset: 21,
    attrs,
    inputs: [x, t('float32', [4], [1, 2, 3, 4]), t('float32', [4], [0, 0, 0, 1])],
    outputs: [t('float32', [1, 4, 1], [-1, 2, -3, 5])],
  },
  {
    name: 'num_groups must divide C',
    op: 'GroupNormalization',
    opset: 18,
    attrs: { num_groups: attr.int(3) },
    inputs: [x, t('float32', [3], [1, 1, 1]), t('float32', [3], [0, 0, 0])],
    throws: 'E_ATTR',
  },
];
