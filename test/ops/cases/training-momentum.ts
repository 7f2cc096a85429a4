import { attr, t, type OpCase } from '../op-case';

const domain = 'ai.onnx.preview.training';
const base = { op: 'Momentum', domain, opset: 1 };
const attrs = (mode: string, norm = 0) => ({ alpha: attr.float(0.9), beta: attr.float(0.5), mode: attr.string(mode), norm_coefficient: attr.float(norm) });
const xgv = [t('float32', [1], [1]), t('float32', [1], [2]), t('float32', [1], [1])];
const r = t('float32', [], [0.1]);

export const cases: OpCase[] = [
  {
    ...base,
    name: 'standard, T = 0 takes the whole gradient',
    attrs: attrs('standard'),
    // V_new = 0.9 * 1 + 1 * 2 = 2.9; X_new = 1 - 0.1 * 2.9.
    inputs: [r, t('int64', [], [0]), ...xgv],
    outputs: [t('float32', [1], [0.71]), t('float32', [1], [2.9])],
  },
  {
    ...base,
    name: 'standard, T = 1 scales the gradient by beta',
    attrs: attrs('standard'),
    inputs: [r, t('int64', [], [1]), ...xgv],
    outputs: [t('float32', [1], [0.81]), t('float32', [1], [1.9])],
  },
  {
    ...base,
    name: 'nesterov with norm_coefficient',
    attrs: attrs('nesterov', 0.5),
    // g = 0.5 * 1 + 2 = 2.5; V_new = 0.9 + 0.5 * 2.5 = 2.15; X_new = 1 - 0.1 * (2.5 + 0.9 * 2.15).
    inputs: [r, t('int64', [], [1]), ...xgv],
    outputs: [t('float32', [1], [0.5565]), t('float32', [1], [2.15])],
  },
  { ...base, name: 'unknown mode', attrs: attrs('heavy-ball'), inputs: [r, t('int64', [], [1]), ...xgv], throws: 'E_UNSUPPORTED_ATTR' },
];
