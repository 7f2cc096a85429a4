import { attr, t, type OpCase } from '../op-case';

// One unit: Wz = Wr = 0, Wh = 1; Rz = Rr = 0, Rh = 1; Rbh = 2; initial_h = 2; g = Relu.
// z = r = sigmoid(0) = 0.5.
const w = t('float32', [1, 3, 1], [0, 0, 1]);
const r = t('float32', [1, 3, 1], [0, 0, 1]);
const b = t('float32', [1, 6], [0, 0, 0, 0, 0, 2]);
const h0 = t('float32', [1, 1, 1], [2]);
const acts = { activations: attr.strings(['Sigmoid', 'Relu']) };

export const cases: OpCase[] = [
  {
    // h~ = relu(3 + (0.5·2)·1 + 2) = 6; H = 0.5·6 + 0.5·2 = 4.
    name: 'linear_before_reset 0',
    op: 'GRU',
    attrs: acts,
    inputs: [t('float32', [1, 1, 1], [3]), w, r, b, null, h0],
    outputs: [t('float32', [1, 1, 1, 1], [4]), t('float32', [1, 1, 1], [4])],
  },
  {
    // h~ = relu(3 + 0.5·(2·1 + 2)) = 5; H = 0.5·5 + 0.5·2 = 3.5.
    name: 'linear_before_reset 1',
    op: 'GRU',
    attrs: { ...acts, linear_before_reset: attr.int(1) },
    inputs: [t('float32', [1, 1, 1], [3]), w, r, b, null, h0],
    outputs: [t('float32', [1, 1, 1, 1], [3.5]), t('float32', [1, 1, 1], [3.5])],
  },
  {
    // Step 2: h~ = relu(0 + 0.5·4 + 2) = 4; H = 0.5·4 + 0.5·4 = 4.
    name: 'two steps carry the state',
    op: 'GRU',
    attrs: acts,
    inputs: [t('float32', [2, 1, 1], [3, 0]), w, r, b, null, h0],
    outputs: [t('float32', [2, 1, 1, 1], [4, 4]), t('float32', [1, 1, 1], [4])],
  },
  {
    // sequence_lens = [1]: step 1 as in 'linear_before_reset 0' (H = 4); Y is zero past the end, Y_h keeps H.
    name: 'sequence_lens stops after one step',
    op: 'GRU',
    attrs: acts,
    inputs: [t('float32', [2, 1, 1], [3, 0]), w, r, b, t('int32', [1], [1]), h0],
    outputs: [t('float32', [2, 1, 1, 1], [4, 0]), t('float32', [1, 1, 1], [4])],
  },
  {
    name: 'default activations (Sigmoid, Tanh)',
    op: 'GRU',
    opset: 7,
    inputs: [t('float32', [1, 1, 1], [1]), w, t('float32', [1, 3, 1], [0, 0, 0])],
    outputs: [t('float32', [1, 1, 1, 1], [0.5 * Math.tanh(1)])],
  },
  {
    // Reverse of a length-2 sequence: t=1 first (x=0): h~ = relu(0 + 1 + 2) = 3, H = 2.5; then t=0 (x=3):
    // h~ = relu(3 + 0.5·2.5 + 2) = 6.25, H = 0.5·6.25 + 0.5·2.5 = 4.375.
    name: 'reverse',
    op: 'GRU',
    attrs: { ...acts, direction: attr.string('reverse') },
    inputs: [t('float32', [2, 1, 1], [3, 0]), w, r, b, null, h0],
    outputs: [t('float32', [2, 1, 1, 1], [4.375, 2.5]), t('float32', [1, 1, 1], [4.375])],
  },
  {
    name: 'B of the wrong shape',
    op: 'GRU',
    inputs: [t('float32', [1, 1, 1], [3]), w, r, t('float32', [1, 3], [0, 0, 0])],
    throws: 'E_SHAPE',
  },
];
