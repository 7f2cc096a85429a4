import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Reciprocal', inputs: [t('float32', [3], [-4, 2, 0])], outputs: [t('float32', [3], [-0.25, 0.5, Infinity])] },
];
