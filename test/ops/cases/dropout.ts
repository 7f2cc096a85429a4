import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [2, 2], [1, -2, 3.5, 0]);
const op = 'Dropout';

export const cases: OpCase[] = [
  { name: 'inference is identity with an all-true mask', op, inputs: [x], outputs: [x, t('bool', [2, 2], [1, 1, 1, 1])] },
  {
    name: 'training_mode true with ratio 0 keeps everything (opset 13)',
    op,
    opset: 13,
    attrs: { seed: attr.int(0) },
    inputs: [x, t('float32', [], [0]), t('bool', [], [1])],
    outputs: [x, t('bool', [2, 2], [1, 1, 1, 1])],
  },
  {
    name: 'a ratio without training_mode is still inference (opset 12)',
    op,
    opset: 12,
    inputs: [x, t('float32', [], [0.9])],
    outputs: [x],
  },
  {
    name: 'training_mode false ignores the ratio',
    op,
    inputs: [t('float64', [3], [1, 2, 3]), t('float64', [], [0.5]), t('bool', [], [0])],
    outputs: [t('float64', [3], [1, 2, 3]), t('bool', [3], [1, 1, 1])],
  },
  {
    name: 'opset 7 ignores the ratio attribute; the mask has the input dtype',
    op,
    opset: 7,
    attrs: { ratio: attr.float(0.3) },
    inputs: [t('float32', [2], [4, 5])],
    outputs: [t('float32', [2], [4, 5]), t('float32', [2], [1, 1])],
  },
  {
    name: 'opset 10 mask is bool',
    op,
    opset: 10,
    inputs: [t('float16', [2], [4, 5])],
    outputs: [t('float16', [2], [4, 5]), t('bool', [2], [1, 1])],
  },
  {
    name: 'opset 6 is_test=1 is identity',
    op,
    opset: 6,
    attrs: { is_test: attr.int(1), ratio: attr.float(0.5) },
    inputs: [t('float32', [2], [4, 5])],
    outputs: [t('float32', [2], [4, 5])],
  },
  {
    name: 'opset 6 training with ratio 0 keeps everything unscaled',
    op,
    opset: 6,
    attrs: { is_test: attr.int(0), ratio: attr.float(0) },
    inputs: [t('float32', [2], [4, 5])],
    outputs: [t('float32', [2], [4, 5]), t('float32', [2], [1, 1])],
  },
  {
    name: 'ratio 1 in training is rejected',
    op,
    inputs: [x, t('float32', [], [1]), t('bool', [], [1])],
    throws: 'E_INPUT',
  },
];
