import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Tan', inputs: [t('float32', [3], [0, 0.5, 1])], outputs: [t('float32', [3], [0, 0.5463024898437905, 1.5574077246549023])] },
];
