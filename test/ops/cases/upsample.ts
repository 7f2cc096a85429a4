import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // asymmetric x = j/2, floored: rows and columns [0, 0, 1, 1].
    name: 'nearest with scales attribute (opset 7)',
    op: 'Upsample',
    opset: 7,
    attrs: { scales: attr.floats([1, 1, 2, 2]) },
    inputs: [t('float32', [1, 1, 2, 2], [1, 2, 3, 4])],
    outputs: [t('float32', [1, 1, 4, 4], [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])],
  },
  {
    name: 'linear with scales input (opset 9)',
    op: 'Upsample',
    opset: 9,
    attrs: { mode: attr.string('linear') },
    inputs: [t('float32', [1, 2], [1, 3]), t('float32', [2], [1, 2])],
    outputs: [t('float32', [1, 4], [1, 2, 3, 3])],
  },
  {
    name: 'scales below 1 are rejected',
    op: 'Upsample',
    opset: 9,
    inputs: [t('float32', [1, 2], [1, 3]), t('float32', [2], [1, 0.5])],
    throws: 'E_INPUT',
  },
];
