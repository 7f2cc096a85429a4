import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // x/2 = [0, 0.5, 1.25, 1.75, -1.5, 500] → round half even [0, 0, 1, 2, -2, 500] → +128, saturated to 255.
    name: 'per tensor, uint8 zero point (opset 10)',
    op: 'QuantizeLinear',
    opset: 10,
    inputs: [t('float32', [6], [0, 1, 2.5, 3.5, -3, 1000]), t('float32', [], [2]), t('uint8', [], [128])],
    outputs: [t('uint8', [6], [128, 128, 129, 130, 126, 255])],
  },
  {
    name: 'no zero point: uint8 with zero point 0',
    op: 'QuantizeLinear',
    opset: 10,
    inputs: [t('float32', [2], [-1, 3]), t('float32', [], [1])],
    outputs: [t('uint8', [2], [0, 3])],
  },
  {
    name: 'int8 zero point saturates at -128/127',
    op: 'QuantizeLinear',
    opset: 10,
    inputs: [t('float32', [3], [-300, 5, 254]), t('float32', [], [2]), t('int8', [], [-1])],
    outputs: [t('int8', [3], [-128, 1, 126])],
  },
  {
    name: 'per axis, default axis 1 (opset 13)',
    op: 'QuantizeLinear',
    opset: 13,
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2], [1, 2]), t('int8', [2], [0, 10])],
    outputs: [t('int8', [2, 2], [1, 11, 3, 12])],
  },
  {
    name: 'per axis, axis 0',
    op: 'QuantizeLinear',
    opset: 13,
    attrs: { axis: attr.int(0) },
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2], [1, 2]), t('int8', [2], [0, 10])],
    outputs: [t('int8', [2, 2], [1, 2, 12, 12])],
  },
  {
    name: 'blocked (opset 21) with output_dtype int8',
    op: 'QuantizeLinear',
    opset: 21,
    attrs: { axis: attr.int(1), block_size: attr.int(2), output_dtype: attr.int(3) },
    inputs: [t('float32', [1, 4], [1, 2, 3, 4]), t('float32', [1, 2], [1, 2])],
    outputs: [t('int8', [1, 4], [1, 2, 2, 2])],
  },
  {
    name: 'float16 input and scale (opset 19)',
    op: 'QuantizeLinear',
    opset: 19,
    inputs: [t('float16', [3], [1, 1.25, -0.75]), t('float16', [], [0.5]), t('int8', [], [0])],
    outputs: [t('int8', [3], [2, 2, -2])],
  },
  { name: 'per-axis scale before opset 13', op: 'QuantizeLinear', opset: 10, inputs: [t('float32', [2], [1, 2]), t('float32', [2], [1, 2])], throws: 'E_SHAPE' },
  { name: 'int32 zero point', op: 'QuantizeLinear', opset: 13, inputs: [t('float32', [1], [1]), t('float32', [], [1]), t('int32', [], [0])], throws: 'E_UNSUPPORTED_DTYPE' },
];
