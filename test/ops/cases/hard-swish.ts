import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'HardSwish', inputs: [t('float32', [5], [-4, -1.5, 0, 1.5, 4])], outputs: [t('float32', [5], [0, -0.375, 0, 1.125, 4])] },
];
