import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'truth table', op: 'Xor', inputs: [t('bool', [4], [0, 0, 1, 1]), t('bool', [4], [0, 1, 0, 1])], outputs: [t('bool', [4], [0, 1, 1, 0])] },
];
