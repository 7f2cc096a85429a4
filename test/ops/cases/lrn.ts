import { attr, t, type OpCase } from '../op-case';

const op = 'LRN';

export const cases: OpCase[] = [
  {
    name: 'even size: window is [c, c+1]',
    op,
    attrs: { size: attr.int(2), alpha: attr.float(2), beta: attr.float(1), bias: attr.float(1) },
    // c0: 1 / (1 + 2/2 * (1 + 4)) = 1/6; c1: 2 / (1 + 2/2 * 4) = 0.4.
    inputs: [t('float32', [1, 2, 1, 1], [1, 2])],
    outputs: [t('float32', [1, 2, 1, 1], [1 / 6, 0.4])],
  },
  {
    name: 'defaults with size 3: window [c-1, c+1] clipped at the edges',
    op,
    attrs: { size: attr.int(3) },
    inputs: [t('float64', [1, 3, 1], [1, 1, 1])],
    outputs: [t('float64', [1, 3, 1], [(1 + (1e-4 / 3) * 2) ** -0.75, (1 + (1e-4 / 3) * 3) ** -0.75, (1 + (1e-4 / 3) * 2) ** -0.75])],
  },
  { name: 'size is required', op, inputs: [t('float32', [1, 1], [1])], throws: 'E_ATTR' },
];
