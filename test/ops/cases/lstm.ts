import { attr, t, type OpCase } from '../op-case';

// One unit: only Wc = 1 is non-zero, so with Sigmoid gates i = o = f = 0.5; initial_c = 4; g = h = Relu.
// c~ = relu(x); C = 0.5·4 + 0.5·c~; H = 0.5·relu(C).
const w = t('float32', [1, 4, 1], [0, 0, 0, 1]);
const r = t('float32', [1, 4, 1], [0, 0, 0, 0]);
const c0 = t('float32', [1, 1, 1], [4]);
const x2 = t('float32', [1, 1, 1], [2]);
const acts = { activations: attr.strings(['Sigmoid', 'Relu', 'Relu']) };
// Affine gates 0.25·pre + 0.5, with peepholes Pi = 1, Po = 0.5, Pf = 2.
const affine = { activations: attr.strings(['Affine', 'Relu', 'Relu']), activation_alpha: attr.floats([0.25]), activation_beta: attr.floats([0.5]) };
const p = t('float32', [1, 3], [1, 0.5, 2]);

export const cases: OpCase[] = [
  {
    name: 'one step with Y, Y_h, Y_c',
    op: 'LSTM',
    attrs: acts,
    inputs: [x2, w, r, null, null, null, c0],
    outputs: [t('float32', [1, 1, 1, 1], [1.5]), t('float32', [1, 1, 1], [1.5]), t('float32', [1, 1, 1], [3])],
  },
  {
    // sequence_lens = [1]: step 1 as in 'one step' (C = 3, H = 1.5); Y is zero past the end, Y_h and Y_c keep step 1.
    name: 'sequence_lens stops after one step',
    op: 'LSTM',
    attrs: acts,
    inputs: [t('float32', [2, 1, 1], [2, 5]), w, r, null, t('int32', [1], [1]), null, c0],
    outputs: [t('float32', [2, 1, 1, 1], [1.5, 0]), t('float32', [1, 1, 1], [1.5]), t('float32', [1, 1, 1], [3])],
  },
  {
    // i = 0.25·(1·4)+0.5 = 1.5, f = 0.25·(2·4)+0.5 = 2.5, C = 2.5·4 + 1.5·2 = 13, o = 0.25·(0.5·13)+0.5 = 2.125.
    name: 'peepholes with Affine gates',
    op: 'LSTM',
    attrs: affine,
    inputs: [x2, w, r, null, null, null, c0, p],
    outputs: [t('float32', [1, 1, 1, 1], [27.625]), t('float32', [1, 1, 1], [27.625]), t('float32', [1, 1, 1], [13])],
  },
  {
    // f = 1 − i = −0.5: C = −0.5·4 + 1.5·2 = 1, o = 0.25·0.5 + 0.5 = 0.625.
    name: 'input_forget couples f to 1 − i',
    op: 'LSTM',
    attrs: { ...affine, input_forget: attr.int(1) },
    inputs: [x2, w, r, null, null, null, c0, p],
    outputs: [t('float32', [1, 1, 1, 1], [0.625]), t('float32', [1, 1, 1], [0.625]), t('float32', [1, 1, 1], [1])],
  },
  {
    name: 'default activations',
    op: 'LSTM',
    inputs: [t('float32', [1, 1, 1], [1]), w, r],
    outputs: [t('float32', [1, 1, 1, 1], [0.5 * Math.tanh(0.5 * Math.tanh(1))])],
  },
  {
    // c~ = relu(clip(20, 3)) = 3, C = 2 + 1.5 = 3.5.
    name: 'clip',
    op: 'LSTM',
    attrs: { ...acts, clip: attr.float(3) },
    inputs: [x2, t('float32', [1, 4, 1], [0, 0, 0, 10]), r, null, null, null, c0],
    outputs: [t('float32', [1, 1, 1, 1], [1.75])],
  },
  {
    // Rbc = 2: c~ = relu(2 + 2) = 4, C = 2 + 2 = 4.
    name: 'recurrence bias',
    op: 'LSTM',
    attrs: acts,
    inputs: [x2, w, r, t('float32', [1, 8], [0, 0, 0, 0, 0, 0, 0, 2]), null, null, c0],
    outputs: [t('float32', [1, 1, 1, 1], [2]), t('float32', [1, 1, 1], [2]), t('float32', [1, 1, 1], [4])],
  },
  {
    name: 'layout 1 with batch 2 (opset 14)',
    op: 'LSTM',
    opset: 14,
    attrs: { ...acts, layout: attr.int(1) },
    inputs: [t('float32', [2, 1, 1], [2, 0]), w, r, null, null, null, t('float32', [2, 1, 1], [4, 0])],
    outputs: [t('float32', [2, 1, 1, 1], [1.5, 0]), t('float32', [2, 1, 1], [1.5, 0]), t('float32', [2, 1, 1], [3, 0])],
  },
  {
    name: 'float64',
    op: 'LSTM',
    attrs: acts,
    inputs: [t('float64', [1, 1, 1], [2]), t('float64', [1, 4, 1], [0, 0, 0, 1]), t('float64', [1, 4, 1], [0, 0, 0, 0]), null, null, null, t('float64', [1, 1, 1], [4])],
    outputs: [t('float64', [1, 1, 1, 1], [1.5])],
  },
  {
    name: 'P of the wrong shape',
    op: 'LSTM',
    inputs: [x2, w, r, null, null, null, c0, t('float32', [1, 2], [0, 0])],
    throws: 'E_SHAPE',
  },
];
