import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Cos', inputs: [t('float32', [3], [0, 0.5, 1])], outputs: [t('float32', [3], [1, 0.8775825618903728, 0.5403023058681398])] },
];
