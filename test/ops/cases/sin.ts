import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Sin', inputs: [t('float32', [3], [0, 0.5, 1])], outputs: [t('float32', [3], [0, 0.479425538604203, 0.8414709848078965])] },
];
