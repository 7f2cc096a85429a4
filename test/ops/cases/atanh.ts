import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Atanh', inputs: [t('float32', [3], [-0.5, 0.5, 1])], outputs: [t('float32', [3], [-0.5493061443340549, 0.5493061443340549, Infinity])] },
];
