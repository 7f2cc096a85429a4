import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Atan', inputs: [t('float32', [2], [-1, 2])], outputs: [t('float32', [2], [-0.7853981633974483, 1.1071487177940904])] },
];
