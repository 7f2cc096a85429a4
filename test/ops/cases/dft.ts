import { attr, t, type OpCase } from '../op-case';

const real4 = t('float32', [1, 4, 1], [1, 2, 3, 4]);
const h = Math.sqrt(3) / 2;

export const cases: OpCase[] = [
  // DFT of [1,2,3,4]: [10, -2+2i, -2, -2-2i].
  { name: 'real input, axis 1 (opset 17)', op: 'DFT', opset: 17, inputs: [real4], outputs: [t('float32', [1, 4, 2], [10, 0, -2, 2, -2, 0, -2, -2])] },
  {
    name: 'onesided keeps n/2+1 bins',
    op: 'DFT',
    opset: 17,
    attrs: { onesided: attr.int(1) },
    inputs: [real4],
    outputs: [t('float32', [1, 3, 2], [10, 0, -2, 2, -2, 0])],
  },
  {
    name: 'inverse of a complex spectrum',
    op: 'DFT',
    opset: 17,
    attrs: { inverse: attr.int(1) },
    inputs: [t('float32', [1, 4, 2], [10, 0, -2, 2, -2, 0, -2, -2])],
    outputs: [t('float32', [1, 4, 2], [1, 0, 2, 0, 3, 0, 4, 0])],
  },
  {
    // Truncated to [1,2,3]: X1 = 1 + 2ω + 3ω² with ω = e^{-2πi/3} = -1.5 + (√3/2)i.
    name: 'dft_length 3 truncates (direct DFT)',
    op: 'DFT',
    opset: 17,
    inputs: [real4, t('int64', [], [3])],
    outputs: [t('float32', [1, 3, 2], [6, 0, -1.5, h, -1.5, -h])],
  },
  {
    // [1,1] zero-padded to 6: X_k = 1 + e^{-2πik/6}.
    name: 'dft_length 6 zero-pads, float64',
    op: 'DFT',
    opset: 17,
    inputs: [t('float64', [1, 2, 1], [1, 1]), t('int64', [], [6])],
    outputs: [t('float64', [1, 6, 2], [2, 0, 1.5, -h, 0.5, -h, 0, 0, 0.5, h, 1.5, h])],
  },
  {
    name: 'opset 20: axis input 0',
    op: 'DFT',
    opset: 20,
    inputs: [t('float32', [2, 2, 1], [1, 2, 3, 4]), null, t('int64', [], [0])],
    outputs: [t('float32', [2, 2, 2], [4, 0, 6, 0, -2, 0, -2, 0])],
  },
  {
    name: 'opset 20: default axis -2',
    op: 'DFT',
    opset: 20,
    inputs: [t('float32', [2, 2, 1], [1, 2, 3, 4])],
    outputs: [t('float32', [2, 2, 2], [3, 0, -1, 0, 7, 0, -1, 0])],
  },
  { name: 'last dim must be 1 or 2', op: 'DFT', opset: 17, inputs: [t('float32', [1, 1, 3], [1, 2, 3])], throws: 'E_SHAPE' },
];
