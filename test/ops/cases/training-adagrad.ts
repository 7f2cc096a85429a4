import { attr, t, type OpCase } from '../op-case';

const domain = 'ai.onnx.preview.training';
const base = { op: 'Adagrad', domain, opset: 1 };
const r = t('float32', [], [0.1]);

export const cases: OpCase[] = [
  {
    ...base,
    name: 'one step: X - R g / sqrt(H + g^2)',
    // H_new = 0 + 4, X_new = 1 - 0.1 * 2 / 2.
    inputs: [r, t('int64', [], [0]), t('float32', [1], [1]), t('float32', [1], [2]), t('float32', [1], [0])],
    outputs: [t('float32', [1], [0.9]), t('float32', [1], [4])],
  },
  {
    ...base,
    name: 'decay_factor and norm_coefficient',
    attrs: { decay_factor: attr.float(0.5), norm_coefficient: attr.float(1) },
    // r = 0.1 / (1 + 2 * 0.5) = 0.05; g = 1 + 2 = 3; H_new = 7 + 9 = 16; X_new = 1 - 0.05 * 3 / 4.
    inputs: [r, t('int64', [], [2]), t('float32', [1], [1]), t('float32', [1], [2]), t('float32', [1], [7])],
    outputs: [t('float32', [1], [0.9625]), t('float32', [1], [16])],
  },
  {
    ...base,
    name: 'two tensors',
    inputs: [
      r, t('int64', [], [0]),
      t('float32', [1], [1]), t('float32', [2], [0, 0]),
      t('float32', [1], [2]), t('float32', [2], [3, 4]),
      t('float32', [1], [0]), t('float32', [2], [0, 9]),
    ],
    // X2: g 3, H 9 -> -0.1 * 3 / 3; g 4, H 25 -> -0.1 * 4 / 5.
    outputs: [t('float32', [1], [0.9]), t('float32', [2], [-0.1, -0.08]), t('float32', [1], [4]), t('float32', [2], [9, 25])],
  },
  { ...base, name: 'groups of unequal size', inputs: [r, t('int64', [], [0]), t('float32', [1], [1]), t('float32', [1], [2])], throws: 'E_INPUT' },
];
