import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'range [0, 255] gives scale 1, zero point 0',
    op: 'DynamicQuantizeLinear',
    opset: 11,
    inputs: [t('float32', [3], [0, 255, 51])],
    outputs: [t('uint8', [3], [0, 255, 51]), t('float32', [], [1]), t('uint8', [], [0])],
  },
  {
    // range 1.9921875 = 255/128 → scale 1/128, zp = 0.5·128 = 64; 0.5 and 1.5 steps round half to even.
    name: 'mixed signs, halves round to even',
    op: 'DynamicQuantizeLinear',
    opset: 11,
    inputs: [t('float32', [4], [-0.5, 1.4921875, 0.00390625, 0.01171875])],
    outputs: [t('uint8', [4], [0, 255, 64, 66]), t('float32', [], [0.0078125]), t('uint8', [], [64])],
  },
  {
    name: 'all negative: max is taken as 0',
    op: 'DynamicQuantizeLinear',
    opset: 11,
    inputs: [t('float32', [2], [-1.9921875, -1])],
    outputs: [t('uint8', [2], [0, 127]), t('float32', [], [0.0078125]), t('uint8', [], [255])],
  },
  {
    name: 'all zeros',
    op: 'DynamicQuantizeLinear',
    opset: 11,
    inputs: [t('float32', [2], [0, 0])],
    outputs: [t('uint8', [2], [0, 0]), t('float32', [], [0]), t('uint8', [], [0])],
  },
  { name: 'float64 input', op: 'DynamicQuantizeLinear', opset: 11, inputs: [t('float64', [1], [1])], throws: 'E_DTYPE' },
];
