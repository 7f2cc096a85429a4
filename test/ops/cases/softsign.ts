import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Softsign', inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [-0.6666666666666666, -0.3333333333333333, 0, 0.3333333333333333, 0.6666666666666666])] },
];
