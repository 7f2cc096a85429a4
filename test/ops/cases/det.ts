import { t, type OpCase } from '../op-case';

const op = 'Det';

export const cases: OpCase[] = [
  { name: '2x2', op, inputs: [t('float32', [2, 2], [1, 2, 3, 4])], outputs: [t('float32', [], [-2])] },
  {
    name: 'batched, with a row swap',
    op,
    // diag(2, 3) -> 6; [[0,1],[1,0]] -> -1.
    inputs: [t('float64', [2, 2, 2], [2, 0, 0, 3, 0, 1, 1, 0])],
    outputs: [t('float64', [2], [6, -1])],
  },
  {
    name: '3x3 with a zero leading pivot',
    op,
    // cofactor expansion on row 0: -2 * (1*3 - 0*0) + 1 * (1*0 - 0*0) = -6.
    inputs: [t('float32', [3, 3], [0, 2, 1, 1, 0, 0, 0, 0, 3])],
    outputs: [t('float32', [], [-6])],
  },
  { name: 'singular', op, inputs: [t('float32', [2, 2], [1, 2, 2, 4])], outputs: [t('float32', [], [0])] },
  { name: 'float16', op, inputs: [t('float16', [1, 1, 1], [-3])], outputs: [t('float16', [1], [-3])] },
  { name: 'not square', op, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], throws: 'E_SHAPE' },
];
