import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'per tensor uint8 (opset 10)',
    op: 'DequantizeLinear',
    opset: 10,
    inputs: [t('uint8', [3], [0, 128, 255]), t('float32', [], [2]), t('uint8', [], [128])],
    outputs: [t('float32', [3], [-256, 0, 254])],
  },
  {
    name: 'int32 without zero point',
    op: 'DequantizeLinear',
    opset: 10,
    inputs: [t('int32', [2], [-5, 7]), t('float32', [], [0.5])],
    outputs: [t('float32', [2], [-2.5, 3.5])],
  },
  {
    name: 'per axis, axis 0 (opset 13)',
    op: 'DequantizeLinear',
    opset: 13,
    attrs: { axis: attr.int(0) },
    inputs: [t('int8', [2, 2], [1, 2, 3, 4]), t('float32', [2], [1, 0.5]), t('int8', [2], [1, 2])],
    outputs: [t('float32', [2, 2], [0, 1, 0.5, 1])],
  },
  {
    name: 'blocked along axis 1 (opset 21)',
    op: 'DequantizeLinear',
    opset: 21,
    attrs: { axis: attr.int(1), block_size: attr.int(2) },
    inputs: [t('uint8', [1, 4], [1, 2, 3, 4]), t('float32', [1, 2], [1, 2])],
    outputs: [t('float32', [1, 4], [1, 2, 6, 8])],
  },
  {
    name: 'float16 scale gives float16 output (opset 19)',
    op: 'DequantizeLinear',
    opset: 19,
    inputs: [t('int8', [2], [3, -1]), t('float16', [], [0.25])],
    outputs: [t('float16', [2], [0.75, -0.25])],
  },
  { name: 'zero point dtype differs', op: 'DequantizeLinear', opset: 13, inputs: [t('uint8', [1], [1]), t('float32', [], [1]), t('int8', [], [0])], throws: 'E_DTYPE' },
];
