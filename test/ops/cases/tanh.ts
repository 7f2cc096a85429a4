import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'float32',
    op: 'Tanh',
    inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])],
    outputs: [t('float32', [5], [-0.9640275800758169, -0.46211715726000974, 0, 0.46211715726000974, 0.9640275800758169])],
  },
];
