import { attr, t, type OpCase } from '../op-case';

const op = 'MaxUnpool';
const x = t('float32', [1, 1, 2, 2], [5, 6, 7, 8]);
// MaxPool(kernel 2, stride 2) over a 4x4 input picking flat positions 5, 7, 13, 15.
const idx = t('int64', [1, 1, 2, 2], [5, 7, 13, 15]);
const k2s2 = { kernel_shape: attr.ints([2, 2]), strides: attr.ints([2, 2]) };

export const cases: OpCase[] = [
  {
    name: 'default output shape (in - 1) * stride + kernel',
    op,
    attrs: k2s2,
    inputs: [x, idx],
    outputs: [t('float32', [1, 1, 4, 4], [0, 0, 0, 0, 0, 5, 0, 6, 0, 0, 0, 0, 0, 7, 0, 8])],
  },
  {
    name: 'output_shape pads the end of each spatial dim',
    op,
    opset: 11,
    attrs: k2s2,
    // (1,1) (1,3) (3,1) (3,3) of the 4x4 land at the same coordinates of the 5x5: flat 6, 8, 16, 18.
    inputs: [x, idx, t('int64', [4], [1, 1, 5, 5])],
    outputs: [t('float32', [1, 1, 5, 5], [0, 0, 0, 0, 0, 0, 5, 0, 6, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8, 0, 0, 0, 0, 0, 0])],
  },
  {
    name: '1-D with pads',
    op,
    attrs: { kernel_shape: attr.ints([2]), strides: attr.ints([2]), pads: attr.ints([1, 1]) },
    // (2 - 1) * 2 + 2 - 1 - 1 = 2 outputs.
    inputs: [t('int32', [1, 1, 2], [3, 4]), t('int64', [1, 1, 2], [1, 0])],
    outputs: [t('int32', [1, 1, 2], [4, 3])],
  },
  { name: 'index outside the output', op, attrs: k2s2, inputs: [x, t('int64', [1, 1, 2, 2], [0, 1, 2, 16])], throws: 'E_INPUT' },
];
