import { attr, t, type OpCase } from '../op-case';

const op = 'MeanVarianceNormalization';

export const cases: OpCase[] = [
  {
    name: 'default axes [0, 2, 3]: per channel',
    op,
    // channel 0 [1, 3]: mean 2, std 1 -> [-1, 1]; channel 1 [2, 2]: std 0 -> 0 / 1e-9 = 0.
    inputs: [t('float32', [1, 2, 1, 2], [1, 3, 2, 2])],
    outputs: [t('float32', [1, 2, 1, 2], [-1, 1, 0, 0])],
  },
  {
    name: 'axes [1]: per row (opset 9)',
    op,
    opset: 9,
    attrs: { axes: attr.ints([1]) },
    // row 0 [0, 4]: mean 2, std 2 -> [-1, 1]; row 1 [1, 3]: mean 2, std 1 -> [-1, 1].
    inputs: [t('float64', [2, 2], [0, 4, 1, 3])],
    outputs: [t('float64', [2, 2], [-1, 1, -1, 1])],
  },
  { name: 'axis out of range', op, attrs: { axes: attr.ints([3]) }, inputs: [t('float32', [2, 2], [0, 1, 2, 3])], throws: 'E_ATTR' },
];
