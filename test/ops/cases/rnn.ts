import { attr, t, type OpCase } from '../op-case';

// One input and one hidden unit, W = 2, R = 1, Relu: Ht = relu(2·xt + Ht-1 (+ biases)).
const w = t('float32', [1, 1, 1], [2]);
const r = t('float32', [1, 1, 1], [1]);
const relu = { activations: attr.strings(['Relu']) };

export const cases: OpCase[] = [
  {
    name: 'forward with biases',
    op: 'RNN',
    attrs: relu,
    inputs: [t('float32', [2, 1, 1], [1, 2]), w, r, t('float32', [1, 2], [0.5, 0.5])],
    outputs: [t('float32', [2, 1, 1, 1], [3, 8]), t('float32', [1, 1, 1], [8])],
  },
  {
    name: 'default Tanh activation',
    op: 'RNN',
    inputs: [t('float32', [1, 1, 1], [1]), t('float32', [1, 1, 1], [0.5]), t('float32', [1, 1, 1], [0])],
    outputs: [t('float32', [1, 1, 1, 1], [Math.tanh(0.5)])],
  },
  {
    name: 'reverse direction',
    op: 'RNN',
    attrs: { ...relu, direction: attr.string('reverse') },
    inputs: [t('float32', [2, 1, 1], [1, 2]), w, r],
    outputs: [t('float32', [2, 1, 1, 1], [6, 4]), t('float32', [1, 1, 1], [6])],
  },
  {
    name: 'bidirectional',
    op: 'RNN',
    attrs: { activations: attr.strings(['Relu', 'Relu']), direction: attr.string('bidirectional') },
    inputs: [t('float32', [2, 1, 1], [1, 2]), t('float32', [2, 1, 1], [2, 2]), t('float32', [2, 1, 1], [1, 1])],
    outputs: [t('float32', [2, 2, 1, 1], [2, 6, 6, 4]), t('float32', [2, 1, 1], [6, 6])],
  },
  {
    name: 'sequence_lens stops a short sequence (Y zero past its end)',
    op: 'RNN',
    attrs: relu,
    inputs: [t('float32', [2, 2, 1], [1, 1, 2, 5]), w, r, null, t('int32', [2], [2, 1])],
    outputs: [t('float32', [2, 1, 2, 1], [2, 2, 6, 0]), t('float32', [1, 2, 1], [6, 2])],
  },
  {
    name: 'initial_h',
    op: 'RNN',
    attrs: relu,
    inputs: [t('float32', [1, 1, 1], [1]), w, r, null, null, t('float32', [1, 1, 1], [10])],
    outputs: [t('float32', [1, 1, 1, 1], [12])],
  },
  {
    name: 'clip bounds the pre-activation',
    op: 'RNN',
    attrs: { ...relu, clip: attr.float(1.5) },
    inputs: [t('float32', [1, 1, 1], [1]), w, t('float32', [1, 1, 1], [0])],
    outputs: [t('float32', [1, 1, 1, 1], [1.5])],
  },
  {
    name: 'layout 1 (batch-major, opset 14)',
    op: 'RNN',
    opset: 14,
    attrs: { ...relu, layout: attr.int(1) },
    inputs: [t('float32', [2, 2, 1], [1, 2, 3, 0]), w, r],
    outputs: [t('float32', [2, 2, 1, 1], [2, 6, 6, 6]), t('float32', [2, 1, 1], [6, 6])],
  },
  {
    name: 'Affine with activation_alpha/beta',
    op: 'RNN',
    attrs: { activations: attr.strings(['Affine']), activation_alpha: attr.floats([2]), activation_beta: attr.floats([1]) },
    inputs: [t('float32', [1, 1, 1], [1]), t('float32', [1, 1, 1], [1]), t('float32', [1, 1, 1], [0])],
    outputs: [t('float32', [1, 1, 1, 1], [3])],
  },
  {
    name: 'W of the wrong shape',
    op: 'RNN',
    inputs: [t('float32', [1, 1, 1], [1]), t('float32', [1, 2, 1], [1, 1]), r],
    throws: 'E_SHAPE',
  },
  {
    name: 'unknown activation',
    op: 'RNN',
    attrs: { activations: attr.strings(['Swish']) },
    inputs: [t('float32', [1, 1, 1], [1]), w, r],
    throws: 'E_UNSUPPORTED_ATTR',
  },
];
