import { attr, t, type OpCase } from '../op-case';

const domain = 'ai.onnx.preview.training';
const base = { op: 'Adam', domain, opset: 1 };
const half = { alpha: attr.float(0.5), beta: attr.float(0.5), epsilon: attr.float(0) };
const xgvh = [t('float32', [1], [1]), t('float32', [1], [2]), t('float32', [1], [0]), t('float32', [1], [0])];
// V_new = 0.5 * 0 + 0.5 * 2 = 1; H_new = 0.5 * 0 + 0.5 * 4 = 2.
const vh = [t('float32', [1], [1]), t('float32', [1], [2])];

export const cases: OpCase[] = [
  {
    ...base,
    name: 'T = 0: no bias correction',
    attrs: half,
    inputs: [t('float32', [], [0.1]), t('int64', [], [0]), ...xgvh],
    outputs: [t('float32', [1], [1 - 0.1 / Math.SQRT2]), ...vh],
  },
  {
    ...base,
    name: 'T = 1: bias-corrected rate R sqrt(1 - beta) / (1 - alpha)',
    attrs: half,
    // rate = 0.1 * sqrt(0.5) / 0.5 = 0.1 * sqrt 2; X_new = 1 - 0.1 * sqrt 2 * 1 / sqrt 2 = 0.9.
    inputs: [t('float32', [], [0.1]), t('int64', [], [1]), ...xgvh],
    outputs: [t('float32', [1], [0.9]), ...vh],
  },
  {
    ...base,
    name: 'norm_coefficient_post scales the result',
    attrs: { ...half, norm_coefficient_post: attr.float(0.5) },
    inputs: [t('float32', [], [0.1]), t('int64', [], [1]), ...xgvh],
    outputs: [t('float32', [1], [0.45]), ...vh],
  },
];
