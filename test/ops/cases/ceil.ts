import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Ceil', inputs: [t('float32', [4], [-1.5, 1.2, 2, -0.5])], outputs: [t('float32', [4], [-1, 2, 2, -0])] },
];
