import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Neg', inputs: [t('float32', [3], [-1.5, 0, 2])], outputs: [t('float32', [3], [1.5, 0, -2])] },
  { name: 'int32', op: 'Neg', inputs: [t('int32', [2], [-5, 7])], outputs: [t('int32', [2], [5, -7])] },
  { name: 'int8 -128 wraps to itself', op: 'Neg', inputs: [t('int8', [1], [-128])], outputs: [t('int8', [1], [-128])] },
];
