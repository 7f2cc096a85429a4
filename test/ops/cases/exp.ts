import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Exp', inputs: [t('float32', [4], [-1, 0, 1, 2])], outputs: [t('float32', [4], [0.36787944117144233, 1, 2.718281828459045, 7.38905609893065])] },
  { name: 'float16', op: 'Exp', inputs: [t('float16', [2], [0, 1])], outputs: [t('float16', [2], [1, 2.71875])] },
];
